import { z } from 'zod';

/** Settings every service reads; each service extends this with its own. */
export const baseEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/commitment_tracker'),
  /**
   * On SIGTERM the process exits at the latest this long after (default 9 s:
   * inside the 10 s Docker and compose give before SIGKILL; Kubernetes gives 30).
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(9000),
  /** Apply the service's pending migrations at start-up (false: `npm run migrate` does). */
  DB_MIGRATIONS_RUN: z.stringbool().default(true),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    ),
  /** TLS to the brokers; the files (PEM) are optional: the system's CAs are trusted otherwise. */
  KAFKA_SSL: z.stringbool().default(false),
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  KAFKA_SSL_CERT_FILE: z.string().min(1).optional(),
  KAFKA_SSL_KEY_FILE: z.string().min(1).optional(),
  KAFKA_SSL_REJECT_UNAUTHORIZED: z.stringbool().default(true),
  /** SASL authentication to the brokers (SCRAM on Strimzi, MSK and Confluent; PLAIN over TLS only). */
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-256', 'scram-sha-512', 'plain']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** Create missing topics at start-up; false where the cluster's operator creates them. */
  KAFKA_TOPICS_CREATE: z.stringbool().default(true),
  /** Settings of the topics the services create: 3 and 2 on a three-broker cluster. */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
  KAFKA_MIN_INSYNC_REPLICAS: z.coerce.number().int().min(1).default(1),
  /** Partitions of every topic created (default: each topic's own count, 6 for most). */
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).optional(),
  /**
   * TLS to PostgreSQL: `require` encrypts without checking the server's
   * certificate, `verify-full` checks it (against DATABASE_SSL_CA_FILE, or
   * the system's CAs) and its host name.
   */
  DATABASE_SSL: z.enum(['disable', 'require', 'verify-full']).default('disable'),
  DATABASE_SSL_CA_FILE: z.string().min(1).optional(),
  /**
   * Web origins whose pages may call this service's HTTP API from a browser
   * (the dashboard's page does), comma-separated; none when empty.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'CORS_ORIGINS: http(s) origins' }))),
  /** Hours published outbox rows are kept (for inspection) before they are deleted. */
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).default(24),
  /**
   * Days a consumer remembers an event it processed; keep it longer than the
   * broker's retention (Kafka: 7 days by default), so no redelivery is missed.
   */
  PROCESSED_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(1).default(8),
  /**
   * When set, /metrics (and the commitments service's /docs) answer only to
   * `Authorization: Bearer <OPS_TOKEN>` (or `?token=` for /docs in a browser);
   * unset, they are open, for a scraper inside the network.
   */
  OPS_TOKEN: z.string().min(16, 'OPS_TOKEN must be at least 16 characters').optional(),
});
export type BaseEnv = z.infer<typeof baseEnv>;

export class EnvError extends Error {}

/**
 * Validate the environment once at start-up. A bad value stops the service
 * with a message naming the variable, instead of failing later at first use.
 */
export function loadEnv<T extends z.ZodType>(
  schema: T,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('\n');
  throw new EnvError(`Invalid environment:\n${problems}`);
}

export const ENV = Symbol('ENV');
