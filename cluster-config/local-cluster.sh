#!/usr/bin/env bash
# A local signaling cluster for people and tests: N node processes of the fat jar, one Hazelcast
# cluster over loopback (hazelcast-local.xml), behind HAProxy.
#
#   cluster-config/local-cluster.sh up [N]   start N nodes (default 3) and the load balancer;
#                                            returns once every node is ready and the cluster
#                                            has N members
#   cluster-config/local-cluster.sh status   each node's port, pid and readiness (the balancer's own
#                                            view, UP/DOWN and health checks: `show stat` on
#                                            the stats socket RUN_DIR/haproxy.sock)
#   cluster-config/local-cluster.sh restart  rolling restart: one node at a time is stopped
#                                            (SIGTERM: it drains), started again, and waited for
#                                            until it is ready and back in a cluster of N
#   cluster-config/local-cluster.sh down     stop the nodes (SIGTERM: they drain) and HAProxy
#
# Settings (environment):
#   BASE_PORT=3100        node i (1..N) listens on BASE_PORT+i: 3101, 3102, ...
#   LB_PORT=3001          HAProxy's port: point browsers and clients here
#   HAZELCAST_BASE_PORT=5701  first Hazelcast member port; members take the next free ones
#                         (not HZ_...: Hazelcast reads every HZ_ variable as a config override)
#   CLUSTER_NAME=meetmates-local   Hazelcast cluster name (two clusters on one machine need two)
#   NODE_JAVA_OPTS        JVM options of every node (default: a 512 MB heap, logback-local.xml,
#                         which logs Hazelcast's member lists, and the module openings Hazelcast
#                         asks for)
#   JAR                   the node jar (default: signaling-node's fat jar, built when missing)
#   RUN_DIR               pid files, logs, haproxy.cfg (default: cluster-config/.run)
#   READY_TIMEOUT=120     seconds `up` waits for the cluster before it gives up
#   HOST=127.0.0.1        the nodes' listening address: loopback, only HAProxy reaches them
# Every other variable of the calling environment (CORS_ORIGINS, ICE_SERVERS, ...) reaches
# every node unchanged.
#
# Stickiness: HAProxy inserts a cookie naming the node that answered the Engine.IO handshake, and
# the client sends it back with every long-polling request and with the WebSocket upgrade, so a
# session's requests all reach the node that holds it. The `sid` query parameter cannot be used:
# the handshake carries none (the answering node creates it), so a hash of it sends the follow-up
# requests to a random node. Source-address hashing cannot be used either: every local client is
# 127.0.0.1 (all users would land on one node), as are many real users behind one NAT. The price
# of the cookie: a polling client must keep cookies (browsers do on the page's own origin; other
# origins need withCredentials, non-browser clients a cookie jar). WebSocket-only clients need no
# stickiness at all.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

BASE_PORT="${BASE_PORT:-3100}"
LB_PORT="${LB_PORT:-3001}"
HAZELCAST_BASE_PORT="${HAZELCAST_BASE_PORT:-5701}"
CLUSTER_NAME="${CLUSTER_NAME:-meetmates-local}"
HOST="${HOST:-127.0.0.1}"
RUN_DIR="${RUN_DIR:-$SCRIPT_DIR/.run}"
READY_TIMEOUT="${READY_TIMEOUT:-120}"
STOP_TIMEOUT="${STOP_TIMEOUT:-40}"
DEFAULT_NODES=3
HAZELCAST_OPENS="--add-modules=java.se --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.management/sun.management=ALL-UNNAMED --add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED"
NODE_JAVA_OPTS="${NODE_JAVA_OPTS:--Xmx512m -Dlogback.configurationFile=$SCRIPT_DIR/logback-local.xml $HAZELCAST_OPENS}"

