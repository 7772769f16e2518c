#!/usr/bin/env bash
# Fetch, start and stop one Apache Kafka (KRaft) node: broker and controller in one process.
#   scripts/kafka.sh fetch | start | launch | wait | stop | kill | status
# start = launch + wait; launch alone returns at once (the nodes of a cluster
# only listen once a quorum of controllers is up, so scripts/kafka-cluster.sh
# launches all three before it waits); kill is kill -9, for fault tests.
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
#              KAFKA_DATA_DIR (.data/kafka), KAFKA_HEAP (512m); for a node of
#              a cluster also KAFKA_NODE_ID (1), KAFKA_VOTERS (this node alone:
#              1@127.0.0.1:<controller port>), KAFKA_CLUSTER_ID (random),
#              KAFKA_INTERNAL_RF (1: replicas of the offsets topic and the
#              default for new topics) and KAFKA_MIN_ISR (1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
deploy="$root/deploy/kafka"
lib="$deploy/lib"
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-9093}"
data="${KAFKA_DATA_DIR:-$root/.data/kafka}"
heap="${KAFKA_HEAP:-512m}"
node_id="${KAFKA_NODE_ID:-1}"
voters="${KAFKA_VOTERS:-$node_id@127.0.0.1:$cport}"
internal_rf="${KAFKA_INTERNAL_RF:-1}"
min_isr="${KAFKA_MIN_ISR:-1}"
pidfile="$data/broker.pid"
logfile="$data/broker.log"

log() { printf '[kafka] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid; pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch() {
  if compgen -G "$lib/kafka_2.13-*.jar" >/dev/null && [[ "$lib" -nt "$deploy/pom.xml" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || { log "Maven (mvn) is required to fetch the Kafka jars"; exit 1; }
  command -v java >/dev/null || { log "Java 17+ is required to run Kafka"; exit 1; }
  log "fetching Kafka jars from Maven Central into deploy/kafka/lib"
  rm -rf "$lib"
  (cd "$deploy" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib -DincludeScope=runtime)
  touch "$lib"
}

run_java() {
  java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$deploy/log4j2.properties" -cp "$lib/*" "$@"
}

write_config() {
  mkdir -p "$data/logs"
  sed -e "s|@KAFKA_PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$cport|g" -e "s|@DATA_DIR@|$data/logs|g" \
    -e "s|@NODE_ID@|$node_id|g" -e "s|@VOTERS@|$voters|g" \
    -e "s|@INTERNAL_RF@|$internal_rf|g" -e "s|@MIN_ISR@|$min_isr|g" \
    "$deploy/server.properties.template" >"$data/server.properties"
}

# Returns 0 when a node had to be started, 1 when one was already there.
launch() {
  if pid="$(running_pid)"; then
    log "node $node_id already running (pid $pid) on 127.0.0.1:$port"
    return 1
  fi
  if port_open "$port"; then
    log "something already listens on 127.0.0.1:$port; reusing it as the broker"
    return 1
  fi
  command -v java >/dev/null || { log "Java 17+ is required to run a broker (none listens on 127.0.0.1:$port)"; exit 1; }
  fetch
  write_config
  if [[ ! -f "$data/logs/meta.properties" ]]; then
    local id="${KAFKA_CLUSTER_ID:-}"
    [[ -n "$id" ]] || id="$(run_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
    log "formatting storage (cluster id $id)"
    run_java kafka.tools.StorageTool format -t "$id" -c "$data/server.properties" --ignore-formatted >/dev/null
  fi
  log "starting node $node_id on 127.0.0.1:$port (controller $cport, heap $heap)"
  # setsid + closed stdin/stdout: the broker must not hold the caller's pipes
  # open, or CI waits for it after the tests end.
  setsid nohup java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$deploy/log4j2.properties" -cp "$lib/*" \
    kafka.Kafka "$data/server.properties" </dev/null >"$logfile" 2>&1 &
  echo $! >"$pidfile"
}

start() {
  launch || true
  if running_pid >/dev/null || ! port_open "$port"; then wait_ready; fi
}

wait_ready() {
  local started=$SECONDS
  until port_open "$port"; do
    if ! running_pid >/dev/null; then
      log "node $node_id exited during start-up; last lines of $logfile:"; tail -n 30 "$logfile" >&2; exit 1
    fi
    (( SECONDS - started > 90 )) && { log "node $node_id not listening on $port after 90 s"; exit 1; }
    sleep 0.3
  done
  log "node $node_id listening on $port after $((SECONDS - started)) s"
}

hard_kill() {
  local pid
  if pid="$(running_pid)"; then log "kill -9 node $node_id (pid $pid)"; kill -9 "$pid"; fi
  rm -f "$pidfile"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then log "not running"; rm -f "$pidfile"; return 0; fi
  log "stopping node $node_id (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && { log "node $node_id did not stop in 20 s, killing"; kill -9 "$pid"; }
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  launch) launch || true ;;
  wait) wait_ready ;;
  stop) stop ;;
  kill) hard_kill ;;
  status) if pid="$(running_pid)"; then echo "running (pid $pid) on 127.0.0.1:$port"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|launch|wait|stop|kill|status" >&2; exit 2 ;;
esac
