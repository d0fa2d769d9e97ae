#!/usr/bin/env bash
# Benchmarks of the foundation (issue 3): start-up time and heap, and organisation pages under load.
# Usage: bench/foundation.sh   (builds the jar; needs wrk: apt-get install wrk)
# Prints RESULT lines; docs/benchmarks.md records them with their medians.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
./mvnw -q -B package -DskipTests
JAR=$(ls target/hyte-*.jar | head -1)
PORT=${BENCH_PORT:-18080}
DATA=$(mktemp -d)
RUNS=${BENCH_RUNS:-5}
DURATION=${BENCH_DURATION:-20s}
PASSWORD=bench-salasana-2026
cleanup() { [ -f "$DATA/pid" ] && kill "$(cat "$DATA/pid")" 2>/dev/null; sleep 1; rm -rf "$DATA"; }
trap cleanup EXIT

start() {
  local t0=$(date +%s%N)
  SERVER_PORT=$PORT HYTE_DATA_DIR=$DATA HYTE_DEMO_PASSWORD=$PASSWORD HYTE_SECURE_COOKIE=false \
    java ${JAVA_OPTS:-} -jar "$JAR" > "$DATA/app.log" 2>&1 &
  echo $! > "$DATA/pid"
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.05; done
  local t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
stop() {
  local pid; pid=$(cat "$DATA/pid"); kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$DATA/pid"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

first=$(start); stop
echo "RESULT start_first_ms=$first (empty data folder: initdb, migrations, regions, demo)"
times=()
for i in $(seq "$RUNS"); do times+=("$(start)"); [ "$i" -lt "$RUNS" ] && stop; done
echo "RESULT start_again_ms_median=$(printf '%s\n' "${times[@]}" | median) runs=${times[*]}"

pid=$(cat "$DATA/pid")
# Heap in use after start, after a full GC (what the application really holds).
jcmd "$pid" GC.run >/dev/null
heap=$(curl -s "http://127.0.0.1:$PORT/actuator/prometheus" | grep '^jvm_memory_used_bytes{area="heap"' \
  | python3 -c 'import sys; print(round(sum(float(l.split()[-1]) for l in sys.stdin) / 1048576, 1))')
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
echo "RESULT heap_used_after_start_mb=$heap rss_mb=$rss"

# 50 signed-in users (the demo coordinator, 50 separate sessions), as 50 concurrent people would be.
sessions=$DATA/sessions
: > "$sessions"
for i in $(seq 50); do
  jar=$DATA/cookies$i
  token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/login" | grep -oP 'name="_csrf" value="\K[^"]+')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=koordinaattori&password=$PASSWORD&_csrf=$token" \
    "http://127.0.0.1:$PORT/login"
  awk '$6 == "SESSION" {print $7}' "$jar" >> "$sessions"
done
[ "$(wc -l < "$sessions")" -eq 50 ] || { echo "could not sign in"; exit 1; }
first_session=$(head -1 "$sessions")
group=$(curl -s -b "SESSION=$first_session" "http://127.0.0.1:$PORT/wellbeing-group" -o /dev/null -w '%{redirect_url}')
group=${group#http://127.0.0.1:$PORT}

pages=("/" "/people" "$group" "/responsibilities" "/sectors")
# Warm-up: the JIT compiles the hot paths before anything is measured.
for page in /css/hyte.css "${pages[@]}"; do
  wrk -t2 -c20 -d"${BENCH_WARMUP:-8s}" -s bench/sessions.lua "http://127.0.0.1:$PORT$page" -- "$sessions" 0 >/dev/null
done
# 50 concurrent users, each pausing about a second between clicks: the latency a person sees.
for page in /css/hyte.css "${pages[@]}"; do
  line=$(wrk -t2 -c50 -d"$DURATION" -s bench/sessions.lua "http://127.0.0.1:$PORT$page" -- "$sessions" 1000 | grep RESULT)
  echo "$line page=$page load=50-users-1s-think"
done
# Saturation: 50 connections with no pause. The static file served by the same server is the
# baseline, measured first and last; the pages' throughput is reported as a ratio to it.
for page in /css/hyte.css "${pages[@]}" /css/hyte.css; do
  line=$(wrk -t2 -c50 -d"$DURATION" -s bench/sessions.lua "http://127.0.0.1:$PORT$page" -- "$sessions" 0 | grep RESULT)
  echo "$line page=$page load=saturation"
done
