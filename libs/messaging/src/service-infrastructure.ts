import type { DynamicModule } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import { typeOrmRoot } from '@ct/persistence';
import { enableDefaultMetrics, loggingModule, type BaseEnv } from '@ct/platform';
import { MessagingModule } from './messaging.module';
import { ServiceHealthModule } from './service-health.module';

/**
 * What every service imports: JSON logging, Kafka plumbing, /health, /metrics, and when
 * it owns data, its database with migrations applied at start and its outbox.
 */
export function serviceInfrastructure(o: {
  service: string;
  env: BaseEnv;
  groupId?: string;
  /** The service's data source; its schema holds the outbox, DB_MIGRATIONS_RUN says whether to migrate at start. */
  database?: DataSourceOptions;
}): DynamicModule[] {
  enableDefaultMetrics(o.service);
  const schema = o.database && (o.database as { schema?: string }).schema;
  if (o.database && !schema) throw new Error(`${o.service}: its data source names no schema`);
  return [
    loggingModule(o.service, o.env.LOG_LEVEL),
    ...(o.database ? [typeOrmRoot(o.database, o.env.DB_MIGRATIONS_RUN)] : []),
    MessagingModule.forRoot({
      service: o.service,
      brokers: o.env.KAFKA_BROKERS,
      groupId: o.groupId,
      outboxSchema: schema,
      retention: {
        outboxHours: o.env.OUTBOX_RETENTION_HOURS,
        processedDays: o.env.PROCESSED_EVENTS_RETENTION_DAYS,
      },
    }),
    ServiceHealthModule.forRoot({ database: o.database !== undefined, opsToken: o.env.OPS_TOKEN }),
  ];
}
