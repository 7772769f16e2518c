import { Logger, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { assertMigrated, migrate } from './migrate';

/**
 * TypeORM for a service, applying its migrations at start-up when asked
 * (deliberately, before anything reads the schema) instead of `synchronize`;
 * when not asked, it refuses a schema that is behind.
 */
export function typeOrmRoot(options: DataSourceOptions, runMigrations: boolean): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => options,
    dataSourceFactory: async (opts) => {
      const ds = await new DataSource(opts ?? options).initialize();
      if (runMigrations) {
        const applied = await migrate(ds);
        if (applied.length > 0) new Logger('Migrations').log(`applied ${applied.join(', ')}`);
      } else {
        await assertMigrated(ds).catch(async (err: unknown) => {
          await ds.destroy();
          throw err;
        });
      }
      return ds;
    },
  });
}
