import type { DataSource } from 'typeorm';

/**
 * Create the service's schema if needed, then apply pending migrations, each
 * in its own transaction, under a PostgreSQL advisory lock on the schema's
 * name: replicas starting at once (or a `migrate` job beside them) take
 * turns, and the later ones find nothing left to apply. The schema must
 * exist before TypeORM creates its migrations table in it.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = schemaOf(dataSource);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrations:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`migrations:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * For a service told not to migrate (DB_MIGRATIONS_RUN=false): refuse to
 * start against a schema that is behind its code, naming what is missing.
 */
export async function assertMigrated(dataSource: DataSource): Promise<void> {
  const schema = schemaOf(dataSource);
  const [exists] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [
    `${quoteIdent(schema)}.migrations`,
  ])) as { ok: boolean }[];
  const done = new Set<string>(
    exists.ok
      ? (
          (await dataSource.query(`SELECT name FROM ${quoteIdent(schema)}.migrations`)) as {
            name: string;
          }[]
        ).map((r) => r.name)
      : [],
  );
  const pending = dataSource.migrations
    .map((m) => m.name ?? m.constructor.name)
    .filter((n) => !done.has(n));
  if (pending.length > 0) {
    throw new Error(
      `the ${schema} schema is behind this version: ${pending.length} migration(s) pending (${pending.join(', ')}); run \`npm run migrate\` (or start with DB_MIGRATIONS_RUN=true)`,
    );
  }
}

export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('data source has no schema configured');
  return schema;
}

/** Quote a PostgreSQL identifier (schema and table names come from configuration). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
