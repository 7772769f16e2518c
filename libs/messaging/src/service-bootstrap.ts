import type { DynamicModule } from '@nestjs/common';
import type { BaseEnv, BootstrapOptions } from '@ct/platform';
import { kafkaConsumerTransport } from './kafka-config';
import { ensureTopics } from './topic-provisioner';

/**
 * Bootstrap options for a service on the event bus: topics provisioned before
 * start-up, and a Kafka consumer transport when it belongs to a consumer group.
 */
export function eventServiceOptions(o: {
  service: string;
  env: BaseEnv & { PORT: number };
  module: DynamicModule;
  groupId?: string;
  bodyLimit?: string;
}): BootstrapOptions {
  const brokers = o.env.KAFKA_BROKERS;
  return {
    service: o.service,
    module: o.module,
    host: o.env.HOST,
    port: o.env.PORT,
    bodyLimit: o.bodyLimit,
    corsOrigins: o.env.CORS_ORIGINS,
    prepare: () => ensureTopics(brokers, undefined, `${o.service}-admin`),
    microservice: o.groupId
      ? kafkaConsumerTransport({ service: o.service, brokers, groupId: o.groupId })
      : undefined,
  };
}