log() { echo "local-cluster: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

node_port() { echo $((BASE_PORT + $1)); }
node_pid_file() { echo "$RUN_DIR/node$1.pid"; }
node_log() { echo "$RUN_DIR/node$1.log"; }
haproxy_pid_file() { echo "$RUN_DIR/haproxy.pid"; }
settings_file() { echo "$RUN_DIR/cluster.env"; }

# `up` records the settings it used; status, restart and down read them back, so that they act on
# the cluster that is running whatever the environment they are called with.
record_settings() {
  {
    printf 'BASE_PORT=%q\n' "$BASE_PORT"
    printf 'LB_PORT=%q\n' "$LB_PORT"
    printf 'HAZELCAST_BASE_PORT=%q\n' "$HAZELCAST_BASE_PORT"
    printf 'CLUSTER_NAME=%q\n' "$CLUSTER_NAME"
    printf 'HOST=%q\n' "$HOST"
  } >"$(settings_file)"
}

load_settings() {
  # shellcheck source=/dev/null # written by record_settings
  if [[ -f "$(settings_file)" ]]; then source "$(settings_file)"; fi
}

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
pid_from() { if [[ -f "$1" ]]; then cat "$1"; fi; }

# HTTP status of a GET on loopback, or 000 when nothing answers; bash only, no curl needed.
http_status() {
  local port="$1" path="$2"
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
    IFS= read -r -t 5 line <&3 || exit 1
    echo "$line" | awk '{print $2}'
  ) 2>/dev/null || echo 000
}

node_count() {
  local count=0
  while [[ -f "$(node_pid_file $((count + 1)))" ]]; do count=$((count + 1)); done
  echo "$count"
}

built_jar() {
  find "$REPO_ROOT/signaling-node/target" -maxdepth 1 -name 'signaling-node-*-fat.jar' 2>/dev/null | head -n 1 || true
}

find_jar() {
  if [[ -n "${JAR:-}" ]]; then
    [[ -f "$JAR" ]] || die "JAR=$JAR does not exist"
    echo "$JAR"
    return
  fi
  local jar
  jar="$(built_jar)"
  if [[ -z "$jar" ]]; then
    log "building the node jar (mvn -B -q -pl signaling-node -am package -DskipTests)"
    (cd "$REPO_ROOT" && mvn -B -q -pl signaling-node -am package -DskipTests) >&2
    jar="$(built_jar)"
    [[ -n "$jar" ]] || die "the build produced no signaling-node/target/signaling-node-*-fat.jar"
  fi
  echo "$jar"
}

ensure_haproxy() {
  command -v haproxy >/dev/null 2>&1 && return
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing HAProxy (apt-get install haproxy)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >&2
  fi
  command -v haproxy >/dev/null 2>&1 \
    || die "HAProxy is not installed and could not be installed here; install it (Debian: sudo apt-get install haproxy) and retry"
}

# Free when nothing accepts a TCP connection on it (whatever protocol a holder speaks).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_haproxy_config() {
  local nodes="$1" cfg="$RUN_DIR/haproxy.cfg" i
  {
    cat <<EOF
# Generated by local-cluster.sh for $nodes nodes; see the script's header for the stickiness choice.
global
    maxconn 8000
    pidfile $(haproxy_pid_file)
    # The balancer's own view of each node (UP/DOWN, last health check): "show stat" on this socket.
    stats socket $RUN_DIR/haproxy.sock mode 600 level user

defaults
    mode http
    timeout connect 5s
    # A long-polling GET is held by the node up to the ping interval (25 s): stay well above it.
    timeout client 60s
    timeout server 60s
    # An upgraded WebSocket is a tunnel; Engine.IO pings keep it busy every 25 s.
    timeout tunnel 1h
    timeout http-request 10s
    timeout client-fin 5s

frontend signaling
    bind 127.0.0.1:$LB_PORT
    default_backend nodes

backend nodes
    # Long-lived WebSockets make connection counts, not request counts, the load measure.
    balance leastconn
    cookie MMNODE insert indirect nocache httponly
    # A request for a node that refuses connections (stopped, restarting) goes to another one.
    option redispatch
    retries 3
    # /ready is false while a node joins the cluster or drains: it then gets no new sessions.
    option httpchk GET /ready
    http-check expect status 200
    default-server inter 1s fastinter 500ms downinter 2s fall 2 rise 2
EOF
    for ((i = 1; i <= nodes; i++)); do
      echo "    server node$i 127.0.0.1:$(node_port "$i") check cookie node$i"
    done
  } >"$cfg"
  haproxy -c -q -f "$cfg" || die "HAProxy rejected $cfg"
}

