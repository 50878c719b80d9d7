#!/usr/bin/env bash
# Smoke test of the local stack (manual / CI-optional; not part of `./mvnw verify`):
#   1. starts infra/local-stack/run.sh in the background and waits until it reports the stack ready;
#   2. checks every /actuator/health is UP and every /actuator/prometheus carries application="<service>";
#   3. measures the start time and the total RSS of the launcher's process tree;
#   4. writes a marker record to Kafka and a marker document to MongoDB (StackDataCheck.java);
#   5. sends SIGINT (as Ctrl-C does), measures the stop time and checks that no process is left and every port is free;
#   6. starts the stack again, checks the marker record and document survived, and stops it the same way.
# Usage: infra/local-stack/smoke-test.sh [--no-build]
# Needs the ports of the stack free (8080-8084, 9092, 9093, 27017, 8095 with the edge simulator) and curl.
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
LOCAL="$REPO/.local"
OUT="$LOCAL/smoke-test"
RUN_SH="$SCRIPT_DIR/run.sh"
# The project version, from the root pom (the first <version> after the parent block).
VERSION=$(awk '/<\/parent>/ { p = 1 } p && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$REPO/pom.xml")
READY_TIMEOUT="${SMOKE_READY_TIMEOUT:-420}"
STOP_TIMEOUT="${SMOKE_STOP_TIMEOUT:-120}"
HOST=127.0.0.1

BUILD=1
for arg in "$@"; do
  case $arg in
    --no-build) BUILD=0 ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

declare -A PORT=([gateway-service]=8080 [provisioning-service]=8081 [meeting-service]=8082 [media-service]=8083
  [callback-service]=8084 [edge-simulator]=8095)
SERVICES=(gateway-service provisioning-service meeting-service media-service callback-service)
[ -f "$REPO/infra/edge-simulator/target/edge-simulator-$VERSION.jar" ] && SERVICES+=(edge-simulator)
STACK_PORTS=(9092 9093 27017)
for s in "${SERVICES[@]}"; do STACK_PORTS+=("${PORT[$s]}"); done

FAILURES=0
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
section() { printf '\n==== %s ====\n' "$*"; }
ok() { printf '  ok    %s\n' "$*"; }
ko() { printf '  FAIL  %s\n' "$*"; FAILURES=$((FAILURES + 1)); }
die() { printf '  FAIL  %s\n' "$*"; exit 1; }

port_in_use() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

mkdir -p "$OUT"
LAUNCHER=""
cleanup() {
  if [ -n "$LAUNCHER" ] && kill -0 "$LAUNCHER" 2>/dev/null; then
    echo "cleaning up: stopping the launcher (pid $LAUNCHER)"
    kill -TERM "$LAUNCHER" 2>/dev/null
    wait "$LAUNCHER" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section "preconditions"
for tool in curl ss java; do command -v $tool >/dev/null || die "$tool is required"; done
busy=()
for p in "${STACK_PORTS[@]}"; do port_in_use "$p" && busy+=("$p"); done
[ ${#busy[@]} = 0 ] || die "ports in use before the test: ${busy[*]}"
ok "ports free: ${STACK_PORTS[*]}"

BUILD_TIME="skipped"
if [ $BUILD = 1 ]; then
  section "build"
  t=$(now)
  (cd "$REPO" && ./mvnw -B -q -DskipTests package) >"$OUT/build.log" 2>&1 || { tail -n 40 "$OUT/build.log"; die "build failed"; }
  BUILD_TIME="$(secs "$t" "$(now)")s"
  ok "./mvnw -B -q -DskipTests package in $BUILD_TIME"
fi

section "classpath of the data check"
KAFKA_CP=$(cat "$REPO/infra/local-stack/target/kafka-broker.classpath") || die "infra/local-stack is not built"
SLF4J=$(tr ':' '\n' <"$REPO/infra/local-stack/target/mongo-server.classpath" | grep '/slf4j-api-[^/]*\.jar$' | head -n 1)
(cd "$REPO" && ./mvnw -B -q -pl infra/local-stack dependency:build-classpath -Dmdep.outputFile="$OUT/mongo-client.classpath" \
  -DincludeScope=test -DincludeGroupIds=org.mongodb) >"$OUT/classpath.log" 2>&1 \
  || { cat "$OUT/classpath.log"; die "could not resolve the MongoDB driver"; }
CHECK_CP="$KAFKA_CP:$SLF4J:$(cat "$OUT/mongo-client.classpath")"
ok "kafka-clients (broker classpath) + mongodb-driver-sync"
data_check() {
  java -Xmx128m -XX:TieredStopAtLevel=1 -cp "$CHECK_CP" "$SCRIPT_DIR/smoke/StackDataCheck.java" "$1" "$MARKER" \
    "$HOST:9092" "mongodb://$HOST:27017" 2>"$OUT/data-check-$1.err"
}

# The launcher's process tree: the launcher and all its descendants.
tree_pids() {
  local root=$1
  ps -e -o pid= -o ppid= | awk -v root="$root" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      inTree[root] = 1; changed = 1
      while (changed) { changed = 0
        for (i in pids) { p = pids[i]; if (!(p in inTree) && (parent[p] in inTree)) { inTree[p] = 1; changed = 1 } } }
      for (p in inTree) print p
    }'
}
process_name() {
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)
  case $cmd in
    *-Dconference.localstack.process=*) sed 's/.*-Dconference\.localstack\.process=\([^ ]*\).*/\1/' <<<"$cmd" ;;
    *run.sh*) echo "run.sh (launcher)" ;;
    *) cut -c1-40 <<<"$cmd" ;;
  esac
}

