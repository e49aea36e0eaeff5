#!/usr/bin/env bash
# Warta's feed reader over a peer's corpus of test feeds: every file must be read or refused with a clear
# FeedReadException; none may crash. Prints read/refused/crashed counts per directory and in total, and the crashes.
# For feedparser's tests/wellformed it also evaluates the files' own "Expect:" lines against what Warta read
# (corpus_expect.py) and prints "N of M hold".
#
#   src/bench/corpus-run.sh /path/to/feedvalidator/testcases/{rss,rss20,atom,ext}
#   src/bench/corpus-run.sh /path/to/feedparser/tests/{wellformed,illformed,encoding,entities,json}
#
# The corpora are not this project's: check them out anywhere, never commit them. Exits 1 when anything crashed.
set -euo pipefail
[ $# -gt 0 ] || { sed -n '2,10p' "$0"; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/warta-corpus.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

(cd "$ROOT" && ./mvnw -B -q -o compile && ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$WORK/classpath" >/dev/null)
CP="$ROOT/target/classes:$(cat "$WORK/classpath")"

status=0
java -cp "$CP" "$ROOT/src/bench/CorpusRun.java" --items "$WORK/items.jsonl" "$@" || status=$?
if grep -q '/wellformed/' "$WORK/items.jsonl"; then
  python3 "$ROOT/src/bench/corpus_expect.py" "$WORK/items.jsonl"
fi
exit $status