# start_node I JAR [append]: a restarted node appends to its log instead of starting a new one.
start_node() {
  local i="$1" jar="$2" mode="${3:-new}" port log_file
  port="$(node_port "$i")"
  log_file="$(node_log "$i")"
  [[ "$mode" == append ]] || : >"$log_file"
  port_free "$port" || die "port $port (node $i) is in use; choose another BASE_PORT"
  # shellcheck disable=SC2086 # NODE_JAVA_OPTS is a list of options
  PORT="$port" \
    HOST="$HOST" \
    CLUSTER_CONFIG="$SCRIPT_DIR/hazelcast-local.xml" \
    HZ_CLUSTERNAME="$CLUSTER_NAME" \
    HZ_NETWORK_PORT_PORT="$HAZELCAST_BASE_PORT" \
    setsid nohup java $NODE_JAVA_OPTS -jar "$jar" >>"$log_file" 2>&1 </dev/null &
  echo $! >"$(node_pid_file "$i")"
  log "node $i: port $port, pid $!, log $log_file"
}

# The member count Hazelcast logged last in this node's log ("Members {size:3, ver:3}").
logged_members() {
  grep -o 'Members {size:[0-9]*' "$1" 2>/dev/null | tail -n 1 | grep -o '[0-9]*$' || true
}

wait_until() {
  local description="$1" deadline=$((SECONDS + READY_TIMEOUT))
  shift
  until "$@"; do
    if ((SECONDS >= deadline)); then
      die "gave up after ${READY_TIMEOUT}s waiting for $description; node logs are in $RUN_DIR"
    fi
    sleep 0.5
  done
}

node_ready() {
  local i="$1"
  alive "$(pid_from "$(node_pid_file "$i")")" || die "node $i exited; its log: $(node_log "$i")"
  [[ "$(http_status "$(node_port "$i")" /ready)" == 200 ]]
}

all_ready() {
  local nodes="$1" i
  for ((i = 1; i <= nodes; i++)); do node_ready "$i" || return 1; done
}

cluster_formed() {
  local nodes="$1" i members
  for ((i = 1; i <= nodes; i++)); do
    members="$(logged_members "$(node_log "$i")")"
    [[ "$members" == "$nodes" ]] || return 1
  done
}

membership_logged() {
  local nodes="$1" i
  for ((i = 1; i <= nodes; i++)); do
    [[ -n "$(logged_members "$(node_log "$i")")" ]] && return 0
  done
  return 1
}

lb_ready() { [[ "$(http_status "$LB_PORT" /ready)" == 200 ]]; }

