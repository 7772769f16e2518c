import type { DataSource } from 'typeorm';

/**
 * Create the service's schema if needed, then apply pending migrations, each
 * in its own transaction. The schema must exist before TypeORM creates its
 * migrations table in it.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = schemaOf(dataSource);
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
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
