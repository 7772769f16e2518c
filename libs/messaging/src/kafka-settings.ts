import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import { EnvError, type BaseEnv } from '@ct/platform';

/** How a client authenticates to the brokers and encrypts the connection; empty: plaintext. */
export interface KafkaSecurity {
  ssl?: ConnectionOptions | true;
  sasl?: SASLOptions;
}

/** What the services do about topics: create them or only check them, and with what settings. */
export interface TopicPolicy {
  /** Create missing topics (false on managed clusters that forbid it: missing ones stop start-up). */
  create: boolean;
  replicationFactor: number;
  minInsyncReplicas: number;
  /** Partitions of every topic instead of each topic's own count. */
  partitions?: number;
}

export interface KafkaSettings {
  brokers: string[];
  security: KafkaSecurity;
  topics: TopicPolicy;
}

/**
 * The Kafka part of a service's environment, checked across variables (which
 * the schema cannot do field by field): SASL needs a username and a password,
 * min ISR cannot exceed the replication factor, TLS files must be readable.
 */
export function kafkaSettings(env: BaseEnv, read = readText): KafkaSettings {
  const problems: string[] = [];
  const security: KafkaSecurity = {};

  const files = {
    ca: env.KAFKA_SSL_CA_FILE,
    cert: env.KAFKA_SSL_CERT_FILE,
    key: env.KAFKA_SSL_KEY_FILE,
  };
  if (env.KAFKA_SSL || Object.values(files).some(Boolean)) {
    const tls: ConnectionOptions = { rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED };
    for (const [field, path] of Object.entries(files) as [keyof typeof files, string?][]) {
      if (!path) continue;
      try {
        tls[field] = read(path);
      } catch (err) {
        problems.push(`KAFKA_SSL_${field.toUpperCase()}_FILE: cannot read ${path} (${code(err)})`);
      }
    }
    if (Boolean(files.cert) !== Boolean(files.key))
      problems.push('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together (client certificate)');
    security.ssl = Object.keys(tls).length > 1 || !tls.rejectUnauthorized ? tls : true;
  }

  const mechanism = env.KAFKA_SASL_MECHANISM;
  if (mechanism) {
    const username = env.KAFKA_SASL_USERNAME;
    const password = env.KAFKA_SASL_PASSWORD;
    if (!username || !password)
      problems.push(
        `KAFKA_SASL_MECHANISM=${mechanism} needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD`,
      );
    else security.sasl = { mechanism, username, password } as SASLOptions;
    // PLAIN sends the password as it is: only inside TLS.
    if (mechanism === 'plain' && !security.ssl)
      problems.push(
        'KAFKA_SASL_MECHANISM=plain needs KAFKA_SSL=true (PLAIN sends the password in clear)',
      );
  } else if (env.KAFKA_SASL_USERNAME || env.KAFKA_SASL_PASSWORD) {
    problems.push('KAFKA_SASL_USERNAME/PASSWORD are set but KAFKA_SASL_MECHANISM is not');
  }

  if (env.KAFKA_MIN_INSYNC_REPLICAS > env.KAFKA_REPLICATION_FACTOR)
    problems.push(
      `KAFKA_MIN_INSYNC_REPLICAS (${env.KAFKA_MIN_INSYNC_REPLICAS}) exceeds KAFKA_REPLICATION_FACTOR (${env.KAFKA_REPLICATION_FACTOR}): no write could succeed`,
    );

  if (problems.length > 0)
    throw new EnvError(`Invalid environment:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    brokers: env.KAFKA_BROKERS,
    security,
    topics: {
      create: env.KAFKA_TOPICS_CREATE,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      minInsyncReplicas: env.KAFKA_MIN_INSYNC_REPLICAS,
      partitions: env.KAFKA_PARTITIONS,
    },
  };
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function code(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}
