#!/usr/bin/env bash
# Warta's footprint with the JVM options of docker/jvm.options, on this machine:
#  (a) start time on an existing data directory: from exec of `java` until /q/health/ready answers 200
#      (median of STARTS starts; the first start, which creates and migrates the database, is not counted);
#  (b) memory at rest: the JVM's and the embedded PostgreSQL's processes (PSS where the kernel gives it,
#      so pages they share are counted once; RSS otherwise), a few seconds after start;
#  (c) memory after LOAD_SECONDS of mixed load with wrk: feeds in every format, with and without gzip,
#      `?limit=` variants, pages (home, topic, entry), plus a poll cycle over SOURCES upstream feeds
#      that nginx serves; and the load's errors (non-2xx/3xx answers and socket errors).
# Targets (issue 9): start <= 1.5 s (floor 2.5 s); memory after load <= 256 MiB (floor 350); 0 errors.
#
#   ./mvnw -B package -DskipTests     # once; the script builds when target/quarkus-app is missing
#   src/bench/footprint.sh            # STARTS=5 LOAD_SECONDS=60 SOURCES=200 CONNECTIONS=16
#   JVM_OPTIONS=/path/to/other.options src/bench/footprint.sh
#   JAVA_OPTS=-Xshare:off src/bench/footprint.sh       # extra options after the file's (here: no AppCDS)
#
# Everything listens on loopback only and is stopped when the script ends. Installs wrk and nginx with
# apt-get when they are missing (root). Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

STARTS=${STARTS:-5}
LOAD_SECONDS=${LOAD_SECONDS:-60}
SOURCES=${SOURCES:-200}
ENTRIES=${ENTRIES:-20}
HOSTS=${HOSTS:-10}
CONNECTIONS=${CONNECTIONS:-16}
WARTA_PORT=${WARTA_PORT:-18495}
NGINX_PORT=${NGINX_PORT:-18496}
JVM_OPTIONS=$(realpath "${JVM_OPTIONS:-$ROOT/docker/jvm.options}")
TOKEN=bench-$RANDOM$RANDOM
WARTA=http://127.0.0.1:$WARTA_PORT

need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
command -v ss >/dev/null || need_apt+=(iproute2)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [[ ! -f target/quarkus-app/quarkus-run.jar || ! -f target/quarkus-app/app-cds.jsa || -n "${REBUILD:-}" ]]; then
  echo "== building the jar"
  ./mvnw -B -q package -DskipTests
fi
[[ -f "$JVM_OPTIONS" ]] || { echo "no JVM options file at $JVM_OPTIONS"; exit 1; }

