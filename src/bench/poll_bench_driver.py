#!/usr/bin/env python3
"""Drives a running Warta through two poll cycles and prints their figures.

Usage: poll_bench_driver.py BASE_URL TOKEN OPML_FILE SOURCES
Cycle 1: import the OPML (every source due at once), wait until every source was fetched once.
Cycle 2: POST /api/sources/refresh (every source due again; nginx answers 304), wait until fetched twice.
Progress is read from /q/metrics (warta_poll_fetches_total), which costs the server next to nothing.

A cycle counts as met only when every fetch in it had the expected outcome: "fetched" in cycle 1,
"not-modified" in cycle 2. Fetches that failed fast (a refused connection, a timeout, an HTTP error)
finish a cycle sooner, so they must not make a target look met.
"""
import json
import re
import sys
import time
import urllib.request

FETCHES = re.compile(r'^warta_poll_fetches_total\{[^}]*outcome="([^"]+)"[^}]*\} ([0-9.eE+]+)$', re.M)
NEW_ENTRIES = re.compile(r'^warta_poll_entries_total\{[^}]*change="new"[^}]*\} ([0-9.eE+]+)$', re.M)


def parse_metrics(text):
    """(fetches by outcome, new entries) from a /q/metrics text."""
    fetches = {}
    for m in FETCHES.finditer(text):
        fetches[m.group(1)] = fetches.get(m.group(1), 0) + float(m.group(2))
    new = sum(float(v) for v in NEW_ENTRIES.findall(text))
    return fetches, new


def outcomes_between(before, after):
    """Fetches by outcome that happened between two readings (outcomes with none left out)."""
    delta = {k: after.get(k, 0) - before.get(k, 0) for k in set(before) | set(after)}
    return {k: int(v) for k, v in sorted(delta.items()) if v}


def verdict(outcomes, expected, sources, seconds, limit):
    """'met' only if all `sources` fetches of the cycle had the `expected` outcome within `limit` seconds."""
    good = outcomes.get(expected, 0)
    if good < sources:
        others = {k: v for k, v in outcomes.items() if k != expected}
        return f"MISSED: only {good} of {sources} were {expected} (others: {others})"
    return "met" if seconds <= limit else "MISSED"


class Warta:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def call(self, method, path, body=None, content_type=None):
        req = urllib.request.Request(self.base + path, data=body, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        if content_type:
            req.add_header("Content-Type", content_type)
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.read()

    def metrics(self):
        return parse_metrics(self.call("GET", "/q/metrics").decode())

    def wait_for(self, total, limit):
        start = time.monotonic()
        while time.monotonic() - start < limit:
            fetches, new = self.metrics()
            if sum(fetches.values()) >= total:
                return fetches, new
            time.sleep(0.2)
        raise SystemExit(f"timed out waiting for {total} fetches: {self.metrics()}")


def main(base, token, opml, sources):
    warta = Warta(base, token)
    t0 = time.monotonic()
    result = json.loads(warta.call("POST", "/api/sources/opml", open(opml, "rb").read(), "text/x-opml"))
    assert result["created"] == sources, result
    fetches, new = warta.wait_for(sources, 600)
    first = time.monotonic() - t0
    cycle1 = outcomes_between({}, fetches)
    if cycle1.get("fetched", 0) < sources:
        raise SystemExit(f"not every source was read: {cycle1}")
    print(f"cycle 1: {sources} sources, {int(new)} entries stored in {first:.1f} s "
          f"= {new / first:.0f} entries/s, {sources / first:.0f} sources/s; outcomes {cycle1}")

    t1 = time.monotonic()
    warta.call("POST", "/api/sources/refresh")
    fetches2, new2 = warta.wait_for(2 * sources, 600)
    second = time.monotonic() - t1
    cycle2 = outcomes_between(fetches, fetches2)
    print(f"cycle 2: {sources} sources in {second:.1f} s, {cycle2.get('not-modified', 0)} answered 304, "
          f"{int(new2 - new)} new entries; outcomes {cycle2}")
    print(f"targets: cycle 1 <= 60 s: {verdict(cycle1, 'fetched', sources, first, 60)}; "
          f"all-304 cycle <= 10 s: {verdict(cycle2, 'not-modified', sources, second, 10)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
