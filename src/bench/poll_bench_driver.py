#!/usr/bin/env python3
"""Drives a running Warta through two poll cycles and prints their figures.

Usage: poll_bench_driver.py BASE_URL TOKEN OPML_FILE SOURCES [WARTA_PID PG_PORT]
Import: the whole OPML in one POST /api/sources/opml, timed (target <= 10 s, floor 30 s, never 5xx).
Cycle 1: the import makes every source due at once; wait until every source was fetched once.
Cycle 2: POST /api/sources/refresh (every source due again; nginx answers 304), wait until fetched twice.
Progress is read from /q/metrics (warta_poll_fetches_total), which costs the server next to nothing.

A cycle counts as met only when every fetch in it had the expected outcome: "fetched" in cycle 1,
"not-modified" in cycle 2. Fetches that failed fast (a refused connection, a timeout, an HTTP error)
finish a cycle sooner, so they must not make a target look met.

With WARTA_PID and PG_PORT (the embedded PostgreSQL's), each step also prints what does not depend on how
busy the machine is: CPU seconds of the Warta JVM and of the PostgreSQL server (postmaster, its live
backends and those it reaped), and the database transactions committed (pg_stat_database).
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
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


def verdict(outcomes, expected, sources, seconds, limit, floor):
    """'met' only if all `sources` fetches of the cycle had the `expected` outcome within `limit` seconds;
    'floor met' within `floor` seconds."""
    good = outcomes.get(expected, 0)
    if good < sources:
        others = {k: v for k, v in outcomes.items() if k != expected}
        return f"MISSED: only {good} of {sources} were {expected} (others: {others})"
    return "met" if seconds <= limit else "floor met" if seconds <= floor else "MISSED"


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid, reaped=False):
    """utime+stime of a process (and of the children it reaped), in seconds; 0 when it is gone."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if reaped else 0)
    return ticks / TICKS


class Costs:
    """CPU of Warta and of PostgreSQL, and committed transactions, between two readings."""

    def __init__(self, warta_pid, pg_port):
        self.warta_pid, self.pg_port = warta_pid, pg_port
        self.postmaster = None
        if pg_port:
            out = subprocess.run(["ss", "-Hltnp", f"sport = :{pg_port}"], capture_output=True, text=True).stdout
            m = re.search(r"pid=(\d+)", out)
            self.postmaster = int(m.group(1)) if m else None

    def read(self):
        if not self.warta_pid:
            return None
        pg = 0.0
        if self.postmaster:
            pg = cpu_seconds(self.postmaster, reaped=True)
            children = subprocess.run(["pgrep", "-P", str(self.postmaster)], capture_output=True, text=True).stdout.split()
            pg += sum(cpu_seconds(int(c)) for c in children)
        commits = 0
        if self.pg_port:
            out = subprocess.run(["psql", "-XAtq", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-d", "warta",
                                  "-c", "select xact_commit from pg_stat_database where datname = 'warta'"],
                                 capture_output=True, text=True).stdout.strip()
            commits = int(out) if out.isdigit() else 0
        return cpu_seconds(self.warta_pid), pg, commits

    @staticmethod
    def between(before, after, fetches):
        if not before:
            return ""
        warta, pg, commits = (a - b for a, b in zip(after, before))
        per = f", {commits / fetches:.1f} per fetch" if fetches else ""
        # Statistics reach pg_stat_database within a second or so of a commit: close enough for these totals.
        return f"; CPU: Warta {warta:.1f} s, PostgreSQL {pg:.1f} s; {commits} transactions{per}"


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


def import_opml(warta, opml, sources):
    """The OPML in one request; its time, or an exit naming the status when it failed."""
    t0 = time.monotonic()
    try:
        result = json.loads(warta.call("POST", "/api/sources/opml", open(opml, "rb").read(), "text/x-opml"))
    except urllib.error.HTTPError as e:
        raise SystemExit(f"import: {sources} outlines in one request answered {e.code} after "
                         f"{time.monotonic() - t0:.1f} s (target <= 10 s, floor 30 s, never 5xx)")
    took = time.monotonic() - t0
    if result["created"] != sources:
        raise SystemExit(f"import: expected {sources} new sources, got {result['created']} (rejected: {result['rejected'][:3]})")
    verdict_ = "met" if took <= 10 else "floor met" if took <= 30 else "MISSED"
    return t0, f"import: {sources} outlines in one request, 200 in {took:.2f} s (target <= 10 s, floor 30 s: {verdict_})"


def main(base, token, opml, sources, warta_pid=None, pg_port=None):
    warta = Warta(base, token)
    costs = Costs(warta_pid, pg_port)
    c0 = costs.read()
    t0, imported = import_opml(warta, opml, sources)
    print(imported + Costs.between(c0, costs.read(), 0))
    fetches, new = warta.wait_for(sources, 600)
    first = time.monotonic() - t0
    c1 = costs.read()
    cycle1 = outcomes_between({}, fetches)
    if cycle1.get("fetched", 0) < sources:
        raise SystemExit(f"not every source was read: {cycle1}")
    print(f"cycle 1: {sources} sources, {int(new)} entries stored in {first:.1f} s "
          f"= {new / first:.0f} entries/s, {sources / first:.0f} sources/s; outcomes {cycle1}"
          + Costs.between(c0, c1, sources))

    t1 = time.monotonic()
    warta.call("POST", "/api/sources/refresh")
    fetches2, new2 = warta.wait_for(2 * sources, 600)
    second = time.monotonic() - t1
    cycle2 = outcomes_between(fetches, fetches2)
    print(f"cycle 2: {sources} sources in {second:.1f} s, {cycle2.get('not-modified', 0)} answered 304, "
          f"{int(new2 - new)} new entries; outcomes {cycle2}" + Costs.between(c1, costs.read(), sources))
    print(f"targets: cycle 1 <= 60 s (floor 90): {verdict(cycle1, 'fetched', sources, first, 60, 90)}; "
          f"all-304 cycle <= 10 s (floor 15): {verdict(cycle2, 'not-modified', sources, second, 10, 15)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]),
         int(sys.argv[5]) if len(sys.argv) > 5 else None, int(sys.argv[6]) if len(sys.argv) > 6 else None)