up() {
  local nodes="${1:-$DEFAULT_NODES}" jar i
  [[ "$nodes" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number, got '$nodes'"
  mkdir -p "$RUN_DIR"
  if [[ "$(node_count)" -gt 0 ]] || [[ -f "$(haproxy_pid_file)" ]] || [[ -f "$(settings_file)" ]]; then
    die "a local cluster is already recorded in $RUN_DIR; run '$0 down' first"
  fi
  ensure_haproxy
  port_free "$LB_PORT" || die "LB_PORT $LB_PORT is in use; choose another LB_PORT"
  jar="$(find_jar)"
  record_settings

  # Whatever stops `up` half-way (a node exiting, a timeout) stops what it started.
  trap 'log "start-up failed; stopping what was started"; down' EXIT
  # The first node forms the cluster alone; the others then join it instead of forming
  # clusters of their own that would have to merge later.
  start_node 1 "$jar"
  wait_until "node 1 to become ready" node_ready 1
  for ((i = 2; i <= nodes; i++)); do start_node "$i" "$jar"; done
  wait_until "all $nodes nodes to become ready" all_ready "$nodes"
  if membership_logged "$nodes"; then
    wait_until "a cluster of $nodes members" cluster_formed "$nodes"
  else
    log "the node logs show no Hazelcast membership lines; relying on /ready alone"
  fi

  write_haproxy_config "$nodes"
  haproxy -D -f "$RUN_DIR/haproxy.cfg"
  wait_until "HAProxy on port $LB_PORT" lb_ready
  trap - EXIT
  log "cluster '$CLUSTER_NAME' of $nodes nodes is up behind http://127.0.0.1:$LB_PORT/"
  status
}

status() {
  local nodes i pid state lb_pid
  nodes="$(node_count)"
  if [[ "$nodes" == 0 ]]; then
    echo "no local cluster recorded in $RUN_DIR"
    return 0
  fi
  printf '%-8s %-6s %-8s %s\n' NODE PORT PID STATE
  for ((i = 1; i <= nodes; i++)); do
    pid="$(pid_from "$(node_pid_file "$i")")"
    if alive "$pid"; then state="running, /ready $(http_status "$(node_port "$i")" /ready)"; else state="stopped"; fi
    printf '%-8s %-6s %-8s %s\n' "node$i" "$(node_port "$i")" "$pid" "$state"
  done
  lb_pid="$(pid_from "$(haproxy_pid_file)")"
  if alive "$lb_pid"; then state="running"; else state="stopped"; fi
  printf '%-8s %-6s %-8s %s\n' haproxy "$LB_PORT" "${lb_pid:--}" "$state"
}

restart() {
  local nodes jar i
  nodes="$(node_count)"
  [[ "$nodes" -gt 0 ]] || die "no local cluster recorded in $RUN_DIR; run '$0 up' first"
  jar="$(find_jar)"
  for ((i = 1; i <= nodes; i++)); do
    log "node $i: stopping (SIGTERM: it drains its sockets and leaves the cluster)"
    stop_pid "$(pid_from "$(node_pid_file "$i")")" "node $i"
    start_node "$i" "$jar" append
    wait_until "node $i to become ready again" node_ready "$i"
    if membership_logged "$nodes"; then
      wait_until "node $i back in a cluster of $nodes members" cluster_formed "$nodes"
    fi
  done
  log "rolling restart of $nodes nodes done"
  status
}

stop_pid() {
  local pid="$1" what="$2" deadline
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  deadline=$((SECONDS + STOP_TIMEOUT))
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if alive "$pid"; then
    log "$what (pid $pid) did not stop within ${STOP_TIMEOUT}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

down() {
  local nodes i pid
  pid="$(pid_from "$(haproxy_pid_file)")"
  stop_pid "$pid" haproxy
  rm -f "$(haproxy_pid_file)"
  nodes="$(node_count)"
  # Nodes stop in parallel: each drains on SIGTERM, so waiting for one at a time multiplies it.
  for ((i = 1; i <= nodes; i++)); do
    pid="$(pid_from "$(node_pid_file "$i")")"
    stop_pid "$pid" "node $i" &
  done
  wait
  for ((i = 1; i <= nodes; i++)); do rm -f "$(node_pid_file "$i")"; done
  rm -f "$(settings_file)"
  log "stopped $nodes nodes and HAProxy (logs kept in $RUN_DIR)"
}

case "${1:-}" in
  up) up "${2:-$DEFAULT_NODES}" ;;
  status) load_settings && status ;;
  restart) load_settings && restart ;;
  down) load_settings && down ;;
  *)
    echo "usage: $0 up [N] | status | restart | down" >&2
    exit 2
    ;;
esac
