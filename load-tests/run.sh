#!/usr/bin/env bash
# One command per benchmark run: starts what the run needs, runs it, records the machine load
# beside the result, and stops what it started.
#
#   load-tests/run.sh NAME [TARGET] [ARGS...]
#
# NAME
#   ChatLifecycleSimulation | RelaySimulation | IdleSessionsSimulation
#                  a Gatling simulation; ARGS are -Dkey=value system properties (see each class);
#                  the HTML report lands in load-tests/target/gatling/<name>-<timestamp>/
#   relay-latency  the Vert.x relay driver (one-way latency percentiles, CPU per message);
#                  ARGS are --key=value flags of com.meetmates.loadtests.driver.RelayDriver
#   ceiling        the same driver through the bare Vert.x forwarder (no protocol): the ceiling
# TARGET
#   single         (default) one signaling node started from signaling-node's fat jar
#   cluster        the local 3-node cluster behind HAProxy (cluster-config/local-cluster.sh up 3);
#                  Gatling goes through the load balancer, the relay driver straight to the nodes
#                  so that --placement=same|cross decides where the two members of a pair sit
#   url=URL        a server that is already running (e.g. a reference server); PIDS=1234,5678 in
#                  the environment lets the driver and IdleSessionsSimulation measure it
#
# Environment: COUNT_HAZELCAST=1 (the lifecycle simulation and the relay driver count the nodes'
# Hazelcast operations per chat and per relayed message, from Hazelcast's metrics over JMX),
# NODE_PORT (single node, 3001), NODE_JAVA_OPTS (-Xmx256m), CLUSTER_NODES (3), NODE_JAR (a node jar
# built elsewhere, e.g. from another commit for a back-to-back comparison; default: built here),
# CEILING_PORT (45100), CEILING_LOOPS (event loops of the forwarder: the number of cores), and for
# the cluster the variables of cluster-config/local-cluster.sh (BASE_PORT, LB_PORT, ...).
# Every result is appended to load-tests/target/bench/results.txt with `uptime` before and after.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
BENCH_DIR="$SCRIPT_DIR/target/bench"
RESULTS="$BENCH_DIR/results.txt"

NODE_PORT="${NODE_PORT:-3001}"
NODE_JAVA_OPTS="${NODE_JAVA_OPTS:--Xmx256m}"
CLUSTER_NODES="${CLUSTER_NODES:-3}"
CEILING_PORT="${CEILING_PORT:-45100}"
CEILING_LOOPS="${CEILING_LOOPS:-$(nproc)}"
READY_TIMEOUT="${READY_TIMEOUT:-120}"
# Benchmarks measure the relay, not the abuse guard.
export RATE_LIMIT_PER_SECOND=0

