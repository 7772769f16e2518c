import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** PostgreSQL schema the service owns; nothing else writes to it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * TypeORM settings shared by every service: its own schema and migrations
 * table, `synchronize` off (the schema changes only through migrations).
 */
export function serviceDataSourceOptions(o: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    applicationName: o.applicationName,
    extra: { max: o.poolSize ?? 10, connectionTimeoutMillis: 5000 },
  };
}
