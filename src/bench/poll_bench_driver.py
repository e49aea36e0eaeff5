#!/usr/bin/env python3
"""Drives a running Warta through two poll cycles and prints their figures.

Usage: poll_bench_driver.py BASE_URL TOKEN OPML_FILE SOURCES
Cycle 1: import the OPML (every source due at once), wait until every source was fetched once.
Cycle 2: POST /api/sources/refresh (every source due again; nginx answers 304), wait until fetched twice.
Progress is read from /q/metrics (warta_poll_fetches_total), which costs the server next to nothing.
"""
import json
import re
import sys
import time
import urllib.request

BASE, TOKEN, OPML, SOURCES = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def call(method, path, body=None, content_type=None):
    req = urllib.request.Request(BASE + path, data=body, method=method)
    req.add_header("Authorization", "Bearer " + TOKEN)
    if content_type:
        req.add_header("Content-Type", content_type)
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.read()


def metrics():
    text = call("GET", "/q/metrics").decode()
    fetches = {}
    for m in re.finditer(r'^warta_poll_fetches_total\{[^}]*outcome="([^"]+)"[^}]*\} ([0-9.eE+]+)$', text, re.M):
        fetches[m.group(1)] = fetches.get(m.group(1), 0) + float(m.group(2))
    new = sum(float(v) for v in re.findall(r'^warta_poll_entries_total\{[^}]*change="new"[^}]*\} ([0-9.eE+]+)$', text, re.M))
    return fetches, new


def wait_for(total, limit):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        fetches, new = metrics()
        if sum(fetches.values()) >= total:
            return fetches, new
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {total} fetches: {metrics()}")


t0 = time.monotonic()
result = json.loads(call("POST", "/api/sources/opml", open(OPML, "rb").read(), "text/x-opml"))
assert result["created"] == SOURCES, result
fetches, new = wait_for(SOURCES, 600)
first = time.monotonic() - t0
if fetches.get("fetched", 0) < SOURCES:
    raise SystemExit(f"not every source was read: {fetches}")
print(f"cycle 1: {SOURCES} sources, {int(new)} entries stored in {first:.1f} s "
      f"= {new / first:.0f} entries/s, {SOURCES / first:.0f} sources/s; outcomes {fetches}")

t1 = time.monotonic()
call("POST", "/api/sources/refresh")
fetches2, new2 = wait_for(2 * SOURCES, 600)
second = time.monotonic() - t1
not_modified = fetches2.get("not-modified", 0) - fetches.get("not-modified", 0)
print(f"cycle 2: {SOURCES} sources in {second:.1f} s, {int(not_modified)} answered 304, {int(new2 - new)} new entries; "
      f"outcomes {fetches2}")
print(f"targets: cycle 1 <= 60 s: {'met' if first <= 60 else 'MISSED'}; all-304 cycle <= 10 s: {'met' if second <= 10 else 'MISSED'}")
