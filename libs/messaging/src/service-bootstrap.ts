import type { DynamicModule } from '@nestjs/common';
import type { BaseEnv, BootstrapOptions } from '@ct/platform';
import { kafkaSettings } from './kafka-settings';
import { ensureTopics } from './topic-provisioner';

/**
 * Bootstrap options for a service on the event bus: topics provisioned before
 * start-up. Consumers are providers of the service's module (made by batchConsumer()).
 */
export function eventServiceOptions(o: {
  service: string;
  env: BaseEnv & { PORT: number };
  module: DynamicModule;
  bodyLimit?: string;
}): BootstrapOptions {
  const kafka = kafkaSettings(o.env);
  return {
    service: o.service,
    module: o.module,
    host: o.env.HOST,
    port: o.env.PORT,
    bodyLimit: o.bodyLimit,
    corsOrigins: o.env.CORS_ORIGINS,
    shutdownTimeoutMs: o.env.SHUTDOWN_TIMEOUT_MS,
    prepare: () =>
      ensureTopics(kafka.brokers, {
        clientId: `${o.service}-admin`,
        security: kafka.security,
        policy: kafka.topics,
      }),
  };
}
