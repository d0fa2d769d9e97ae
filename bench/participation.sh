#!/usr/bin/env bash
# Benchmarks of the public site and consultations (issue 14 §9), against the static file
# /css/hyte.css of the same server in the same run: the published plan page under 200 connections
# (with and without the rendered-page cache), its 304 answers, its first render after publishing;
# one client posting 1,000 answers; 200 readers of a consultation alone and with 20 answers a second
# from distinct clients for 60 s; the summary page and XLSX of a consultation of 20,000 answers.
# Usage: bench/participation.sh   (needs wrk, which it installs; takes about eight minutes)
#   BENCH_JAVA_OPTS="-Dhyte.bench.phases=plan -Dhyte.bench.web-seconds=5" for a part, shorter;
#   -Dhyte.bench.plan-parts=cached,gzip,304 for some of the plan page's (also c1, uncached).
#   BENCH_JFR=1 records a flight recording of the whole run into $BENCH_JFR_FILE (default /tmp/bench-participation.jfr).
# Runs fi.hyte.bench.ParticipationBenchmark in a fresh JVM (-Xmx512m) with a fresh embedded
# PostgreSQL in a temporary folder. Prints its RESULT lines and tables; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${BENCH_HEAP:-512m}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hyte-participation.XXXXXX")
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    while kill -0 "$PID" 2>/dev/null; do sleep 0.2; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B test-compile
fi
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" >/dev/null
# A copy of the compiled classes: a build in the same folder during the run must not pull them away.
cp -r target/classes "$WORK/classes" && cp -r target/test-classes "$WORK/test-classes"
CLASSPATH_=$WORK/test-classes:$WORK/classes:$(cat "$WORK/classpath")
JFR=
if [ -n "${BENCH_JFR:-}" ]; then
  JFR="-XX:StartFlightRecording=filename=${BENCH_JFR_FILE:-/tmp/bench-participation.jfr},settings=profile"
fi

java -Xmx"$HEAP" -Dhyte.bench.dir="$WORK" $JFR ${BENCH_JAVA_OPTS:-} -cp "$CLASSPATH_" \
  fi.hyte.bench.ParticipationBenchmark > "$WORK/out" 2> "$WORK/err" &
PID=$!
if ! wait "$PID"; then
  PID=
  tail -40 "$WORK/err"
  grep -E '^RESULT' "$WORK/out" || true
  echo "the run failed"
  exit 1
fi
PID=
grep -E '^RESULT' "$WORK/out"

# value KEY LINE-NAME: one figure from the RESULT line of that name.
value() {
  grep "^RESULT $2 " "$WORK/out" | head -1 | tr ' ' '\n' | awk -F= -v k="$1" 'NF == 2 && $1 == k {print $2}'
}
echo
echo "| plan page | connections | p50 ms | p95 ms | rps | rps / static | p95 / static | load (1 min) |"
echo "|---|---|---|---|---|---|---|---|"
for page in static plan_cached plan_gzip plan_304 static_again plan_304_c1 static_c1 plan_uncached; do
  grep -q "^RESULT page_$page " "$WORK/out" || continue
  echo "| $page | $(value connections page_$page) | $(value p50_ms page_$page) | $(value p95_ms page_$page)" \
    "| $(value rps page_$page) | $(value rps_ratio_to_static page_$page) | $(value p95_ratio_to_static page_$page)" \
    "| $(value load1 page_$page) |"
done
echo
echo "| consultation readers | p50 ms | p95 ms | rps | p95 / static |"
echo "|---|---|---|---|---|"
for phase in static read_only_before mixed read_only_after static_again; do
  grep -q "^RESULT mix_$phase " "$WORK/out" || continue
  echo "| $phase | $(value p50_ms mix_$phase) | $(value p95_ms mix_$phase) | $(value rps mix_$phase)" \
    "| $(value p95_ratio_to_static mix_$phase) |"
done
