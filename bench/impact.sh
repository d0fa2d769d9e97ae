#!/usr/bin/env bash
# Benchmarks of the impact assessment (issue 13 §12): 10,000 decided cases and one case of
# 4 alternatives × 60 rows × 2 terms; the matrix and the cross-decision pages under 20 signed-in
# users (wrk) against a static file of the same server; a cell save; the cross-check, the share of
# key decisions assessed and the decisions touching a goal; the DOCX and PDF of the case.
# Usage: bench/impact.sh   (needs wrk, which it installs; takes about six minutes)
# A short run of one part: BENCH_JAVA_OPTS="-Dhyte.bench.parts=pages -Dhyte.bench.pages=case -Dhyte.bench.web-seconds=5" bench/impact.sh
# Runs fi.hyte.bench.ImpactBenchmark in a fresh JVM (-Xmx512m) with a fresh embedded PostgreSQL in
# a temporary folder. Prints its RESULT lines and summary tables; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${BENCH_HEAP:-512m}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hyte-impact.XXXXXX")
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

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" >/dev/null
# A copy of the compiled classes: a build in the same folder during the run must not pull them away.
cp -r target/classes "$WORK/classes" && cp -r target/test-classes "$WORK/test-classes"
CLASSPATH_=$WORK/test-classes:$WORK/classes:$(cat "$WORK/classpath")

java -Xmx"$HEAP" -Dhyte.bench.dir="$WORK" ${BENCH_JAVA_OPTS:-} -cp "$CLASSPATH_" \
  fi.hyte.bench.ImpactBenchmark > "$WORK/out" 2> "$WORK/err" &
PID=$!
if ! wait "$PID"; then
  PID=
  tail -40 "$WORK/err"
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
echo "| page (20 users) | alone median ms | alone / static | p95 ms, 0.5–1.5 s pauses | p95 / static p95 | saturated rps | rps / static |"
echo "|---|---|---|---|---|---|---|"
for page in static matrix case decisions_goal decisions_year goal_page share static_again; do
  echo "| $page | $(value alone_median_ms page_$page) | $(value alone_ratio_to_static page_$page)" \
    "| $(value think_p95_ms page_$page) | $(value think_p95_ratio_to_static page_$page)" \
    "| $(value saturated_rps page_$page) | $(value rps_ratio_to_static page_$page) |"
done
echo
echo "| operation | median ms | p95 ms |"
echo "|---|---|---|"
for api in crosscheck crosscheck_kept read_and_crosscheck share_assessed share_report goal_decisions; do
  echo "| $api | $(value median_ms api_$api) | $(value p95_ms api_$api) |"
done
echo "| cell save (htmx) | $(value median_ms cell_save) | $(value p95_ms cell_save) |"
echo "| PDF | $(value median_ms export_pdf) | $(value p95_ms export_pdf) |"
echo "| DOCX | $(value median_ms export_docx) | $(value p95_ms export_docx) |"
