import { logLevel, type KafkaConfig, type logCreator } from 'kafkajs';
import { createLogger } from '@ct/platform';
import type { KafkaSecurity } from './kafka-settings';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** Route kafkajs's own logs into the service's JSON log stream. */
function pinoLogCreator(service: string): logCreator {
  const log = createLogger(service).child({ component: 'kafkajs' });
  return () =>
    ({ level, log: entry }) => {
      const { message, ...rest } = entry;
      log[levels[level] ?? 'info'](rest, message);
    };
}

/**
 * How long a stopping service waits for a Kafka client to close. A broker
 * that is gone makes kafkajs retry for up to maxRetryTime; past this the
 * client is abandoned (nothing is lost: see exitOnShutdownSignal).
 */
export const KAFKA_CLOSE_MS = 2000;

export function kafkaClientConfig(
  service: string,
  brokers: string[],
  security: KafkaSecurity = {},
): KafkaConfig {
  return {
    clientId: service,
    brokers,
    ...security,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(service),
    connectionTimeout: 3000,
    // Keep retrying through a broker restart instead of giving up after ~30 s.
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
  };
}
