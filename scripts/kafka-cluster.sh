#!/usr/bin/env bash
# A three-node Kafka cluster on loopback, for trying the system as it runs on
# a real cluster and for the cluster fault test. Each node is broker and
# controller (scripts/kafka.sh, the same Maven jars); all three are voters.
#   scripts/kafka-cluster.sh up | down | status | brokers | kill N | start N
# up also creates the system's topics with replication factor 3 and
# min.insync.replicas 2 (scripts/cluster-topics.js).
# Environment: CLUSTER_PORT (9192): node N listens on CLUSTER_PORT+N-1 for
#              clients and CLUSTER_PORT+100+N-1 as a controller;
#              CLUSTER_DATA_DIR (.data/kafka-cluster); KAFKA_HEAP (384m).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${CLUSTER_PORT:-9192}"
data="${CLUSTER_DATA_DIR:-$root/.data/kafka-cluster}"
nodes=(1 2 3)

log() { printf '[cluster] %s\n' "$*" >&2; }

port_of() { echo $((base + $1 - 1)); }
controller_of() { echo $((base + 100 + $1 - 1)); }
brokers() { local n out=(); for n in "${nodes[@]}"; do out+=("127.0.0.1:$(port_of "$n")"); done; (IFS=,; echo "${out[*]}"); }
voters() { local n out=(); for n in "${nodes[@]}"; do out+=("$n@127.0.0.1:$(controller_of "$n")"); done; (IFS=,; echo "${out[*]}"); }

cluster_id() {
  mkdir -p "$data"
  if [[ ! -s "$data/cluster.id" ]]; then
    bash "$root/scripts/kafka.sh" fetch >&2
    java -cp "$root/deploy/kafka/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1 >"$data/cluster.id"
  fi
  cat "$data/cluster.id"
}

on_node() {
  local n="$1"; shift
  KAFKA_NODE_ID="$n" KAFKA_PORT="$(port_of "$n")" KAFKA_CONTROLLER_PORT="$(controller_of "$n")" \
    KAFKA_DATA_DIR="$data/node-$n" KAFKA_VOTERS="$(voters)" KAFKA_CLUSTER_ID="$(cluster_id)" \
    KAFKA_INTERNAL_RF=3 KAFKA_MIN_ISR=2 KAFKA_HEAP="${KAFKA_HEAP:-384m}" \
    bash "$root/scripts/kafka.sh" "$@"
}

check_node() {
  [[ "$1" =~ ^[123]$ ]] || { log "node must be 1, 2 or 3 (not '${1:-}')"; exit 2; }
}

up() {
  local n
  # Launch all, then wait: a node opens its client port only once two of the
  # three controllers form a quorum.
  for n in "${nodes[@]}"; do on_node "$n" launch; done
  for n in "${nodes[@]}"; do on_node "$n" wait; done
  BROKERS="$(brokers)" command node "$root/scripts/cluster-topics.js"
  log "up: KAFKA_BROKERS=$(brokers) KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2"
}

down() {
  local n
  # All at once: stopped one by one, the last node has no quorum left to
  # acknowledge its controlled shutdown and hangs until killed.
  for n in "${nodes[@]}"; do on_node "$n" stop & done
  wait
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  brokers) brokers ;;
  status) for n in "${nodes[@]}"; do printf 'node %s: ' "$n"; on_node "$n" status || true; done ;;
  kill) check_node "${2:-}"; on_node "$2" kill ;;
  start) check_node "${2:-}"; on_node "$2" start ;;
  *) echo "usage: $0 up|down|status|brokers|kill N|start N" >&2; exit 2 ;;
esac