WORK=$(mktemp -d /tmp/warta-footprint.XXXXXX)
chmod 755 "$WORK"
WARTA_PID=
NGINX_PID=
stop_warta() {
  if [[ -n "$WARTA_PID" ]]; then kill "$WARTA_PID" 2>/dev/null || true; wait "$WARTA_PID" 2>/dev/null || true; fi
  WARTA_PID=
}
cleanup() {
  stop_warta
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
  if [[ -n "${KEEP_WORK:-}" ]]; then echo "== kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
# Starts Warta on the persistent data directory in $WORK; READY_MS is the milliseconds until it was ready.
# Not called in $(...): WARTA_PID must be set in this shell, or the next start would find the old one.
start_warta() {
  local t0 t1
  ! curl -fs -o /dev/null "$WARTA/q/health/ready" 2>/dev/null || { echo "port $WARTA_PORT already answers"; exit 1; }
  t0=$(now_ms)
  # The options file is handed to java as an @argument file, exactly as docker/Dockerfile.jvm does, from the
  # jar's directory: its AppCDS archive (app-cds.jsa, named relatively in the options) is only used from there.
  (cd target/quarkus-app && WARTA_ADMIN_TOKENS=$TOKEN exec java "@$JVM_OPTIONS" -Dwarta.db.data-dir="$WORK/pgdata" \
    -Dwarta.fetch.allowed-networks=127.0.0.0/8 -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$WARTA_PORT" \
    -Dwarta.poll.retention-max-age=36500d -Dquarkus.log.level=WARN ${JAVA_OPTS:-} \
    -jar quarkus-run.jar >>"$WORK/warta.log" 2>&1) &
  WARTA_PID=$!
  until curl -fs -o /dev/null "$WARTA/q/health/ready" 2>/dev/null; do
    kill -0 "$WARTA_PID" 2>/dev/null || { tail -40 "$WORK/warta.log"; exit 1; }
    (( $(now_ms) - t0 < 600000 )) || { echo "not ready after 600 s"; tail -40 "$WORK/warta.log"; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  READY_MS=$(( t1 - t0 ))
  # CPU the JVM spent until ready: what a loaded machine stretches into a longer start, not itself changed.
  READY_CPU=$(awk -v t="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); split($0, f, " "); printf "%.2f", (f[12] + f[13]) / t}' \
    "/proc/$WARTA_PID/stat")
}
# kB of one process: PSS from smaps_rollup when the kernel has it, RSS otherwise.
kb_of() {
  local pid=$1
  if [[ -r /proc/$pid/smaps_rollup ]]; then
    awk '/^Pss:/ {print $2; exit}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0
  else
    awk '/^VmRSS:/ {print $2; exit}' "/proc/$pid/status" 2>/dev/null || echo 0
  fi
}
# "jvm_kB pg_kB pg_processes": the JVM, and the postmaster (first line of postmaster.pid) with its children.
memory() {
  local jvm pg=0 n=0 master pid
  jvm=$(kb_of "$WARTA_PID")
  master=$(head -1 "$WORK/pgdata/postmaster.pid")
  for pid in "$master" $(cat "/proc/$master/task/$master/children" 2>/dev/null); do
    pg=$(( pg + $(kb_of "$pid") )); n=$(( n + 1 ))
  done
  echo "$jvm $pg $n"
}
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
verdict() { # value target floor
  awk -v v="$1" -v t="$2" -v f="$3" 'BEGIN {print (v <= t ? "met" : v <= f ? "floor met" : "MISSED")}'
}

echo "== upstream: $SOURCES feeds x $ENTRIES entries on $HOSTS loopback hosts (nginx)"
/usr/bin/python3 src/bench/gen-feeds.py "$WORK/www" "$NGINX_PORT" "$SOURCES" "$ENTRIES" "$HOSTS" >/dev/null
mkdir -p "$WORK/tmp"
{
  echo "worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log; daemon off;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; default_type application/rss+xml; types { application/rss+xml xml; }"
  echo "  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;"
  echo "  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;"
  echo "  server {"
  for i in $(seq 1 "$HOSTS"); do echo "    listen 127.0.1.$i:$NGINX_PORT;"; done
  echo "    root $WORK/www; etag on;"
  echo "  }"
  echo "}"
} >"$WORK/nginx.conf"
chmod -R a+rX "$WORK/www"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!

echo "== first start (creates the database), seeding it: the sample article x 20 and the OPML"
start_warta
echo "   ready in $READY_MS ms"
SAMPLE=src/main/resources/samples/tribunnews-2022-12-19-putin-kunjungi-belarusia.txt
post() { curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: $1" --data-binary @- "$WARTA$2"; }
post 'text/plain; charset=utf-8' /api/articles <"$SAMPLE"
for i in $(seq 1 19); do
  { echo "Laporan Lanjutan Nomor $i: $(head -1 "$SAMPLE")"; tail -n +2 "$SAMPLE"; } \
    | post 'text/plain; charset=utf-8' "/api/articles?published=2022-12-$(printf %02d $((20 + i % 9)))T10:00:00%2B07:00"
done
post text/x-opml /api/sources/opml <"$WORK/www/sources.opml"
fetched() { curl -fs "$WARTA/q/metrics" | awk '/^warta_poll_fetches_total\{/ {s += $NF} END {printf "%d", s}'; }
for _ in $(seq 1 600); do (( $(fetched) >= SOURCES )) && break; sleep 0.5; done
echo "   $(fetched) fetches done"
stop_warta

echo "== (a) $STARTS starts on the existing data directory ($(nproc) cores)"
times=()
cpus=()
for s in $(seq 1 "$STARTS"); do
  start_warta
  times+=("$READY_MS")
  cpus+=("$READY_CPU")
  echo "   start $s: ready in $READY_MS ms, JVM CPU $READY_CPU s"
  (( s < STARTS )) && stop_warta
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2))}')
start_s=$(awk -v m="$median" 'BEGIN {printf "%.2f", m / 1000}')

sleep 5
read -r jvm0 pg0 n0 < <(memory)
rest=$(( jvm0 + pg0 ))

SLUG=$(curl -fs -H "Authorization: Bearer $TOKEN" "$WARTA/api/topics" \
  | /usr/bin/python3 -c 'import json, sys; t = json.load(sys.stdin); print(max(t, key=lambda x: x.get("entries", x.get("entryCount", 0)))["slug"])')
ENTRY=$(curl -fs -H "Authorization: Bearer $TOKEN" "$WARTA/api/entries?limit=1" \
  | /usr/bin/python3 -c 'import json, sys; e = json.load(sys.stdin); e = e.get("entries", e) if isinstance(e, dict) else e; print(e[0]["id"])')
cat >"$WORK/mixed.lua" <<LUA
-- Each request takes the next path of the list, with gzip on every other round of it.
local paths = {
  "/feeds/topics/$SLUG.atom", "/feeds/topics/$SLUG.rss", "/feeds/topics/$SLUG.json",
  "/feeds/topics/$SLUG.atom?limit=10", "/feeds/topics/$SLUG.json?limit=200", "/feeds/topics/$SLUG",
  "/feeds/all.atom", "/feeds/all.rss?limit=5", "/feeds/all.json?limit=100", "/feeds.opml",
  "/", "/topics/$SLUG", "/entries/$ENTRY", "/feeds/feed.xsl",
}
local i = 0
request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  local headers = {}
  if math.floor(i / #paths) % 2 == 0 then headers["Accept-Encoding"] = "gzip" end
  return wrk.format("GET", path, headers)
end
LUA
# Every path must answer before the load counts its errors: a typo here would count as Warta's error.
for p in "/feeds/topics/$SLUG.atom" "/topics/$SLUG" "/entries/$ENTRY"; do curl -fs -o /dev/null "$WARTA$p"; done

echo "== (c) $LOAD_SECONDS s of mixed load (wrk -t2 -c$CONNECTIONS) and a poll cycle of $SOURCES sources"
log_before=$(wc -l <"$WORK/warta.log")
curl -fs -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "$WARTA/api/sources/refresh"
wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 5s -s "$WORK/mixed.lua" "$WARTA" >"$WORK/wrk.txt"
read -r jvm1 pg1 n1 < <(memory)
loaded=$(( jvm1 + pg1 ))
requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$WORK/wrk.txt")
socket=$(awk '/Socket errors:/ {sub(/.*Socket errors: */, ""); print}' "$WORK/wrk.txt")
errors=$(( ${non2xx:-0} ))
if [[ -n "$socket" ]]; then errors=$(( errors + $(grep -o "[0-9]\+" <<<"$socket" | awk "{s += \$1} END {print s + 0}") )); fi
rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
# Errors logged during the load count too: a 5xx that wrk saw is in non2xx already, an exception behind a
# 200 (or in a poll) is not. Only those of the load: not what earlier stops logged.
logged=$(tail -n +"$((log_before + 1))" "$WORK/warta.log" | grep -c ' ERROR ' || true)
stop_warta

echo
echo "== figures (JVM options: $JVM_OPTIONS; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "start on an existing data directory: ${start_s} s (median of ${times[*]} ms; target <= 1.5 s, floor 2.5 s: $(verdict "$start_s" 1.5 2.5));" \
  "JVM CPU until ready: ${cpus[*]} s"
echo "memory at rest: $(mib "$rest") MiB = JVM $(mib "$jvm0") + PostgreSQL $(mib "$pg0") ($n0 processes)"
echo "memory after ${LOAD_SECONDS} s of load: $(mib "$loaded") MiB = JVM $(mib "$jvm1") + PostgreSQL $(mib "$pg1") ($n1 processes)" \
  "(target <= 256 MiB, floor 350: $(verdict "$(mib "$loaded")" 256 350))"
echo "load: $requests requests, $rps requests/s; errors: ${non2xx:-0} non-2xx/3xx, socket ${socket:-none}," \
  "$logged logged ERROR lines (target 0: $([[ $errors == 0 && $logged == 0 ]] && echo met || echo MISSED))"
