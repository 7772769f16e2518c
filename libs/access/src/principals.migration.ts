import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * The principals table of a service that keeps no users (ingestion,
 * notifications, dashboard): each lists this migration with its own.
 */
export class Principals1764700000000 implements MigrationInterface {
  name = 'Principals1764700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`CREATE TABLE ${s}.principals (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('user', 'api-key')),
      version int NOT NULL,
      active boolean NOT NULL,
      name text NOT NULL,
      role text NOT NULL,
      actors text[] NOT NULL,
      scopes text[] NOT NULL,
      key_hash char(64),
      changed_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX principals_key_hash_idx ON ${s}.principals (key_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${quoteIdent(schemaOf(q.connection))}.principals`);
  }
}
