import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { logLevel, type KafkaConfig, type logCreator } from 'kafkajs';
import { createLogger } from '@ct/platform';

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

export function kafkaClientConfig(service: string, brokers: string[]): KafkaConfig {
  return {
    clientId: service,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(service),
    connectionTimeout: 3000,
    // Keep retrying through a broker restart instead of giving up after ~30 s.
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
  };
}

/**
 * The Nest Kafka transport a consuming service listens with. Values are kept
 * binary so that the intake decodes them itself: a malformed message can then
 * be dead-lettered with its exact original bytes and a precise reason.
 */
export function kafkaConsumerTransport(o: {
  service: string;
  brokers: string[];
  groupId: string;
  concurrency?: number;
}): MicroserviceOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: kafkaClientConfig(`${o.service}-consumer`, o.brokers),
      consumer: { groupId: o.groupId, allowAutoTopicCreation: false, retry: { retries: 10 } },
      subscribe: { fromBeginning: true },
      run: { partitionsConsumedConcurrently: o.concurrency ?? 3 },
      parser: { keepBinary: true },
    },
  };
}
