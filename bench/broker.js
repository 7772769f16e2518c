// The benchmarks' own Kafka: a single broker (port 29092, data in
// .data/kafka-bench, wiped at start), or with BENCH_CLUSTER=1 a three-node
// cluster (scripts/kafka-cluster.sh on 29192-29194, data in
// .data/kafka-bench-cluster), so benchmark events never reach the topics the
// demo system (npm start, port 9092) consumes.
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const CLUSTER = process.env.BENCH_CLUSTER === '1';
const env = {
  ...process.env,
  KAFKA_PORT: process.env.BENCH_KAFKA_PORT ?? '29092',
  KAFKA_CONTROLLER_PORT: process.env.BENCH_KAFKA_CONTROLLER_PORT ?? '29093',
  KAFKA_DATA_DIR: join(root, '.data/kafka-bench'),
  CLUSTER_PORT: process.env.BENCH_CLUSTER_PORT ?? '29192',
  CLUSTER_DATA_DIR: join(root, '.data/kafka-bench-cluster'),
};
const BROKERS = CLUSTER
  ? [0, 1, 2].map((i) => `127.0.0.1:${Number(env.CLUSTER_PORT) + i}`)
  : [`127.0.0.1:${env.KAFKA_PORT}`];
/** How topics are replicated on this setup, for the services and the raw baseline alike. */
const TOPIC_POLICY = CLUSTER
  ? { replicationFactor: 3, minIsr: 2, label: '3 brokers (RF 3, min ISR 2)' }
  : { replicationFactor: 1, minIsr: 1, label: '1 broker' };
const script = (name, cmd) =>
  execFileSync('bash', [join(root, 'scripts', name), cmd], { stdio: 'inherit', env });

function startBroker() {
  if (CLUSTER) {
    script('kafka-cluster.sh', 'down');
    rmSync(env.CLUSTER_DATA_DIR, { recursive: true, force: true });
    script('kafka-cluster.sh', 'up');
    return;
  }
  script('kafka.sh', 'stop');
  rmSync(env.KAFKA_DATA_DIR, { recursive: true, force: true });
  script('kafka.sh', 'start');
}

function stopBroker() {
  script(CLUSTER ? 'kafka-cluster.sh' : 'kafka.sh', CLUSTER ? 'down' : 'stop');
}

module.exports = { BROKERS, TOPIC_POLICY, startBroker, stopBroker };
