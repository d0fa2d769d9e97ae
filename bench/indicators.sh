#!/usr/bin/env bash
# Benchmarks of the indicator knowledge base (issue 4): bulk import against PostgreSQL COPY, the
# heap during it, one indicator × all municipalities × 20 years, the indicator page under 20
# signed-in users (wrk), and the table's size, at 2 M values and at the given number.
# Usage: bench/indicators.sh [values]   (default 20000000; needs wrk, which it installs)
# Each size runs in a fresh JVM (-Xmx512m) with a fresh embedded PostgreSQL in a temporary folder.
# The page is measured without its cache (IndicatorPageCache) and with it, in the same run.
# Prints the RESULT lines of each run and a summary; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
VALUES=${1:-20000000}
HEAP=${BENCH_HEAP:-512m}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hyte-indicators.XXXXXX")
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
# A copy of the compiled classes: a build in the same folder during a long run must not pull them away.
cp -r target/classes "$WORK/classes" && cp -r target/test-classes "$WORK/test-classes"
CLASSPATH_=$WORK/test-classes:$WORK/classes:$(cat "$WORK/classpath")

sizes=(2000000)
[ "$VALUES" != 2000000 ] && sizes+=("$VALUES")
for size in "${sizes[@]}"; do
  echo "== $size values"
  java -Xmx"$HEAP" -Dhyte.bench.dir="$WORK" ${BENCH_JAVA_OPTS:-} -cp "$CLASSPATH_" \
    fi.hyte.bench.IndicatorBenchmark "$size" > "$WORK/out-$size" 2> "$WORK/err-$size" &
  PID=$!
  if ! wait "$PID"; then
    PID=
    tail -40 "$WORK/err-$size"
    echo "the run of $size values failed"
    exit 1
  fi
  PID=
  grep -E '^(RESULT|PLAN|STATEMENT)' "$WORK/out-$size"
done

# value KEY LINE-NAME SIZE: one figure from a run's RESULT line.
value() {
  grep "^RESULT $2 " "$WORK/out-$3" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'
}
echo
header="| measure |"; rule="|---|"
for size in "${sizes[@]}"; do header+=" $size values |"; rule+="---|"; done
echo "$header"; echo "$rule"
row() {
  local label=$1 key=$2 line=$3 cells=""
  for size in "${sizes[@]}"; do cells+=" $(value "$key" "$line" "$size") |"; done
  echo "| $label |$cells"
}
row "values stored" values import
row "indicators" indicators generate
row "COPY rows/s" rows_per_s copy
row "import rows/s" rows_per_s import
row "import / COPY" ratio import_ratio
row "import s" seconds import
row "staging s" staged_s import
row "merge s" merge_s import
row "heap before import MB" heap_before_mb import
row "heap peak during import MB" heap_peak_mb import
row "heap peak after a GC MB" heap_peak_after_gc_mb import
row "table + index MB" total_mb size
row "table MB" table_mb size
row "primary key MB" pkey_mb size
row "bytes per value" bytes_per_value size
row "primary key MB after REINDEX" pkey_mb reindex
row "REINDEX s" seconds reindex
row "B-tree levels" btree_levels size
row "vacuum analyze s" vacuum_analyze_s size
row "query median ms" median_ms query
row "query p95 ms" p95_ms query
row "page without cache: alone median ms" alone_median_ms page_nocache
row "page without cache: p95 ms, 20 users 1 s think" think_p95_ms page_nocache
row "page without cache: p95 ms, 20 connections no pause" saturated_p95_ms page_nocache
row "page without cache: rps / static rps" ratio_to_static page_nocache
row "page without cache: load average" load page_nocache
row "page alone (one user) median ms" alone_median_ms page
row "page p95 ms, 20 users 1 s think" think_p95_ms page
row "page p95 ms, 20 connections no pause" saturated_p95_ms page
row "static p95 ms (before/after)" static_p95_ms page
row "page rps / static rps" ratio_to_static page
row "page: load average" load page
