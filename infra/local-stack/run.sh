#!/usr/bin/env bash
# The local stack: a real Kafka broker (KRaft), a MongoDB-wire server and the services, as separate processes on this
# machine, with no Docker. `infra/local-stack/run.sh --help` tells the options; topology.properties next to this file
# lists the processes. This script only makes sure the launcher (org.conference.localstack.launcher, JDK only) is
# built, then hands over to it; the launcher checks the ports, builds the jars when they are out of date, and starts,
# watches and stops everything.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CLASSES="$HERE/target/classes"
LAUNCHER_CLASS="$CLASSES/org/conference/localstack/launcher/Launcher.class"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || { echo "run.sh: '$JAVA' not found (set JAVA_HOME or PATH)" >&2; exit 1; }
command -v setsid >/dev/null 2>&1 || { echo "run.sh: 'setsid' (util-linux) not found" >&2; exit 1; }

# Rebuild the launcher when it is missing, or older than this module's sources (unless told not to build).
stale() {
  [ ! -f "$LAUNCHER_CLASS" ] && return 0
  case " $* " in *" --no-build "* | *" --status "* | *" --stop "* | *" --help "* | *" -h "*) return 1 ;; esac
  [ -n "$(find "$HERE/src/main" "$HERE/pom.xml" "$REPO/pom.xml" -newer "$LAUNCHER_CLASS" -print -quit)" ]
}
if stale "$@"; then
  mkdir -p "$REPO/.local/logs"
  echo "run.sh: building the launcher (./mvnw -B -q -DskipTests -pl infra/local-stack package, log .local/logs/build.log)"
  if ! (cd "$REPO" && ./mvnw -B -q -DskipTests -pl infra/local-stack package) >"$REPO/.local/logs/build.log" 2>&1; then
    tail -n 60 "$REPO/.local/logs/build.log" >&2
    echo "run.sh: the build of the launcher failed (log: .local/logs/build.log)" >&2
    exit 1
  fi
fi

# A small JVM: the launcher only starts processes and polls their health.
exec "$JAVA" -Xms8m -Xmx24m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 \
  -XX:ReservedCodeCacheSize=16m -Xss512k -XX:-UsePerfData \
  -Dconference.localstack.repo="$REPO" -cp "$CLASSES" org.conference.localstack.launcher.Launcher "$@"
