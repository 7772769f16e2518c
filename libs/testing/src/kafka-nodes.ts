import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './infra';

const run = promisify(execFile);

/** A single Kafka node a test starts and kills itself, on ports of its own (scripts/kafka.sh). */
export interface KafkaNode {
  brokers: string[];
  start(): Promise<void>;
  /** kill -9: the broker is gone at once, as in a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export function kafkaNode(o: { port: number; controllerPort: number; label: string }): KafkaNode {
  const env = {
    ...process.env,
    KAFKA_PORT: String(o.port),
    KAFKA_CONTROLLER_PORT: String(o.controllerPort),
    KAFKA_DATA_DIR: resolve(REPO_ROOT, `.data/kafka-${o.label}`),
    KAFKA_HEAP: process.env.KAFKA_HEAP ?? '256m',
  };
  const script = (cmd: string) =>
    run('bash', [resolve(REPO_ROOT, 'scripts/kafka.sh'), cmd], { env }).then(() => undefined);
  return {
    brokers: [`127.0.0.1:${o.port}`],
    start: () => script('start'),
    kill: () => script('kill'),
    stop: () => script('stop'),
  };
}

/** The three-node cluster of scripts/kafka-cluster.sh, on ports and storage of a test's own. */
export interface KafkaCluster {
  brokers: string[];
  /** Start all three and create the topics (replication factor 3, min ISR 2). */
  up(): Promise<void>;
  kill(node: 1 | 2 | 3): Promise<void>;
  start(node: 1 | 2 | 3): Promise<void>;
  down(): Promise<void>;
}

export function kafkaCluster(o: { basePort: number; label: string }): KafkaCluster {
  const env = {
    ...process.env,
    CLUSTER_PORT: String(o.basePort),
    CLUSTER_DATA_DIR: resolve(REPO_ROOT, `.data/kafka-${o.label}`),
    KAFKA_HEAP: process.env.KAFKA_HEAP ?? '384m',
  };
  const script = (...args: string[]) =>
    run('bash', [resolve(REPO_ROOT, 'scripts/kafka-cluster.sh'), ...args], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    }).then(() => undefined);
  return {
    brokers: [0, 1, 2].map((i) => `127.0.0.1:${o.basePort + i}`),
    up: () => script('up'),
    kill: (n) => script('kill', String(n)),
    start: (n) => script('start', String(n)),
    down: () => script('down'),
  };
}
