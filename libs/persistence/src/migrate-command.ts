import { DataSource, type DataSourceOptions } from 'typeorm';
import { databaseTlsFromEnv } from './database-tls';
import { migrate } from './migrate';

/**
 * A service's `migrate` command (`nx run <service>:migrate`): apply its
 * pending migrations to the database at DATABASE_URL and exit. Prints one
 * JSON line of what it applied; the URL (which may hold a password) is not
 * printed.
 */
export async function migrateCommand(
  service: string,
  optionsFor: (url: string) => DataSourceOptions,
): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`${service} migrate: set DATABASE_URL to the database to migrate`);
    process.exitCode = 2;
    return;
  }
  let ds: DataSource | undefined;
  try {
    const ssl = databaseTlsFromEnv(process.env);
    ds = await new DataSource({
      ...optionsFor(url),
      ssl,
      logging: ['error'],
    } as DataSourceOptions).initialize();
    const applied = await migrate(ds);
    console.log(JSON.stringify({ service, msg: 'migrations applied', applied }));
  } catch (err) {
    console.error(
      JSON.stringify({ service, msg: 'migration failed', error: (err as Error).message }),
    );
    process.exitCode = 1;
  } finally {
    await ds?.destroy();
  }
}
