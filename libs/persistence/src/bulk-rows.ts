import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { quoteIdent } from './migrate';

/** A column as the set-based statements need it, read from the entity's metadata. */
export interface ColumnSpec<T> {
  column: string;
  property: keyof T & string;
  /** The PostgreSQL type, for casting an array parameter (`$1::uuid[]`). */
  type: string;
}

/**
 * The entity's columns, from its TypeORM metadata: the one description of a
 * table, so a column added to the entity is read and written by the bulk
 * statements too. A relation's join column that repeats a plain column is
 * listed once.
 */
export function columnsOf<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
): ColumnSpec<T>[] {
  const meta = m.connection.getMetadata(entity);
  // Read once per entity: the register's bulk statements ask for every batch.
  let specs = known.get(meta);
  if (!specs) {
    const seen = new Set<string>();
    specs = [];
    for (const c of meta.columns) {
      // A join column with no property of its own holds the related object, not a value.
      if (c.isVirtual || seen.has(c.databaseName)) continue;
      seen.add(c.databaseName);
      specs.push({
        column: c.databaseName,
        property: c.propertyName,
        type: m.connection.driver.normalizeType(c),
      });
    }
    known.set(meta, specs);
  }
  return specs as ColumnSpec<T>[];
}

const known = new WeakMap<EntityMetadata, ColumnSpec<ObjectLiteral>[]>();

/** `"schema"."table"` of an entity. */
export function tableOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  const meta: EntityMetadata = m.connection.getMetadata(entity);
  return meta.schema
    ? `${quoteIdent(meta.schema)}.${quoteIdent(meta.tableName)}`
    : quoteIdent(meta.tableName);
}

/** Columns as a SELECT list under their property names; dates as YYYY-MM-DD text. */
export function selectList<T>(alias: string, columns: ColumnSpec<T>[]): string {
  return columns
    .map(
      (c) =>
        `${alias}.${quoteIdent(c.column)}${c.type === 'date' ? '::text' : ''} AS ${quoteIdent(c.property)}`,
    )
    .join(', ');
}

/**
 * One multi-row INSERT of these rows: a parameter per column, each an array
 * of that column's values, expanded with unnest(). Only the given columns are
 * written; the others take their defaults.
 */
export async function insertRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  columns: ColumnSpec<T>[],
  rows: Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  await m.query(
    `INSERT INTO ${tableOf(m, entity)} (${columns.map((c) => quoteIdent(c.column)).join(', ')})
     SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
    columns.map((c) => rows.map((r) => param(r[c.property]))),
  );
}

/** One UPDATE of these rows by primary key `id`: the given columns take the rows' values. */
export async function updateRows<T extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: EntityTarget<T>,
  columns: ColumnSpec<T>[],
  rows: T[],
): Promise<void> {
  if (rows.length === 0) return;
  const id = columns.find((c) => c.property === 'id');
  if (!id) throw new Error('updateRows needs the id column among the columns');
  const cols = columns.filter((c) => c !== id);
  const all = [id, ...cols];
  await m.query(
    `UPDATE ${tableOf(m, entity)} t SET ${cols.map((c) => `${quoteIdent(c.column)} = u.${quoteIdent(c.column)}`).join(', ')}
     FROM unnest(${all.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
       AS u(${all.map((c) => quoteIdent(c.column)).join(', ')})
     WHERE t.id = u.id`,
    all.map((c) => rows.map((r) => param(r[c.property]))),
  );
}

/** Array elements as the pg driver should send them (timestamps as ISO text). */
function param(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * The rows an UPDATE or DELETE … RETURNING gave back. TypeORM's PostgreSQL
 * driver answers those with `[rows, rowCount]` (an INSERT or SELECT with the
 * rows alone), so reading its answer as rows would count two.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
