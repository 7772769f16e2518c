import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// docker-compose.yml cannot be run here (no Docker engine): it is kept honest by reading it.
const root = join(__dirname, '../../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      environment?: Record<string, unknown>;
      volumes?: string[];
      healthcheck?: unknown;
      depends_on?: Record<string, { condition: string }>;
      build?: { args?: { SERVICE?: string } };
    }
  >;
  volumes?: Record<string, unknown>;
};
const apps = ['ingestion', 'commitments', 'notifications', 'dashboard'];
const kafkaNodes = ['kafka-1', 'kafka-2', 'kafka-3'];

describe('docker-compose.yml', () => {
  it('builds each of the four services from the one image, after the broker and database are healthy', () => {
    for (const name of apps) {
      const s = compose.services[name];
      expect(s.build?.args?.SERVICE).toBe(name);
      expect(s.depends_on).toEqual({
        'kafka-1': { condition: 'service_healthy' },
        'kafka-2': { condition: 'service_healthy' },
        'kafka-3': { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
      expect(s.environment?.KAFKA_BROKERS).toBe('kafka-1:9092,kafka-2:9092,kafka-3:9092');
      expect(s.environment?.KAFKA_REPLICATION_FACTOR).toBe(3);
      expect(s.environment?.KAFKA_MIN_INSYNC_REPLICAS).toBe(2);
    }
    for (const n of kafkaNodes) expect(compose.services[n].healthcheck).toBeDefined();
    expect(compose.services.postgres.healthcheck).toBeDefined();
  });

  it('keeps Kafka and PostgreSQL data in named volumes', () => {
    for (const n of kafkaNodes) {
      expect(compose.services[n].volumes).toEqual([`${n}-data:/var/lib/kafka/data`]);
      expect(compose.services[n].environment?.KAFKA_LOG_DIRS).toBe('/var/lib/kafka/data');
    }
    expect(compose.services.postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(Object.keys(compose.volumes ?? {})).toEqual([
      'kafka-1-data',
      'kafka-2-data',
      'kafka-3-data',
      'postgres-data',
    ]);
  });

  it('runs three Kafka nodes as one cluster, as scripts/kafka-cluster.sh does', () => {
    const voters = kafkaNodes.map((n, i) => `${i + 1}@${n}:9093`).join(',');
    const ids = new Set<unknown>();
    kafkaNodes.forEach((n, i) => {
      const env = compose.services[n].environment ?? {};
      expect(env.KAFKA_NODE_ID).toBe(i + 1);
      expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(voters);
      expect(env.KAFKA_ADVERTISED_LISTENERS).toBe(`PLAINTEXT://${n}:9092`);
      expect(env.KAFKA_MIN_INSYNC_REPLICAS).toBe(2);
      expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe(3);
      ids.add(env.CLUSTER_ID);
    });
    expect(ids.size).toBe(1);
    // The local cluster's nodes use the same settings.
    const template = readFileSync(join(root, 'deploy/kafka/server.properties.template'), 'utf8');
    expect(template).toMatch(/^min\.insync\.replicas=@MIN_ISR@$/mu);
  });

  it('hard-codes no secret, and .env.example names every one it asks for', () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    const asked = [...text.matchAll(/\$\{(\w+):\?/gu)].map((m) => m[1]);
    expect(new Set(asked)).toEqual(
      new Set([
        'POSTGRES_PASSWORD',
        'JWT_PUBLIC_KEY',
        'JWT_PRIVATE_KEY',
        'ADMIN_EMAIL',
        'ADMIN_PASSWORD',
      ]),
    );
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const name of asked) expect(example).toMatch(new RegExp(`^${name}=$`, 'mu'));
    expect(compose.services.postgres.environment?.POSTGRES_PASSWORD).toMatch(
      /^\$\{POSTGRES_PASSWORD:\?/u,
    );
    // Only the commitments service signs tokens.
    for (const name of apps.filter((a) => a !== 'commitments'))
      expect(compose.services[name].environment).not.toHaveProperty('JWT_PRIVATE_KEY');
  });

  it('mounts the watched folder into the ingestion service, read only', () => {
    const ingestion = compose.services.ingestion;
    expect(ingestion.environment?.WATCH_DIR).toBe('/watch');
    expect(ingestion.volumes).toEqual(['${WATCH_HOST_DIR:-./seeds}:/watch:ro']);
  });
});
