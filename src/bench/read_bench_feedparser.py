#!/usr/bin/env python3
"""feedparser's reading throughput on the same file: prints entries_per_second=<n>."""
import sys
import time

import feedparser

data = open(sys.argv[1], "rb").read()
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
feedparser.parse(data)
start = time.perf_counter()
total = 0
for _ in range(rounds):
    total += len(feedparser.parse(data).entries)
seconds = time.perf_counter() - start
print(f"entries_per_feed={total // rounds} rounds={rounds} seconds={seconds:.3f} entries_per_second={total / seconds:.0f}")
