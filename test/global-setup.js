// Runs once per jest run, before any test file: the real Kafka test broker and
// PostgreSQL must be up. scripts/test.sh has usually started them already; the
// scripts then only confirm it, so `npx jest` alone works too.
const { execFileSync } = require('node:child_process');
const { resolve } = require('node:path');

module.exports = async function globalSetup() {
  const root = resolve(__dirname, '..');
  const env = {
    ...process.env,
    KAFKA_PORT: process.env.TEST_KAFKA_PORT ?? '19092',
    KAFKA_CONTROLLER_PORT: process.env.TEST_KAFKA_CONTROLLER_PORT ?? '19093',
    KAFKA_DATA_DIR: process.env.TEST_KAFKA_DATA_DIR ?? resolve(root, '.data/kafka-test'),
    KAFKA_HEAP: process.env.KAFKA_HEAP ?? '384m',
  };
  execFileSync('bash', [resolve(root, 'scripts/kafka.sh'), 'start'], { env, stdio: 'inherit' });
  execFileSync('bash', [resolve(root, 'scripts/postgres.sh'), 'ensure'], { env, stdio: 'inherit' });
};
