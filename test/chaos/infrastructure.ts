import { execFile } from 'node:child_process';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, TEST_KAFKA_CONTROLLER_PORT, TEST_KAFKA_PORT } from '@ct/testing';

const run = promisify(execFile);
const brokerEnv = {
  ...process.env,
  KAFKA_PORT: String(TEST_KAFKA_PORT),
  KAFKA_CONTROLLER_PORT: String(TEST_KAFKA_CONTROLLER_PORT),
  KAFKA_DATA_DIR: process.env.TEST_KAFKA_DATA_DIR ?? resolve(REPO_ROOT, '.data/kafka-test'),
  KAFKA_HEAP: process.env.KAFKA_HEAP ?? '384m',
};

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), done(true)));
    s.once('error', () => done(false));
  });
}

/** Stop the test broker (the real process, through scripts/kafka.sh), wait, start it again. */
export async function restartBroker(downMs: number): Promise<void> {
  await run('bash', [resolve(REPO_ROOT, 'scripts/kafka.sh'), 'stop'], { env: brokerEnv });
  if (await listening(TEST_KAFKA_PORT)) {
    throw new Error(
      `the broker on ${TEST_KAFKA_PORT} was not started by this test run (scripts/kafka.sh cannot stop it); stop it and run again`,
    );
  }
  await new Promise((r) => setTimeout(r, downMs));
  await run('bash', [resolve(REPO_ROOT, 'scripts/kafka.sh'), 'start'], { env: brokerEnv });
}

/** Restart the machine's PostgreSQL server (every connection is cut). */
export async function restartPostgres(): Promise<void> {
  await run('bash', [resolve(REPO_ROOT, 'scripts/postgres.sh'), 'restart']);
}
