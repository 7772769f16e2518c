// The benchmarks' own Kafka broker: a separate instance (port 29092, data in
// .data/kafka-bench, wiped at start) so benchmark events never reach the
// topics the demo system (npm start, port 9092) consumes.
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const env = {
  ...process.env,
  KAFKA_PORT: process.env.BENCH_KAFKA_PORT ?? '29092',
  KAFKA_CONTROLLER_PORT: process.env.BENCH_KAFKA_CONTROLLER_PORT ?? '29093',
  KAFKA_DATA_DIR: join(root, '.data/kafka-bench'),
};
const BROKERS = [`127.0.0.1:${env.KAFKA_PORT}`];

function startBroker() {
  execFileSync('bash', [join(root, 'scripts/kafka.sh'), 'stop'], { stdio: 'inherit', env });
  rmSync(env.KAFKA_DATA_DIR, { recursive: true, force: true });
  execFileSync('bash', [join(root, 'scripts/kafka.sh'), 'start'], { stdio: 'inherit', env });
}

function stopBroker() {
  execFileSync('bash', [join(root, 'scripts/kafka.sh'), 'stop'], { stdio: 'inherit', env });
}

module.exports = { BROKERS, startBroker, stopBroker };
