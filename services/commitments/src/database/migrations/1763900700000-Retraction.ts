import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Reprocessing: the extraction runs seen per document (a newer engine's run
 * supersedes the older ones once all its commitments are registered), and
 * the `retracted` status for items no current run finds any more.
 */
export class Retraction1763900700000 implements MigrationInterface {
  name = 'Retraction1763900700000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.tracked_items DROP CONSTRAINT tracked_items_status_check`);
    await q.query(`ALTER TABLE ${s}.tracked_items ADD CONSTRAINT tracked_items_status_check CHECK (status IN
      ('open','in_progress','done','blocked','cancelled','scheduled','held','postponed','retracted'))`);
    await q.query(`DROP INDEX ${s}.tracked_items_open_due_idx`);
    await q.query(
      `CREATE INDEX tracked_items_open_due_idx ON ${s}.tracked_items (due_date) WHERE status NOT IN ('done', 'cancelled', 'held', 'retracted')`,
    );
    await q.query(`CREATE TABLE ${s}.document_runs (
      document_id uuid NOT NULL,
      engine text NOT NULL,
      commitments int NOT NULL,
      extracted_at timestamptz NOT NULL,
      settled_at timestamptz,
      PRIMARY KEY (document_id, engine)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP TABLE ${s}.document_runs`);
    await q.query(
      `UPDATE ${s}.tracked_items SET status = CASE kind WHEN 'event' THEN 'scheduled' ELSE 'open' END WHERE status = 'retracted'`,
    );
    await q.query(`DROP INDEX ${s}.tracked_items_open_due_idx`);
    await q.query(
      `CREATE INDEX tracked_items_open_due_idx ON ${s}.tracked_items (due_date) WHERE status NOT IN ('done', 'cancelled', 'held')`,
    );
    await q.query(`ALTER TABLE ${s}.tracked_items DROP CONSTRAINT tracked_items_status_check`);
    await q.query(`ALTER TABLE ${s}.tracked_items ADD CONSTRAINT tracked_items_status_check CHECK (status IN
      ('open','in_progress','done','blocked','cancelled','scheduled','held','postponed'))`);
  }
}
