#!/usr/bin/env bash
# Start-up to healthy: the executable jar against the same jar extracted with a class-data-sharing
# (CDS) archive, alternating in one run on the same data folder. Prints each run and the medians.
# Usage: bench/startup-cds.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${BENCH_PORT:-18090}
./mvnw -q -B package -DskipTests
JAR=$(ls target/hyte-*.jar | head -1)
WORK=$(mktemp -d)
trap '[ -f "$WORK/pid" ] && kill "$(cat "$WORK/pid")" 2>/dev/null; sleep 1; rm -rf "$WORK"' EXIT
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
export HYTE_DATA_DIR=$WORK/data HYTE_DEMO_PASSWORD=bench-salasana-2026 SERVER_PORT=$PORT
# Training run: starts Hyte once, records the classes it loads, and exits when the context is ready.
(cd "$WORK/app" && java -XX:ArchiveClassesAtExit=hyte.jsa -Dspring.context.exit=onRefresh -jar "$(basename "$JAR")" >"$WORK/train.log" 2>&1) || true
pkill -f "$WORK/data/postgres" 2>/dev/null || true

start() {
  local t0; t0=$(date +%s%N)
  (cd "$1" && exec java $2 -jar "$3" >"$WORK/run.log" 2>&1) &
  echo $! >"$WORK/pid"
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.05; done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  local pid; pid=$(cat "$WORK/pid"); kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; rm -f "$WORK/pid"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
jar=(); cds=()
for i in $(seq "$RUNS"); do
  jar+=("$(start "$PWD" "" "$JAR")")
  cds+=("$(start "$WORK/app" "-XX:SharedArchiveFile=hyte.jsa" "$(basename "$JAR")")")
done
j=$(printf '%s\n' "${jar[@]}" | median); c=$(printf '%s\n' "${cds[@]}" | median)
echo "RESULT start_jar_ms_median=$j runs=${jar[*]}"
echo "RESULT start_cds_ms_median=$c runs=${cds[*]} ratio_cds_to_jar=$(awk "BEGIN {printf \"%.2f\", $c / $j}")"
