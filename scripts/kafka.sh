#!/usr/bin/env bash
# Fetch, start and stop the project's single-node Apache Kafka (KRaft) broker.
#   scripts/kafka.sh fetch | start | stop | status
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
#              KAFKA_DATA_DIR (.data/kafka), KAFKA_HEAP (512m).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
deploy="$root/deploy/kafka"
lib="$deploy/lib"
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-9093}"
data="${KAFKA_DATA_DIR:-$root/.data/kafka}"
heap="${KAFKA_HEAP:-512m}"
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
    "$deploy/server.properties.template" >"$data/server.properties"
}

start() {
  if pid="$(running_pid)"; then
    log "broker already running (pid $pid) on 127.0.0.1:$port"
    wait_ready; return 0
  fi
  if port_open "$port"; then
    log "something already listens on 127.0.0.1:$port; reusing it as the broker"
    return 0
  fi
  fetch
  write_config
  if [[ ! -f "$data/logs/meta.properties" ]]; then
    local id; id="$(run_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
    log "formatting storage (cluster id $id)"
    run_java kafka.tools.StorageTool format -t "$id" -c "$data/server.properties" --ignore-formatted >/dev/null
  fi
  log "starting broker on 127.0.0.1:$port (controller $cport, heap $heap)"
  # setsid + closed stdin/stdout: the broker must not hold the caller's pipes
  # open, or CI waits for it after the tests end.
  setsid nohup java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$deploy/log4j2.properties" -cp "$lib/*" \
    kafka.Kafka "$data/server.properties" </dev/null >"$logfile" 2>&1 &
  echo $! >"$pidfile"
  wait_ready
}

wait_ready() {
  local started=$SECONDS
  until port_open "$port"; do
    if ! running_pid >/dev/null; then
      log "broker exited during start-up; last lines of $logfile:"; tail -n 30 "$logfile" >&2; exit 1
    fi
    (( SECONDS - started > 90 )) && { log "broker not listening after 90 s"; exit 1; }
    sleep 0.3
  done
  log "listening after $((SECONDS - started)) s"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then log "not running"; rm -f "$pidfile"; return 0; fi
  log "stopping broker (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && { log "broker did not stop in 20 s, killing"; kill -9 "$pid"; }
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)"; then echo "running (pid $pid) on 127.0.0.1:$port"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac
