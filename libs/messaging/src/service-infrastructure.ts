import type { DynamicModule } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import { databaseTls, typeOrmRoot } from '@ct/persistence';
import { enableDefaultMetrics, loggingModule, type BaseEnv } from '@ct/platform';
import { kafkaSettings } from './kafka-settings';
import { MessagingModule } from './messaging.module';
import { ServiceHealthModule } from './service-health.module';

/** Who a service is, for its wiring: its name, its consumer group, and its data source for a URL. */
export interface ServiceIdentity<S extends string = string> {
  service: S;
  groupId: string;
  /** The service's data source; its schema holds the outbox. */
  dataSource: (url: string) => DataSourceOptions;
}

/**
 * What every service imports: JSON logging, Kafka plumbing, /health, /metrics,
 * its database (migrations applied at start unless DB_MIGRATIONS_RUN=false)
 * and its outbox.
 */
export function serviceInfrastructure(id: ServiceIdentity, env: BaseEnv): DynamicModule[] {
  enableDefaultMetrics(id.service);
  const database = {
    ...id.dataSource(env.DATABASE_URL),
    ssl: databaseTls(env.DATABASE_SSL, env.DATABASE_SSL_CA_FILE),
  } as DataSourceOptions;
  const kafka = kafkaSettings(env);
  const schema = (database as { schema?: string }).schema;
  if (!schema) throw new Error(`${id.service}: its data source names no schema`);
  return [
    loggingModule(id.service, env.LOG_LEVEL),
    typeOrmRoot(database, env.DB_MIGRATIONS_RUN),
    MessagingModule.forRoot({
      service: id.service,
      brokers: kafka.brokers,
      security: kafka.security,
      groupId: id.groupId,
      outboxSchema: schema,
      retention: {
        outboxHours: env.OUTBOX_RETENTION_HOURS,
        processedDays: env.PROCESSED_EVENTS_RETENTION_DAYS,
      },
    }),
    ServiceHealthModule.forRoot({ database: true, opsToken: env.OPS_TOKEN }),
  ];
}
