#!/usr/bin/env bash
# The local stack: a real Kafka broker (KRaft), a MongoDB-wire server and the services, as separate processes on this
# machine, with no Docker. Run it from anywhere in a clone:
#
#   infra/local-stack/run.sh              build what is out of date, start everything, wait for healthy, run until Ctrl-C
#   infra/local-stack/run.sh --no-build   start from the jars already built
#   infra/local-stack/run.sh --infra-only start only Kafka and MongoDB (to run the services from an IDE)
#   infra/local-stack/run.sh --status     show what a running stack consists of
#   infra/local-stack/run.sh --stop       stop the processes of a stack whose launcher was killed (uses .local/run/*.pid)
#
# Everything it writes lives under <repo>/.local/: kafka/ and mongo/ (data, kept across runs), config/ (generated on
# every start), logs/<process>.log (the previous run's log is kept as <process>.log.1), run/ (pid files) and
# admin-password (the generated root admin password, reused on the next start).
#
# Environment (all optional):
#   CONFERENCE_ADMIN_LOGIN / CONFERENCE_ADMIN_PASSWORD   root admin (default admin / generated, kept in .local/)
#   CONFERENCE_INTERNAL_JWT_SECRET    gateway<->service JWT secret, >= 32 bytes (default: generated per run)
#   LOCAL_STACK_BIND                  address the processes listen on (default 127.0.0.1)
#   GATEWAY_PORT PROVISIONING_PORT MEETING_PORT MEDIA_PORT CALLBACK_PORT SIMULATOR_PORT
#   KAFKA_PORT KAFKA_CONTROLLER_PORT MONGO_PORT        (defaults 8080-8084, 8095, 9092, 9093, 27017)
#   LOCAL_STACK_SERVICE_JAVA_OPTS     JVM flags of each service (default: small heap, serial GC, C1 only)
#   LOCAL_STACK_KAFKA_JAVA_OPTS / LOCAL_STACK_MONGO_JAVA_OPTS
#   LOCAL_STACK_START_TIMEOUT         seconds a process may take to become healthy (default 180)
#   LOCAL_STACK_STOP_GRACE            seconds between SIGTERM and SIGKILL on shutdown (default 30)
#   MAVEN_ARGS                        extra arguments for the build (read by Maven itself, e.g. "-o")
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
LOCAL="$REPO/.local"
LOGS="$LOCAL/logs"
RUN="$LOCAL/run"
CONF="$LOCAL/config"
# The project version, from the root pom (the first <version> after the parent block).
VERSION=$(awk '/<\/parent>/ { p = 1 } p && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$REPO/pom.xml")

BIND="${LOCAL_STACK_BIND:-127.0.0.1}"
# Where the launcher and the services reach each other (a wildcard bind is still reached over loopback).
case "$BIND" in 0.0.0.0 | '::' | '[::]') HOST=127.0.0.1 ;; *) HOST="$BIND" ;; esac
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
PROVISIONING_PORT="${PROVISIONING_PORT:-8081}"
MEETING_PORT="${MEETING_PORT:-8082}"
MEDIA_PORT="${MEDIA_PORT:-8083}"
CALLBACK_PORT="${CALLBACK_PORT:-8084}"
SIMULATOR_PORT="${SIMULATOR_PORT:-8095}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${MONGO_PORT:-27017}"
START_TIMEOUT="${LOCAL_STACK_START_TIMEOUT:-180}"
STOP_GRACE="${LOCAL_STACK_STOP_GRACE:-30}"

COMMON_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Djava.awt.headless=true"
SERVICE_JAVA_OPTS="${LOCAL_STACK_SERVICE_JAVA_OPTS:--Xms32m -Xmx128m -XX:ReservedCodeCacheSize=48m $COMMON_JAVA_OPTS}"
KAFKA_JAVA_OPTS="${LOCAL_STACK_KAFKA_JAVA_OPTS:--Xms64m -Xmx128m $COMMON_JAVA_OPTS}"
MONGO_JAVA_OPTS="${LOCAL_STACK_MONGO_JAVA_OPTS:--Xms16m -Xmx128m $COMMON_JAVA_OPTS}"

