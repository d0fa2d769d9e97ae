#!/usr/bin/env bash
# Start-up on kept data (issue 11): Hyte against a minimal Spring Boot app with the same parent and
# starters (bench/minimal-app), alternating in one run, each from launch to the first 200 from
# /actuator/health; by `java -jar` and by `./mvnw spring-boot:run` (Maven's own time is part of the
# latter and is reported apart as the difference). The minimal app runs twice: on an embedded
# PostgreSQL of the same kind started the same way on a kept folder (the like-for-like baseline),
# and without a database (what the embedded PostgreSQL and the JDBC stack cost).
# Then one Hyte start with its start-up steps recorded (BufferingApplicationStartup and
# /actuator/startup): the slowest beans and steps.
# Usage: bench/startup.sh [runs]   (default 5; prints RESULT and STEP lines)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${BENCH_PORT:-18086}
HERE=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hyte-startup.XXXXXX")
GROUP=
stop() {
  [ -n "$GROUP" ] || return 0
  kill -TERM -- "-$GROUP" 2>/dev/null || true
  for _ in $(seq 300); do kill -0 -- "-$GROUP" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$GROUP" 2>/dev/null || true
  GROUP=
}
cleanup() { stop; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

./mvnw -q -B package -DskipTests
./mvnw -q -B -f bench/minimal-app/pom.xml package -DskipTests
HYTE_JAR=$(ls "$HERE"/target/hyte-*.jar | head -1)
MINIMAL_JAR=$HERE/bench/minimal-app/target/minimal-1.jar
export HYTE_DATA_DIR=$WORK/hyte HYTE_DEMO_PASSWORD=bench-salasana-2026 HYTE_SECURE_COOKIE=false
export MINIMAL_DATA_DIR=$WORK/minimal SERVER_PORT=$PORT

# start NAME COMMAND...: launches in its own process group (so that Maven's forked JVM is stopped
# with it), prints the milliseconds to the first 200 from the health endpoint, and stops it again.
start() {
  local name=$1; shift
  local t0; t0=$(date +%s%N)
  setsid "$@" >"$WORK/$name.log" 2>&1 &
  GROUP=$!
  for _ in $(seq 2400); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
    kill -0 "$GROUP" 2>/dev/null || { tail -30 "$WORK/$name.log" >&2; echo "$name did not start" >&2; stop; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  stop
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
load() { cut -d' ' -f1 /proc/loadavg; }

hyte_jar() { start hyte-jar java -jar "$HYTE_JAR"; }
minimal_jar() { start minimal-jar java -jar "$MINIMAL_JAR"; }
minimal_nodb() { MINIMAL_DB=false SPRING_PROFILES_ACTIVE=nodb start minimal-nodb java -jar "$MINIMAL_JAR"; }
hyte_mvn() { start hyte-mvn ./mvnw -q -B spring-boot:run; }
minimal_mvn() { (cd bench/minimal-app && start minimal-mvn ../../mvnw -q -B spring-boot:run); }

# The first starts create the data folders (initdb, migrations, regions, demo): not counted.
loads=("$(load)")
echo "RESULT first_start hyte_jar_ms=$(hyte_jar) minimal_jar_ms=$(minimal_jar) (empty data folders)"
minimal_nodb >/dev/null
hj=(); mj=(); mn=(); hm=(); mm=()
for i in $(seq "$RUNS"); do
  hj+=("$(hyte_jar)"); mj+=("$(minimal_jar)"); mn+=("$(minimal_nodb)")
  hm+=("$(hyte_mvn)"); mm+=("$(minimal_mvn)")
  loads+=("$(load)")
  echo "RUN $i hyte_jar=${hj[-1]} minimal_jar=${mj[-1]} minimal_nodb=${mn[-1]} hyte_mvn=${hm[-1]} minimal_mvn=${mm[-1]} load=${loads[-1]}"
done
m() { printf '%s\n' "$@" | median; }
HJ=$(m "${hj[@]}"); MJ=$(m "${mj[@]}"); MN=$(m "${mn[@]}"); HM=$(m "${hm[@]}"); MM=$(m "${mm[@]}")
ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
echo "RESULT java_jar hyte_ms_median=$HJ minimal_ms_median=$MJ ratio=$(ratio "$HJ" "$MJ") minimal_nodb_ms_median=$MN hyte_to_nodb=$(ratio "$HJ" "$MN") runs_hyte=${hj[*]} runs_minimal=${mj[*]} runs_nodb=${mn[*]}"
echo "RESULT spring_boot_run hyte_ms_median=$HM minimal_ms_median=$MM ratio=$(ratio "$HM" "$MM") maven_overhead_hyte_ms=$((${HM%.*} - ${HJ%.*})) maven_overhead_minimal_ms=$((${MM%.*} - ${MJ%.*})) runs_hyte=${hm[*]} runs_minimal=${mm[*]}"
echo "RESULT load_average ${loads[*]}"

# One more Hyte start, its steps recorded: the slowest bean instantiations and other steps.
setsid java -Dhyte.startup-steps=true -jar "$HYTE_JAR" --management.endpoints.web.exposure.include=health,startup \
  >"$WORK/steps.log" 2>&1 &
GROUP=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.1; done
curl -s "http://127.0.0.1:$PORT/actuator/startup" >"$WORK/steps.json"
stop
python3 - "$WORK/steps.json" <<'EOF'
import json, re, sys
events = json.load(open(sys.argv[1]))["timeline"]["events"]
def seconds(d):
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", d)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0
# A bean's own time: its instantiation less the beans it instantiated inside it.
by_id = {e["startupStep"]["id"]: e for e in events}
own = {i: seconds(e["duration"]) for i, e in by_id.items()}
for e in events:
    p = e["startupStep"].get("parentId")
    if p in own:
        own[p] -= seconds(e["duration"])
def label(e):
    tags = {t["key"]: t["value"] for t in e["startupStep"]["tags"]}
    return e["startupStep"]["name"] + " " + (tags.get("beanName") or tags.get("beanType") or tags.get("postProcessor") or "")
rows = sorted(by_id.items(), key=lambda kv: -own[kv[0]])[:25]
for i, e in rows:
    print(f"STEP own_ms={own[i]*1000:.0f} total_ms={seconds(e['duration'])*1000:.0f} {label(e)}")
EOF
grep -E "Started HyteApplication|Demo|Successfully validated|Current version" "$WORK/steps.log" | sed 's/^/LOG /'
