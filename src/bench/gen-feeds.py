#!/usr/bin/env python3
"""Writes the benchmark's upstream feeds: N sources x M entries, an OPML listing them, and one big feed.

Usage: gen-feeds.py DIR PORT SOURCES ENTRIES HOSTS
Feeds are spread over HOSTS loopback addresses 127.0.1.1 .. 127.0.1.HOSTS, as sources of many sites would be.
"""
import os
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape


def rss(title, site, count, newest):
    items = []
    for i in range(count):
        date = format_datetime(newest - timedelta(minutes=37 * i), usegmt=True)
        link = f"{site}artikel/{i}"
        items.append(
            f"<item><title>{escape(title)}: berita nomor {i} tentang Ukraina dan Rusia</title><link>{link}</link>"
            f"<guid>{link}</guid><pubDate>{date}</pubDate><dc:creator>Penulis {i % 7}</dc:creator>"
            f"<category>Internasional</category>"
            f"<description>&lt;p&gt;Paragraf pembuka berita {i} dari {escape(title)}, dengan &lt;b&gt;tebal&lt;/b&gt; "
            f"dan &lt;a href=\"/tautan/{i}\"&gt;tautan&lt;/a&gt;.&lt;/p&gt;</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
            f"<title>{escape(title)}</title><link>{site}</link><description>Bench</description>"
            + "".join(items) + "</channel></rss>\n")


def main():
    out, port, sources, entries, hosts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    os.makedirs(os.path.join(out, "feeds"), exist_ok=True)
    newest = datetime.now(timezone.utc) - timedelta(minutes=5)
    outlines = []
    for n in range(sources):
        name = f"s{n}.xml"
        with open(os.path.join(out, "feeds", name), "w", encoding="utf-8") as f:
            f.write(rss(f"Sumber {n}", f"https://sumber{n}.example.com/", entries, newest))
        host = f"127.0.1.{n % hosts + 1}"
        outlines.append(f'<outline type="rss" text="Sumber {n}" xmlUrl="http://{host}:{port}/feeds/{name}"/>')
    with open(os.path.join(out, "sources.opml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>bench</title></head><body>'
                '<outline text="Bench">' + "".join(outlines) + "</outline></body></opml>\n")
    with open(os.path.join(out, "big.xml"), "w", encoding="utf-8") as f:
        f.write(rss("Besar", "https://besar.example.com/", 1000, newest))


if __name__ == "__main__":
    main()
