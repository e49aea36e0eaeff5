#!/usr/bin/env bash
# Warta's aggregation benchmark, on this machine:
#  (a) the OPML of SOURCES sources imported in one request (time); the first poll cycle it starts over the
#      SOURCES sources x ENTRIES entries served by a local nginx (time, entries/s); then a second cycle where
#      every answer is 304 (time). Each step also prints the CPU seconds Warta and PostgreSQL spent and the
#      transactions committed, which a busy machine does not change the way it changes the times;
#  (b) feed-reading throughput on a 1,000-entry feed, Warta's FeedParser against python3-feedparser, as a ratio.
# Everything listens on loopback only (nginx on 127.0.1.x, Warta on 127.0.0.1) and stops at the end.
# Needs root for apt-get when nginx, python3-feedparser or psql is missing.
#   src/bench/poll-bench.sh                      # SOURCES=10000 ENTRIES=20 HOSTS=50
#   SOURCES=2000 JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/poll.jfr,settings=profile' src/bench/poll-bench.sh
set -euo pipefail

SOURCES=${SOURCES:-10000}
ENTRIES=${ENTRIES:-20}
HOSTS=${HOSTS:-50}
NGINX_PORT=${NGINX_PORT:-18480}
WARTA_PORT=${WARTA_PORT:-18493}
PG_PORT=${PG_PORT:-18494}
TOKEN=bench-token
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/warta-bench.XXXXXX)
WARTA_PID=""
NGINX_PID=""

cleanup() {
  [ -n "$WARTA_PID" ] && kill "$WARTA_PID" 2>/dev/null && wait "$WARTA_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need_apt=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || need_apt+=(python3-feedparser)
command -v psql >/dev/null || need_apt+=(postgresql-client)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || [ ! -d "$ROOT/target/classes/dev/warta/poll" ]; then
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi

echo "generating $SOURCES feeds x $ENTRIES entries on $HOSTS loopback hosts"
/usr/bin/python3 "$ROOT/src/bench/gen-feeds.py" "$WORK/www" "$NGINX_PORT" "$SOURCES" "$ENTRIES" "$HOSTS"

{
  echo "worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log; daemon off;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; default_type application/rss+xml; types { application/rss+xml xml; }"
  echo "  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;"
  echo "  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp; keepalive_requests 100000;"
  echo "  server {"
  for i in $(seq 1 "$HOSTS"); do echo "    listen 127.0.1.$i:$NGINX_PORT;"; done
  echo "    root $WORK/www; etag on; if_modified_since exact;"
  echo "  }"
  echo "}"
} > "$WORK/nginx.conf"
mkdir -p "$WORK/tmp"
# nginx's workers run as an unprivileged user: they must be able to read the feeds.
chmod 755 "$WORK"
chmod -R a+rX "$WORK/www"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!

java -Dwarta.db.ephemeral=true -Dwarta.admin.tokens=$TOKEN -Dwarta.fetch.allowed-networks=127.0.0.0/8 \
     -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$WARTA_PORT -Dwarta.poll.tick=1s \
     -Dwarta.poll.retention-max-age=36500d -Dquarkus.log.level=WARN -Dwarta.db.port=$PG_PORT ${JAVA_OPTS:-} \
     -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/warta.log" 2>&1 &
WARTA_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$WARTA_PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$WARTA_PORT/q/health/ready" >/dev/null || { tail -50 "$WORK/warta.log"; exit 1; }

echo "== (a) poll cycles ($(nproc) cores)"
/usr/bin/python3 "$ROOT/src/bench/poll_bench_driver.py" "http://127.0.0.1:$WARTA_PORT" "$TOKEN" "$WORK/www/sources.opml" "$SOURCES" \
  "$WARTA_PID" "$PG_PORT" \
  || { tail -30 "$WORK/warta.log"; exit 1; }

echo "== (b) reading a 1,000-entry feed"
# FeedParser logs through org.jboss.logging, which Quarkus puts in lib/boot (not lib/main) of the packaged app;
# without lib/boot the class fails to load, and with stderr hidden the script only showed rc=1.
QUARKUS_LIB="$ROOT/target/quarkus-app/lib"
WARTA_READ=$(java -cp "$QUARKUS_LIB/boot/*:$QUARKUS_LIB/main/*:$ROOT/target/classes" "$ROOT/src/bench/ReadBench.java" "$WORK/www/big.xml" 100 2>"$WORK/readbench.err") \
  || { echo "ReadBench failed:"; cat "$WORK/readbench.err"; exit 1; }
PY_READ=$(/usr/bin/python3 "$ROOT/src/bench/read_bench_feedparser.py" "$WORK/www/big.xml" 5)
echo "warta:      $WARTA_READ"
echo "feedparser: $PY_READ"
W=$(sed -E 's/.*entries_per_second=([0-9]+).*/\1/' <<<"$WARTA_READ")
P=$(sed -E 's/.*entries_per_second=([0-9]+).*/\1/' <<<"$PY_READ")
echo "ratio: $(awk -v w="$W" -v p="$P" 'BEGIN { printf "%.1f", w / p }')x (target >= 10x)"
