#!/usr/bin/env bash
# Benchmarks of the wellbeing plan (issue 5): a plan of 8 lines, 50 goals and 500 measures; the tree
# page, its htmx fragment and the progress page under 20 signed-in users (wrk) against a static file
# of the same server; the XLSX and CSV exports; the round-trip import of 500 rows; statements per
# request; the heap around export and import.
# Usage: bench/plan.sh   (needs wrk, which it installs; takes about five minutes)
# Runs fi.hyte.bench.PlanBenchmark in a fresh JVM (-Xmx512m) with a fresh embedded PostgreSQL in a
# temporary folder and the demo's indicator values. Prints its RESULT and STATEMENT lines and a
# summary; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${BENCH_HEAP:-512m}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hyte-plan.XXXXXX")
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
  fi.hyte.bench.PlanBenchmark > "$WORK/out" 2> "$WORK/err" &
PID=$!
if ! wait "$PID"; then
  PID=
  tail -40 "$WORK/err"
  echo "the run failed"
  exit 1
fi
PID=
grep -E '^(RESULT|STATEMENT)' "$WORK/out"

# value KEY LINE-NAME [last]: one figure from a RESULT line (the first such line, or the last).
value() {
  grep "^RESULT $2 " "$WORK/out" | if [ "${3:-}" = last ]; then tail -1; else head -1; fi \
    | tr ' ' '\n' | awk -F= -v k="$1" 'NF == 2 && $1 == k {print $2}'
}
echo
echo "| page (20 users) | alone median ms | p50 ms, 0.5–1.5 s pauses | p95 ms, pauses | p95 / static p95 | saturated rps | rps / static | statements |"
echo "|---|---|---|---|---|---|---|---|"
for page in static tree fragment progress static; do
  again=; [ "$page" = static ] && [ -n "${first_done:-}" ] && again=last
  [ "$page" = static ] && first_done=1
  echo "| $page${again:+ (again)} | $(value alone_median_ms "page_$page" $again) | $(value think_p50_ms "page_$page" $again)" \
    "| $(value think_p95_ms "page_$page" $again) | $(value think_p95_ratio_to_static "page_$page" $again)" \
    "| $(value saturated_rps "page_$page" $again) | $(value rps_ratio_to_static "page_$page" $again)" \
    "| $(value statements "statements request=$page") |"
done
echo
echo "| operation | median ms | p95 ms | goal |"
echo "|---|---|---|---|"
echo "| XLSX export, whole plan (500 measures) | $(value median_ms export_xlsx_plan) | $(value p95_ms export_xlsx_plan) | ≤ 2000 |"
echo "| XLSX export, one sector ($(value measures export_xlsx_sector) measures) | $(value median_ms export_xlsx_sector) | $(value p95_ms export_xlsx_sector) | – |"
echo "| CSV export, whole plan | $(value median_ms export_csv_plan) | $(value p95_ms export_csv_plan) | – |"
echo "| import of 500 changed rows | $(value median_ms import_changed) | $(value p95_ms import_changed) | ≤ 2000 |"
echo "| import, the same file again | $(value median_ms import_same_file) | $(value p95_ms import_same_file) | – |"
echo "| import, every row refused ($(value problems import_all_refused) problems) | $(value median_ms import_all_refused) | $(value p95_ms import_all_refused) | – |"
echo "| static file, one user (baseline) | $(value static_median_ms export_xlsx_plan) | | |"
echo
echo "| heap MB | before | peak | peak after a GC | after |"
echo "|---|---|---|---|---|"
for what in export import; do
  echo "| $what | $(value before_mb heap_$what) | $(value peak_mb heap_$what) | $(value peak_after_gc_mb heap_$what) | $(value after_mb heap_$what) |"
done
