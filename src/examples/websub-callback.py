#!/usr/bin/env python3
"""A WebSub subscriber for trying Warta's hub on one machine: answers the hub's verification of intent by echoing
hub.challenge, and prints every delivery (its signature and first line). Standard library only.

    python3 src/examples/websub-callback.py        # listens on http://127.0.0.1:9000/push
"""
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse


class Callback(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        challenge = query.get("hub.challenge", [""])[0].encode()
        print("verify:", query.get("hub.mode", ["?"])[0], query.get("hub.topic", ["?"])[0], flush=True)
        self.send_response(200 if challenge else 404)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(challenge)))
        self.end_headers()
        self.wfile.write(challenge)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        print("delivery:", self.headers.get("Content-Type"), len(body), "bytes, X-Hub-Signature:",
              self.headers.get("X-Hub-Signature"), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", 9000), Callback).serve_forever()
