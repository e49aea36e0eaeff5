#!/usr/bin/env bash
# Cost in stored entries: the first- and second-page render times of every feed format (all entries, a dense topic,
# a sparse topic) and of the three HTML pages (/, /topics/{slug}, /entries/{id}) with 1,000 entries stored, then
# with 1,000,000, and the ratio. Entries are written with SQL (src/bench/archive-seed.sql): 90% in one topic
# ("arsip-padat"), 1% in another ("arsip-jarang"), the rest in none. The archive grows backwards in time, so the
# newest pages show the same entries at either size: only the reads' cost in stored entries differs.
#
#   src/bench/archive-bench.sh                      # 1,000 then 1,000,000 entries, median of 9 renders
#   ARCHIVE=50000 SAMPLES=5 src/bench/archive-bench.sh     # a smaller smoke run
#   EXPLAIN=1 src/bench/archive-bench.sh            # also print the query plans at the large size
#
# Each timed request misses the render cache and is rendered (a distinct X-Forwarded-Host is a distinct cache key;
# the render counters of /q/metrics are checked to move), after a warm-up of the JIT and of PostgreSQL's buffers.
# Prints milliseconds (median of $SAMPLES curl time_total) per case and size, and large/small.
# Targets (issue 9): large/small <= 1.2 for every first page, floor <= 1.5. Second pages are printed beside them.
# A second page that does not exist at the small size (the sparse topic holds 10 entries there) shows "-".
# Not part of ./mvnw verify. Needs a JDK 17, curl and psql; only loopback is used.
set -euo pipefail
cd "$(dirname "$0")/../.."

SMALL=${SMALL:-1000}
ARCHIVE=${ARCHIVE:-1000000}
SAMPLES=${SAMPLES:-9}
WARMUP=${WARMUP:-30}
WARTA_PORT=${WARTA_PORT:-18482}
PG_PORT=${PG_PORT:-18483}
TOKEN=bench-$RANDOM$RANDOM
DENSE=arsip-padat
SPARSE=arsip-jarang

command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)"; exit 1; }
if [[ ! -f target/quarkus-app/quarkus-run.jar || -n "${REBUILD:-}" ]]; then
  echo "== building the jar"
  ./mvnw -B -q package -DskipTests
fi

WORK=$(mktemp -d /tmp/warta-archive.XXXXXX)
WARTA_PID=
cleanup() {
  [[ -n "$WARTA_PID" ]] && kill "$WARTA_PID" 2>/dev/null && wait "$WARTA_PID" 2>/dev/null || true
  if [[ -n "${KEEP_WORK:-}" ]]; then echo "== kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== starting Warta (prod profile, throwaway database on 127.0.0.1:$PG_PORT) on 127.0.0.1:$WARTA_PORT"
# shellcheck disable=SC2086
WARTA_ADMIN_TOKENS=$TOKEN java ${JAVA_OPTS:-} -Dwarta.db.ephemeral=true -Dwarta.db.port="$PG_PORT" \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$WARTA_PORT" -Dquarkus.log.level=WARN \
  -Dwarta.samples.import-on-start=false -jar target/quarkus-app/quarkus-run.jar >"$WORK/warta.log" 2>&1 &
WARTA_PID=$!
WARTA=http://127.0.0.1:$WARTA_PORT
for _ in $(seq 1 240); do
  curl -fs "$WARTA/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$WARTA_PID" 2>/dev/null || { cat "$WORK/warta.log"; exit 1; }
  sleep 0.5
done
curl -fs "$WARTA/q/health/ready" >/dev/null
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=warta
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -c "$1"; }

for t in "Arsip Padat" "Arsip Jarang"; do
  curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"label\": \"$t\", \"rules\": []}" "$WARTA/api/topics/$(echo "$t" | tr 'A-Z ' 'a-z-')"
done
DENSE_ID=$(sql "select id from topic where slug = '$DENSE'")
SPARSE_ID=$(sql "select id from topic where slug = '$SPARSE'")

seed() { # how many more entries, older than every stored one
  local t0=$SECONDS
  psql -X -q -v ON_ERROR_STOP=1 -v n="$1" -v dense="$DENSE_ID" -v sparse="$SPARSE_ID" -v dense_pct=90 \
    -f src/bench/archive-seed.sql >/dev/null
  echo "   wrote $1 entries in $((SECONDS - t0)) s; stored: $(sql 'select count(*) from entry')"
}