KAFKA_CLASSPATH_FILE="$REPO/infra/local-stack/target/kafka-broker.classpath"
MONGO_CLASSPATH_FILE="$REPO/infra/local-stack/target/mongo-server.classpath"
LOCAL_STACK_CLASSES="$REPO/infra/local-stack/target/classes"
SIMULATOR_JAR="$REPO/infra/edge-simulator/target/edge-simulator-$VERSION.jar"

# Service table: name, port, start wave. Services of one wave start together; the next wave starts when the previous
# one is healthy (starting JVMs is CPU-bound; on 2 cores two at a time is the sweet spot).
SERVICES=(provisioning-service meeting-service media-service callback-service gateway-service)
declare -A PORT=(
  [provisioning-service]=$PROVISIONING_PORT [meeting-service]=$MEETING_PORT [media-service]=$MEDIA_PORT
  [callback-service]=$CALLBACK_PORT [gateway-service]=$GATEWAY_PORT [edge-simulator]=$SIMULATOR_PORT
  [kafka]=$KAFKA_PORT [kafka-controller]=$KAFKA_CONTROLLER_PORT [mongo]=$MONGO_PORT
)
declare -A WAVE=(
  [provisioning-service]=1 [meeting-service]=1 [media-service]=2 [callback-service]=2 [gateway-service]=3
  [edge-simulator]=3
)

# ---------------------------------------------------------------------------------------------------------- helpers
if [ -t 1 ]; then B=$'\e[1m' G=$'\e[32m' R=$'\e[31m' Y=$'\e[33m' N=$'\e[0m'; else B='' G='' R='' Y='' N=''; fi
T0=$(date +%s.%N)
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%5.1fs", b - a }'; }
say() { printf '%s [local-stack] %s\n' "$(elapsed)" "$*"; }
warn() { printf '%s [local-stack] %s%s%s\n' "$(elapsed)" "$Y" "$*" "$N" >&2; }
fail() { printf '%s [local-stack] %sERROR: %s%s\n' "$(elapsed)" "$R" "$*" "$N" >&2; }

usage() { sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

# Is something listening on this TCP port (any address)?
port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null
  fi
}

port_answers() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# GET http://$HOST:<port><path>; prints the body, fails unless the answer is 200.
http_get() {
  local port=$1 path=$2
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 5 "http://$HOST:$port$path" 2>/dev/null
  else
    timeout 5 bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 1
      printf "GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n" "$2" "$0" "$1" >&3
      IFS= read -r status <&3; case "$status" in *" 200 "*) ;; *) exit 1 ;; esac
      while IFS= read -r line <&3 && [ "${line%$'"'"'\r'"'"'}" != "" ]; do :; done
      cat <&3' "$HOST" "$port" "$path"
  fi
}

healthy() { http_get "$1" /actuator/health | grep -q '"status" *: *"UP"'; }

# 'Z' (zombie) or gone counts as dead.
alive() {
  local pid=$1 state
  [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# pid of a process we started with our marker in its command line, from its pid file.
pid_of() {
  local name=$1 pid
  [ -f "$RUN/$name.pid" ] || return 1
  pid=$(cat "$RUN/$name.pid" 2>/dev/null) || return 1
  alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dconference.localstack.process=$name " || return 1
  echo "$pid"
}

rss_kb_of() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

tail_log() {
  local name=$1
  printf '%s---- last 40 lines of %s ----%s\n' "$B" "$LOGS/$name.log" "$N" >&2
  tail -n 40 "$LOGS/$name.log" >&2 2>/dev/null || true
  printf '%s---- end of %s ----%s\n' "$B" "$name.log" "$N" >&2
}

jar_of() { echo "$REPO/$1/target/$1-$VERSION.jar"; }

# ---------------------------------------------------------------------------------------------- --status / --stop
ALL_NAMES=(gateway-service edge-simulator callback-service media-service meeting-service provisioning-service kafka mongo)

status() {
  local name pid any=0 total=0 rss health
  for name in mongo kafka "${SERVICES[@]}" edge-simulator; do
    if pid=$(pid_of "$name"); then
      any=1
      rss=$(rss_kb_of "$pid"); total=$((total + rss))
      case $name in
        kafka | mongo) port_answers "${PORT[$name]}" && health="port ${PORT[$name]} answers" || health="port ${PORT[$name]} closed" ;;
        *) healthy "${PORT[$name]}" && health="UP" || health="not UP" ;;
      esac
      printf '  %-22s pid %-8s port %-6s %-22s RSS %4d MB\n' "$name" "$pid" "${PORT[$name]}" "$health" $((rss / 1024))
    fi
  done
  if [ $any = 0 ]; then echo "No local stack process is running."; return 1; fi
  printf '  %-22s %47s %4d MB\n' total "" $((total / 1024))
}