log() { echo "run.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 2; }

[[ $# -ge 1 ]] || usage
NAME="$1"; shift
TARGET="single"
if [[ $# -ge 1 && ( "$1" == single || "$1" == cluster || "$1" == url=* ) ]]; then
  TARGET="$1"; shift
fi

STARTED_PIDS=()
CLUSTER_UP=0
# SIGTERM lets a node drain; one that has not exited after STOP_TIMEOUT seconds is killed.
stop_process() {
  local pid="$1" deadline=$((SECONDS + ${STOP_TIMEOUT:-30}))
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "process $pid did not stop within ${STOP_TIMEOUT:-30}s; killing it"
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && stop_process "$pid"
  done
  if [[ "$CLUSTER_UP" == 1 ]]; then
    "$REPO_ROOT/cluster-config/local-cluster.sh" down || true
  fi
}
trap cleanup EXIT

http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || echo 000
}

wait_ready() {
  local url="$1" pid="$2" deadline=$((SECONDS + READY_TIMEOUT))
  until [[ "$(http_status "$url")" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before $url answered"
    ((SECONDS < deadline)) || die "$url not ready after ${READY_TIMEOUT}s"
    sleep 0.5
  done
}

# Always rebuilt (incrementally), so that a run never measures a stale jar.
node_jar() {
  if [[ -n "${NODE_JAR:-}" ]]; then
    [[ -f "$NODE_JAR" ]] || die "NODE_JAR=$NODE_JAR does not exist"
    echo "$NODE_JAR"
    return
  fi
  log "building the node jar"
  (cd "$REPO_ROOT" && mvn -B -q -pl signaling-node -am package -DskipTests) >&2
  ls "$REPO_ROOT"/signaling-node/target/signaling-node-*-fat.jar | head -n 1
}

driver_classpath() {
  # In one reactor with signaling-node (a test dependency of load-tests); load-tests runs last, so its
  # classpath is the one left in the file.
  (cd "$REPO_ROOT" && mvn -B -q -pl load-tests -am compile dependency:build-classpath -DskipTests \
    -DincludeScope=runtime -Dmdep.outputFile="$BENCH_DIR/classpath.txt") >&2
  echo "$SCRIPT_DIR/target/classes:$(cat "$BENCH_DIR/classpath.txt")"
}

start_single() {
  local jar
  jar="$(node_jar)"
  # shellcheck disable=SC2086 # NODE_JAVA_OPTS is a list of options
  PORT="$NODE_PORT" java $NODE_JAVA_OPTS -jar "$jar" >"$BENCH_DIR/node.log" 2>&1 &
  STARTED_PIDS+=($!)
  PIDS="$!"
  BASE_URL="http://127.0.0.1:$NODE_PORT"
  NODE_URLS="$BASE_URL"
  wait_ready "$BASE_URL/ready" "$PIDS"
  log "node pid $PIDS on $BASE_URL (log $BENCH_DIR/node.log)"
}

start_cluster() {
  local run_dir="${RUN_DIR:-$REPO_ROOT/cluster-config/.run}" base="${BASE_PORT:-3100}" i urls=() pids=()
  CLUSTER_UP=1
  JAR="$(node_jar)" "$REPO_ROOT/cluster-config/local-cluster.sh" up "$CLUSTER_NODES"
  for ((i = 1; i <= CLUSTER_NODES; i++)); do
    pids+=("$(cat "$run_dir/node$i.pid")")
    urls+=("http://127.0.0.1:$((base + i))")
  done
  PIDS="$(IFS=,; echo "${pids[*]}")"
  NODE_URLS="$(IFS=,; echo "${urls[*]}")"
  BASE_URL="http://127.0.0.1:${LB_PORT:-3001}"
  log "cluster nodes $NODE_URLS (pids $PIDS) behind $BASE_URL"
}

start_ceiling() {
  local cp="$1"
  java -cp "$cp" com.meetmates.loadtests.ceiling.BareForwarder "$CEILING_PORT" "$CEILING_LOOPS" \
    >"$BENCH_DIR/ceiling.log" 2>&1 &
  STARTED_PIDS+=($!)
  PIDS="$!"
  BASE_URL="http://127.0.0.1:$CEILING_PORT"
  NODE_URLS="$BASE_URL"
  local deadline=$((SECONDS + READY_TIMEOUT))
  until grep -q "bare forwarder on port" "$BENCH_DIR/ceiling.log"; do
    kill -0 "$PIDS" 2>/dev/null || die "the forwarder exited: $(cat "$BENCH_DIR/ceiling.log")"
    ((SECONDS < deadline)) || die "the forwarder did not start"
    sleep 0.2
  done
}

mkdir -p "$BENCH_DIR"
CP=""
if [[ "$NAME" == relay-latency || "$NAME" == ceiling ]]; then
  CP="$(driver_classpath)"
fi

case "$NAME" in
  ceiling) start_ceiling "$CP" ;;
  *)
    case "$TARGET" in
      single) start_single ;;
      cluster) start_cluster ;;
      url=*) BASE_URL="${TARGET#url=}"; NODE_URLS="$BASE_URL"; PIDS="${PIDS:-}" ;;
    esac
    ;;
esac

LOAD_BEFORE="$(uptime)"
OUT="$BENCH_DIR/$NAME-$(date -u +%Y%m%dT%H%M%SZ).txt"
status=0
case "$NAME" in
  ChatLifecycleSimulation | RelaySimulation | IdleSessionsSimulation)
    first_pid="${PIDS%%,*}"
    (cd "$REPO_ROOT" && mvn -B -pl load-tests -am test -Pbenchmark -DskipTests \
        -Dgatling.simulationClass="com.meetmates.loadtests.simulations.$NAME" \
        -DbaseUrl="$BASE_URL" -DresultFile="$BENCH_DIR/idle-sessions.txt" ${first_pid:+-DnodePid="$first_pid"} ${PIDS:+-DnodePids="$PIDS"} \
        ${COUNT_HAZELCAST:+-DcountHazelcast=true} "$@") | tee "$OUT" || status=$?
    ;;
  relay-latency)
    java -cp "$CP" com.meetmates.loadtests.driver.RelayDriver --targets="$NODE_URLS" ${PIDS:+--pids="$PIDS"} \
      ${COUNT_HAZELCAST:+--hazelcast} "$@" \
      | tee "$OUT" || status=$?
    ;;
  ceiling)
    java -cp "$CP" com.meetmates.loadtests.driver.RelayDriver --protocol=raw --targets="$NODE_URLS" --pids="$PIDS" "$@" \
      | tee "$OUT" || status=$?
    ;;
  *) die "unknown run '$NAME'" ;;
esac
LOAD_AFTER="$(uptime)"

{
  echo "=== $(date -u +%FT%TZ) $NAME $TARGET $*"
  echo "load before: $LOAD_BEFORE"
  echo "load after:  $LOAD_AFTER"
  grep -E "^(relay|sent|findChat|offer|server CPU|Hazelcast)|idle sessions:|Hazelcast operations per chat|server CPU|count of|percentile|Reports generated|Reports generated|mean requests" "$OUT" || true
  echo "exit status: $status"
} >>"$RESULTS"
log "result appended to $RESULTS"
exit "$status"