# start <n>: launches run.sh with job control on (so it does not ignore SIGINT, as a background job otherwise would)
START_SECS=()
RSS_MB=()
start_stack() {
  local n=$1 t log="$OUT/run-$1.log"
  section "start #$n: infra/local-stack/run.sh --no-build"
  t=$(now)
  set -m
  "$RUN_SH" --no-build >"$log" 2>&1 &
  LAUNCHER=$!
  set +m
  local deadline=$((SECONDS + READY_TIMEOUT))
  until grep -q "Local stack ready" "$log"; do
    if ! kill -0 "$LAUNCHER" 2>/dev/null; then cat "$log"; die "run.sh exited before the stack was ready"; fi
    [ $SECONDS -lt $deadline ] || { cat "$log"; die "not ready within ${READY_TIMEOUT}s"; }
    sleep 0.5
  done
  START_SECS[$n]=$(secs "$t" "$(now)")
  ok "ready after ${START_SECS[$n]}s (launcher pid $LAUNCHER; run.sh says: $(grep -o 'ready in [^)]*)' "$log"))"
  grep -E "Root admin|Gateway" "$log" | sed 's/\x1b\[[0-9;]*m//g; s/^/        /'

  local s body
  for s in "${SERVICES[@]}"; do
    body=$(curl -fsS --max-time 5 "http://$HOST:${PORT[$s]}/actuator/health") \
      && grep -q '"status":"UP"' <<<"$body" && ok "$s health: $body" || ko "$s health: ${body:-no answer}"
    if curl -fsS --max-time 10 "http://$HOST:${PORT[$s]}/actuator/prometheus" >"$OUT/prometheus-$s.txt" \
      && grep -q "application=\"$s\"" "$OUT/prometheus-$s.txt"; then
      ok "$s prometheus: $(grep -c "application=\"$s\"" "$OUT/prometheus-$s.txt") series with application=\"$s\""
    else
      ko "$s prometheus: no series with application=\"$s\""
    fi
  done

  local pid total=0 rss
  TREE=$(tree_pids "$LAUNCHER" | sort -n)
  echo "  process tree of the launcher (VmRSS):"
  for pid in $TREE; do
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$rss" ] || rss=0
    total=$((total + rss))
    printf '        %-8s %-22s %6d MB\n' "$pid" "$(process_name "$pid")" $((rss / 1024))
  done
  RSS_MB[$n]=$((total / 1024))
  printf '        %-31s %6d MB\n' "total" "${RSS_MB[$n]}"
}

STOP_SECS=()
stop_stack() {
  local n=$1 t rc pid
  section "stop #$n: SIGINT to the launcher"
  t=$(now)
  kill -INT "$LAUNCHER"
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$LAUNCHER" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  if kill -0 "$LAUNCHER" 2>/dev/null; then ko "launcher still running after ${STOP_TIMEOUT}s"; return; fi
  wait "$LAUNCHER"; rc=$?
  STOP_SECS[$n]=$(secs "$t" "$(now)")
  [ $rc = 0 ] && ok "launcher exited with status 0 after ${STOP_SECS[$n]}s" || ko "launcher exited with status $rc"
  tail -n 4 "$OUT/run-$n.log" | sed 's/^/        /'
  LAUNCHER=""
  local left=()
  for pid in $TREE; do [ -d "/proc/$pid" ] && left+=("$pid($(process_name "$pid"))"); done
  [ ${#left[@]} = 0 ] && ok "all $(wc -w <<<"$TREE") processes of the tree are gone" || ko "processes left: ${left[*]}"
  left=$(pgrep -f -- '-Dconference.localstack.process=' || true)
  [ -z "$left" ] && ok "no process with the local-stack marker is running" || ko "marked processes left: $left"
  local busy=()
  for p in "${STACK_PORTS[@]}"; do port_in_use "$p" && busy+=("$p"); done
  [ ${#busy[@]} = 0 ] && ok "ports free again: ${STACK_PORTS[*]}" || ko "ports still in use: ${busy[*]}"
}

MARKER="smoke-$(date +%Y%m%dT%H%M%S)-$RANDOM"
START_ALL=$(now)

start_stack 1
section "write markers (Kafka record, MongoDB document)"
data_check write | sed 's/^/  ok    /' || { cat "$OUT/data-check-write.err"; ko "could not write the markers"; }
stop_stack 1

start_stack 2
section "data survived the restart"
if data_check verify >"$OUT/data-check-verify.out"; then
  sed 's/^/  ok    /' "$OUT/data-check-verify.out"
else
  sed 's/^/  FAIL  /' "$OUT/data-check-verify.out"; cat "$OUT/data-check-verify.err"; ko "markers missing after the restart"
fi
stop_stack 2

section "summary"
printf '  build (./mvnw -q -DskipTests package)   %s\n' "$BUILD_TIME"
printf '  start #1, launch -> all healthy         %ss\n' "${START_SECS[1]:-?}"
printf '  start #2 (data reused)                  %ss\n' "${START_SECS[2]:-?}"
printf '  total RSS of the stack #1 / #2          %s MB / %s MB\n' "${RSS_MB[1]:-?}" "${RSS_MB[2]:-?}"
printf '  stop #1 / #2 (SIGINT -> launcher gone)  %ss / %ss\n' "${STOP_SECS[1]:-?}" "${STOP_SECS[2]:-?}"
printf '  marker                                  %s\n' "$MARKER"
printf '  whole smoke test                        %ss\n' "$(secs "$START_ALL" "$(now)")"
printf '  logs                                    %s, .local/logs/\n' "${OUT#"$REPO"/}"
if [ $FAILURES = 0 ]; then echo "SMOKE TEST PASSED"; else echo "SMOKE TEST FAILED ($FAILURES failure(s))"; exit 1; fi