stop_leftovers() {
  local name pid pids=()
  for name in "${ALL_NAMES[@]}"; do
    if pid=$(pid_of "$name"); then pids+=("$pid"); echo "stopping $name (pid $pid)"; kill -TERM "$pid" 2>/dev/null; fi
  done
  [ ${#pids[@]} = 0 ] && { echo "Nothing to stop."; return 0; }
  local deadline=$((SECONDS + STOP_GRACE))
  while [ $SECONDS -lt $deadline ]; do
    local left=0; for pid in "${pids[@]}"; do alive "$pid" && left=1; done
    [ $left = 0 ] && break; sleep 0.5
  done
  for pid in "${pids[@]}"; do alive "$pid" && { echo "killing pid $pid"; kill -KILL "$pid" 2>/dev/null; }; done
  rm -f "$RUN"/*.pid
}

# ---------------------------------------------------------------------------------------------------- arguments
BUILD=1
INFRA_ONLY=0
for arg in "$@"; do
  case $arg in
    --no-build) BUILD=0 ;;
    --infra-only) INFRA_ONLY=1 ;;
    --status) status; exit $? ;;
    --stop) stop_leftovers; exit 0 ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown argument: $arg"; usage >&2; exit 2 ;;
  esac
done

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for tool in "$JAVA" setsid; do
  command -v "$tool" >/dev/null 2>&1 || { fail "'$tool' is required but was not found (set JAVA_HOME or PATH)"; exit 1; }
done
JAVA_MAJOR=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\..*/\1/p; s/.*version "\([0-9]*\)".*/\1/p' | head -n 1)
if [ -z "$JAVA_MAJOR" ] || [ "$JAVA_MAJOR" -lt 17 ]; then
  fail "Java 17 or later is required ($JAVA is version ${JAVA_MAJOR:-unknown})"
  exit 1
fi

mkdir -p "$LOGS" "$RUN" "$CONF" "$LOCAL/kafka" "$LOCAL/mongo"

# Refuse to run twice: a previous launcher still alive, or its processes still running.
if [ -f "$RUN/launcher.pid" ] && alive "$(cat "$RUN/launcher.pid")" \
  && grep -q "run.sh" "/proc/$(cat "$RUN/launcher.pid")/cmdline" 2>/dev/null; then
  fail "a local stack is already running (launcher pid $(cat "$RUN/launcher.pid")); stop it with Ctrl-C or '$0 --stop'"
  exit 1
fi

# The edge simulator runs when its module exists (its port is then checked before anything starts) and is built.
SIMULATOR=0
[ $INFRA_ONLY = 0 ] && { [ -f "$REPO/infra/edge-simulator/pom.xml" ] || [ -f "$SIMULATOR_JAR" ]; } && SIMULATOR=1

# ------------------------------------------------------------------------------------------------------ port check
check_ports() {
  local name taken=()
  local names=(kafka kafka-controller mongo)
  [ $INFRA_ONLY = 0 ] && names+=("${SERVICES[@]}")
  [ $SIMULATOR = 1 ] && names+=(edge-simulator)
  for name in "${names[@]}"; do
    port_in_use "${PORT[$name]}" && taken+=("${PORT[$name]} ($name)")
  done
  if [ ${#taken[@]} -gt 0 ]; then
    fail "port(s) already in use: ${taken[*]}"
    if command -v ss >/dev/null 2>&1; then
      for name in "${names[@]}"; do
        ss -Hltnp "sport = :${PORT[$name]}" 2>/dev/null | sed 's/^/    /' >&2
      done
    fi
    for name in "${ALL_NAMES[@]}"; do
      if pid_of "$name" >/dev/null; then
        fail "processes of an earlier local stack are still running (its launcher was killed): stop them with '$0 --stop'"
        break
      fi
    done
    fail "nothing was started; free the port(s) (or set the *_PORT variables) and try again"
    exit 1
  fi
}
check_ports

# ----------------------------------------------------------------------------------------------------------- build
needs_build() {
  local artifacts=("$KAFKA_CLASSPATH_FILE" "$MONGO_CLASSPATH_FILE" "$LOCAL_STACK_CLASSES/org/conference/localstack/mongo/WireMongoServer.class")
  local svc
  if [ $INFRA_ONLY = 0 ]; then
    for svc in "${SERVICES[@]}"; do artifacts+=("$(jar_of "$svc")"); done
    [ -f "$REPO/infra/edge-simulator/pom.xml" ] && artifacts+=("$SIMULATOR_JAR")
  fi
  local a oldest=""
  for a in "${artifacts[@]}"; do
    [ -e "$a" ] || { say "missing $a"; return 0; }
    if [ -z "$oldest" ] || [ "$a" -ot "$oldest" ]; then oldest=$a; fi
  done
  # Every jar named by the classpath files must still be in the local Maven repository.
  local jar
  for jar in $(tr ':' ' ' <"$KAFKA_CLASSPATH_FILE") $(tr ':' ' ' <"$MONGO_CLASSPATH_FILE"); do
    [ -e "$jar" ] || { say "missing $jar"; return 0; }
  done
  # Any main source or pom newer than the oldest artifact?
  local newer
  newer=$(find "$REPO" \( -name target -o -name .local -o -name .git -o -name node_modules \) -prune -o \
    -type f -newer "$oldest" \( -name pom.xml -o -path '*/src/main/*' \) -print -quit 2>/dev/null)
  [ -n "$newer" ] && { say "changed since the last build: ${newer#"$REPO"/}"; return 0; }
  return 1
}

if [ $BUILD = 1 ]; then
  if needs_build; then
    say "building: ./mvnw -B -q -DskipTests package (log: .local/logs/build.log)"
    if ! (cd "$REPO" && ./mvnw -B -q -DskipTests package) >"$LOGS/build.log" 2>&1; then
      tail -n 60 "$LOGS/build.log" >&2
      fail "the build failed (full log: $LOGS/build.log)"
      exit 1
    fi
    say "build done"
  else
    say "jars are up to date (no build needed)"
  fi
fi

if [ $SIMULATOR = 1 ] && [ ! -f "$SIMULATOR_JAR" ]; then
  warn "the edge simulator is not built ($SIMULATOR_JAR): starting without it"
  SIMULATOR=0
fi

missing=()
for f in "$KAFKA_CLASSPATH_FILE" "$MONGO_CLASSPATH_FILE" "$LOCAL_STACK_CLASSES"; do [ -e "$f" ] || missing+=("$f"); done
if [ $INFRA_ONLY = 0 ]; then
  for svc in "${SERVICES[@]}"; do [ -f "$(jar_of "$svc")" ] || missing+=("$(jar_of "$svc")"); done
fi
if [ ${#missing[@]} -gt 0 ]; then
  fail "not built: ${missing[*]#"$REPO"/} (run without --no-build, or ./mvnw -B -DskipTests package)"
  exit 1
fi

# ------------------------------------------------------------------------------------------------ credentials, JWT
ADMIN_LOGIN="${CONFERENCE_ADMIN_LOGIN:-admin}"
random_secret() { head -c "$1" /dev/urandom | base64 | tr -d '\n/+=' | head -c "$2"; }
if [ -n "${CONFERENCE_ADMIN_PASSWORD:-}" ]; then
  ADMIN_PASSWORD=$CONFERENCE_ADMIN_PASSWORD
  ADMIN_PASSWORD_SOURCE="from CONFERENCE_ADMIN_PASSWORD"
elif [ -s "$LOCAL/admin-password" ]; then
  ADMIN_PASSWORD=$(cat "$LOCAL/admin-password")
  ADMIN_PASSWORD_SOURCE="kept in .local/admin-password"
else
  ADMIN_PASSWORD=$(random_secret 48 20)
  (umask 077; printf '%s' "$ADMIN_PASSWORD" >"$LOCAL/admin-password")
  ADMIN_PASSWORD_SOURCE="generated, kept in .local/admin-password"
fi
if [ -n "${CONFERENCE_INTERNAL_JWT_SECRET:-}" ]; then
  JWT_SECRET=$CONFERENCE_INTERNAL_JWT_SECRET
  if [ "$(printf '%s' "$JWT_SECRET" | wc -c)" -lt 32 ]; then
    fail "CONFERENCE_INTERNAL_JWT_SECRET must be at least 32 bytes"
    exit 1
  fi
else
  JWT_SECRET=$(random_secret 64 48)
fi

# ---------------------------------------------------------------------------------------------- process handling
declare -A PID=()
STARTED=()       # names, in start order
STOPPING=0
FORCE=0

rotate_log() { [ -f "$LOGS/$1.log" ] && mv -f "$LOGS/$1.log" "$LOGS/$1.log.1"; return 0; }

# start <name> <command...>: runs the command in its own session (so Ctrl-C reaches only this launcher, which then
# stops the processes in order), stdout+stderr to .local/logs/<name>.log.
start() {
  local name=$1; shift
  rotate_log "$name"
  printf '# %s started %s\n# %s\n' "$name" "$(date -Is)" "$*" >"$LOGS/$name.log"
  setsid "$@" </dev/null >>"$LOGS/$name.log" 2>&1 &
  PID[$name]=$!
  STARTED+=("$name")
  echo "${PID[$name]}" >"$RUN/$name.pid"
}

# Signal a group of processes, wait up to the grace period, then SIGKILL what is left and reap everything.
stop_group() {
  local name pid deadline left
  local names=()
  for name in "$@"; do [ -n "${PID[$name]:-}" ] && names+=("$name"); done
  [ ${#names[@]} = 0 ] && return 0
  for name in "${names[@]}"; do
    alive "${PID[$name]}" && kill -TERM "${PID[$name]}" 2>/dev/null
  done
  deadline=$((SECONDS + STOP_GRACE))
  while :; do
    left=()
    for name in "${names[@]}"; do alive "${PID[$name]}" && left+=("$name"); done
    [ ${#left[@]} = 0 ] && break
    if [ $FORCE = 1 ] || [ $SECONDS -ge $deadline ]; then
      warn "still running after SIGTERM, sending SIGKILL: ${left[*]}"
      for name in "${left[@]}"; do kill -KILL "${PID[$name]}" 2>/dev/null; done
      sleep 0.2
      continue
    fi
    sleep 0.2
  done
  for name in "${names[@]}"; do
    wait "${PID[$name]}" 2>/dev/null
    rm -f "$RUN/$name.pid"
    unset "PID[$name]"
  done
}

shutdown() {
  local code=${1:-0}
  [ $STOPPING = 1 ] && return
  STOPPING=1
  trap 'FORCE=1; warn "second interrupt: killing"' INT
  trap 'FORCE=1' TERM
  local t
  t=$(date +%s.%N)
  if [ ${#PID[@]} -gt 0 ]; then
    say "stopping (SIGTERM, SIGKILL after ${STOP_GRACE}s; Ctrl-C again to kill at once)"
    stop_group "${SERVICES[@]}" edge-simulator
    say "services stopped; stopping Kafka and MongoDB"
    stop_group kafka mongo
    say "stopped everything in $(awk -v a="$t" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s"
  fi
  rm -f "$RUN/launcher.pid"
  exit "$code"
}

on_signal() { echo; say "received $1"; shutdown 0; }
trap 'on_signal SIGINT' INT
trap 'on_signal SIGTERM' TERM
trap 'on_signal SIGHUP' HUP
trap 'shutdown $?' EXIT

echo $$ >"$RUN/launcher.pid"

# Waits until check <name> succeeds for all the given names; fails on timeout or a process exit, naming the culprit.
wait_until() {
  local what=$1 check=$2; shift 2
  local deadline=$((SECONDS + START_TIMEOUT)) name pending
  while :; do
    pending=()
    for name in "$@"; do
      if ! alive "${PID[$name]}"; then
        wait "${PID[$name]}" 2>/dev/null; local rc=$?
        fail "$name exited (status $rc) before it was $what"
        tail_log "$name"
        shutdown 1
      fi
      $check "$name" || pending+=("$name")
    done
    [ ${#pending[@]} = 0 ] && return 0
    if [ $SECONDS -ge $deadline ]; then
      for name in "${pending[@]}"; do
        fail "$name (port ${PORT[$name]}) was not $what within ${START_TIMEOUT}s"
        tail_log "$name"
      done
      shutdown 1
    fi
    sleep 0.5
  done
}
is_listening() {
  case $1 in
    kafka) port_answers "$KAFKA_PORT" && port_answers "$KAFKA_CONTROLLER_PORT" ;;
    *) port_answers "${PORT[$1]}" ;;
  esac
}
is_healthy() { healthy "${PORT[$1]}"; }

# -------------------------------------------------------------------------------------------------------- Kafka
# The broker's classpath file holds the provided-scope jars only; slf4j-api is also a runtime dependency of the
# MongoDB-wire server, so Maven lists it in that file instead.
KAFKA_CP=$(cat "$KAFKA_CLASSPATH_FILE")
case ":$KAFKA_CP:" in
  */slf4j-api-*) ;;
  *) KAFKA_CP="$KAFKA_CP:$(tr ':' '\n' <"$MONGO_CLASSPATH_FILE" | grep '/slf4j-api-[^/]*\.jar$' | head -n 1)" ;;
esac
KAFKA_DATA="$LOCAL/kafka/data"
mkdir -p "$CONF/kafka" "$KAFKA_DATA"
cat >"$CONF/kafka/server.properties" <<EOF
# Generated by infra/local-stack/run.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$BIND:$KAFKA_PORT,CONTROLLER://$BIND:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
# Small footprint: without this the log cleaner's 128 MB dedupe buffer does not fit a small heap.
log.cleaner.dedupe.buffer.size=16777216
log.cleaner.threads=1
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
background.threads=2
log.retention.hours=168
EOF
cat >"$CONF/kafka/log4j2.yaml" <<EOF
# Generated by infra/local-stack/run.sh: the broker logs to stdout, which the launcher writes to .local/logs/kafka.log.
Configuration:
  name: local-stack-kafka
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: INFO
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.request.logger
        level: WARN
      - name: state.change.logger
        level: WARN
      - name: kafka.authorizer.logger
        level: WARN
      - name: org.apache.kafka.clients
        level: WARN
EOF
KAFKA_LOG4J="-Dlog4j2.configurationFile=$CONF/kafka/log4j2.yaml"

if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
  say "formatting Kafka storage (first start) in .local/kafka/data"
  CLUSTER_ID=$("$JAVA" -cp "$KAFKA_CP" $KAFKA_LOG4J kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka-format.log" | tail -n 1)
  if [ -z "$CLUSTER_ID" ] || ! "$JAVA" -Xmx128m -cp "$KAFKA_CP" $KAFKA_LOG4J kafka.tools.StorageTool format \
    -t "$CLUSTER_ID" -c "$CONF/kafka/server.properties" >>"$LOGS/kafka-format.log" 2>&1; then
    cat "$LOGS/kafka-format.log" >&2
    fail "formatting the Kafka storage failed (log: $LOGS/kafka-format.log)"
    exit 1
  fi
  echo "$CLUSTER_ID" >"$LOCAL/kafka/cluster.id"
else
  say "reusing Kafka data in .local/kafka/data (cluster $(sed -n 's/^cluster.id=//p' "$KAFKA_DATA/meta.properties"))"
fi

say "starting kafka (KRaft broker+controller) on $HOST:$KAFKA_PORT"
# shellcheck disable=SC2086
start kafka "$JAVA" $KAFKA_JAVA_OPTS $KAFKA_LOG4J -Dconference.localstack.process=kafka \
  -cp "$KAFKA_CP" kafka.Kafka "$CONF/kafka/server.properties"

# -------------------------------------------------------------------------------------------------------- MongoDB
say "starting mongo (MongoDB-wire server, data in .local/mongo) on $HOST:$MONGO_PORT"
# shellcheck disable=SC2086
start mongo "$JAVA" $MONGO_JAVA_OPTS -Dconference.localstack.process=mongo \
  -cp "$LOCAL_STACK_CLASSES:$(cat "$MONGO_CLASSPATH_FILE")" org.conference.localstack.mongo.WireMongoServer \
  "$BIND" "$MONGO_PORT" "$LOCAL/mongo"

wait_until "listening" is_listening kafka mongo
say "kafka and mongo are up"

# -------------------------------------------------------------------------------------------------------- services
start_service() {
  local name=$1 jar=$2; shift 2
  say "starting $name on port ${PORT[$name]}"
  # shellcheck disable=SC2086
  start "$name" env SERVER_PORT="${PORT[$name]}" SERVER_ADDRESS="$BIND" \
    KAFKA_BOOTSTRAP_SERVERS="$HOST:$KAFKA_PORT" MONGODB_URI="mongodb://$HOST:$MONGO_PORT" \
    CONFERENCE_INTERNAL_JWT_SECRET="$JWT_SECRET" "$@" \
    "$JAVA" $SERVICE_JAVA_OPTS -Dconference.localstack.process="$name" -jar "$jar"
}

start_wave() {
  local wave=$1 name names=()
  for name in "${SERVICES[@]}" edge-simulator; do
    [ "${WAVE[$name]}" = "$wave" ] || continue
    case $name in
      edge-simulator)
        [ $SIMULATOR = 1 ] || continue
        start_service "$name" "$SIMULATOR_JAR" ;;
      provisioning-service)
        start_service "$name" "$(jar_of "$name")" \
          CONFERENCE_ADMIN_LOGIN="$ADMIN_LOGIN" CONFERENCE_ADMIN_PASSWORD="$ADMIN_PASSWORD" ;;
      callback-service)
        start_service "$name" "$(jar_of "$name")" CONFERENCE_CALLBACKS_ALLOW_PRIVATE_TARGETS=true ;;
      gateway-service)
        start_service "$name" "$(jar_of "$name")" \
          PROVISIONING_SERVICE_URI="http://$HOST:$PROVISIONING_PORT" MEETING_SERVICE_URI="http://$HOST:$MEETING_PORT" \
          MEDIA_SERVICE_URI="http://$HOST:$MEDIA_PORT" ;;
      *)
        start_service "$name" "$(jar_of "$name")" ;;
    esac
    names+=("$name")
  done
  [ ${#names[@]} = 0 ] && return 0
  wait_until "healthy" is_healthy "${names[@]}"
  say "healthy: ${names[*]}"
}

if [ $INFRA_ONLY = 0 ]; then
  for wave in 1 2 3; do start_wave $wave; done
fi

# ------------------------------------------------------------------------------------------------------------ ready
total_kb=0
for name in "${STARTED[@]}"; do total_kb=$((total_kb + $(rss_kb_of "${PID[$name]}"))); done
echo
echo "${G}${B}Local stack ready${N} in $(elapsed | tr -d ' ') (${#STARTED[@]} processes, $((total_kb / 1024)) MB RSS)"
if [ $INFRA_ONLY = 0 ]; then
  echo "  Gateway (the API):   ${B}http://$HOST:$GATEWAY_PORT/conference/v1${N}"
  echo "  Root admin:          login ${B}$ADMIN_LOGIN${N}  password ${B}$ADMIN_PASSWORD${N}  ($ADMIN_PASSWORD_SOURCE)"
  echo "                       e.g. curl -u '$ADMIN_LOGIN:$ADMIN_PASSWORD' http://$HOST:$GATEWAY_PORT/conference/v1/subscribers"
  for name in "${SERVICES[@]}"; do
    printf '  %-20s http://%s:%s/actuator/health  (log .local/logs/%s.log)\n' "$name" "$HOST" "${PORT[$name]}" "$name"
  done
  [ $SIMULATOR = 1 ] && printf '  %-20s http://%s:%s/simulator/v1/calls\n' edge-simulator "$HOST" "$SIMULATOR_PORT"
fi
echo "  Kafka:               $HOST:$KAFKA_PORT   (data .local/kafka, log .local/logs/kafka.log)"
echo "  MongoDB:             mongodb://$HOST:$MONGO_PORT   (data .local/mongo, log .local/logs/mongo.log)"
[ $INFRA_ONLY = 0 ] && [ -z "${CONFERENCE_INTERNAL_JWT_SECRET:-}" ] && echo "  Internal JWT secret: generated for this run (set CONFERENCE_INTERNAL_JWT_SECRET to fix it)"
echo "Press Ctrl-C to stop everything."

# ------------------------------------------------------------------------------------------------------- supervise
# Wait for any process to end; a process that ends on its own takes the stack down (loudly) rather than leaving it
# half-running. A signal to the launcher interrupts the wait and runs the shutdown trap.
while :; do
  wait -n "${PID[@]}" 2>/dev/null
  [ $STOPPING = 1 ] && break
  for name in "${STARTED[@]}"; do
    if [ -n "${PID[$name]:-}" ] && ! alive "${PID[$name]}"; then
      wait "${PID[$name]}" 2>/dev/null; rc=$?
      fail "$name exited unexpectedly (status $rc); stopping the stack"
      tail_log "$name"
      unset "PID[$name]"; rm -f "$RUN/$name.pid"
      shutdown 1
    fi
  done
done