renders() { curl -fs "$WARTA/q/metrics" | awk '/^warta_(pages|feeds)_renders_total/ {s += $2} END {printf "%d", s}'; }
path_of() { sed -E 's#^https?://[^/]+##'; }
next_of() { # path -> the path of its rel="next" page (Link header), or nothing
  curl -fsI -H "X-Forwarded-Host: next.bench" "$WARTA$1" | tr -d '\r' | grep -i '^link:' \
    | grep -o '<[^>]*>; rel="next"' | head -1 | sed -E 's/^<([^>]*)>.*/\1/' | path_of || true
}
N=0
timed() { # path -> median milliseconds of $SAMPLES renders that miss the cache
  local p=$1 i
  local times=()
  for i in $(seq 1 "$SAMPLES"); do
    N=$((N + 1))
    times+=("$(curl -fs -o /dev/null -w '%{time_total}' -H "X-Forwarded-Host: miss-$N.bench" "$WARTA$p")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", 1000 * (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'
}

CASES=(feeds/all.atom feeds/all.rss feeds/all.json
  "feeds/topics/$DENSE.atom" "feeds/topics/$DENSE.rss" "feeds/topics/$DENSE.json"
  "feeds/topics/$SPARSE.atom" "feeds/topics/$SPARSE.rss" "feeds/topics/$SPARSE.json"
  home "topics/$DENSE" "topics/$SPARSE" entry)
declare -A MS
measure() { # size label
  local entry_id c p second before
  entry_id=$(sql "select et.entry_id from entry_topic et where et.topic_id = $DENSE_ID order by et.published_at desc, et.entry_id desc limit 1")
  echo "== warming up ($WARMUP renders of each case)"
  for c in "${CASES[@]}"; do
    p=/$c; [[ $c == home ]] && p=/; [[ $c == entry ]] && p=/entries/$entry_id
    SAMPLES=$WARMUP timed "$p" >/dev/null
  done
  before=$(renders); local start=$N
  for c in "${CASES[@]}"; do
    p=/$c; [[ $c == home ]] && p=/; [[ $c == entry ]] && p=/entries/$entry_id
    MS[$1.$c.1]=$(timed "$p")
    second=$(next_of "$p")
    if [[ -n "$second" && $c != home && $c != entry ]]; then MS[$1.$c.2]=$(timed "$second"); else MS[$1.$c.2]=-; fi
  done
  echo "   renders counted by /q/metrics: $(( $(renders) - before )) for $((N - start)) timed requests (at least as many: each timed request is a miss; the rest are the next-page look-ups)"
}

echo "== $SMALL entries"
seed "$SMALL"
measure small
echo "== $ARCHIVE entries"
seed $((ARCHIVE - SMALL))
measure large

if [[ -n "${EXPLAIN:-}" ]]; then
  echo "== plans at $ARCHIVE entries (the statements of entry.EntryPager and the home page's counts)"
  for q in "select published_at, id from entry order by published_at desc, id desc limit 51" \
    "select published_at, entry_id from entry_topic where topic_id = $SPARSE_ID order by published_at desc, entry_id desc limit 51" \
    "select published_at, entry_id from entry_topic where topic_id = $DENSE_ID and (published_at, entry_id) < (now() - interval '30 days', 0) order by published_at desc, entry_id desc limit 51" \
    "select topic_id, entries from topic_entry_count"; do
    echo "-- $q"; psql -X -At -c "explain (analyze, buffers, costs off) $q"
  done
fi

echo "== render time in ms, median of $SAMPLES cache misses (target large/small <= 1.2 for first pages, floor <= 1.5)"
printf '%-28s %10s %10s %7s   %10s %10s %7s\n' case "p1@$SMALL" "p1@$ARCHIVE" ratio "p2@$SMALL" "p2@$ARCHIVE" ratio
met=1; floor=1
ratio() { if [[ $1 == - || $2 == - ]]; then echo -; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b / a}'; fi; }
for c in "${CASES[@]}"; do
  r1=$(ratio "${MS[small.$c.1]}" "${MS[large.$c.1]}")
  r2=$(ratio "${MS[small.$c.2]}" "${MS[large.$c.2]}")
  printf '%-28s %10s %10s %7s   %10s %10s %7s\n' "$c" "${MS[small.$c.1]}" "${MS[large.$c.1]}" "$r1" \
    "${MS[small.$c.2]}" "${MS[large.$c.2]}" "$r2"
  awk -v r="$r1" 'BEGIN {exit !(r <= 1.2)}' || met=0
  awk -v r="$r1" 'BEGIN {exit !(r <= 1.5)}' || floor=0
done
if (( met )); then echo "== targets met"; elif (( floor )); then echo "== targets NOT met, floor met"; else echo "== floor NOT met"; fi
