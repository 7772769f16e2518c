import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Corrections of a stored document's publication date or language, each
 * field change a row naming who made it, and the document's revision: a
 * corrected document is read again as a new reading (engine version "+rN").
 * A publication date may be known only to the year or month: its precision.
 */
export class DocumentCorrections1764600000000 implements MigrationInterface {
  name = 'DocumentCorrections1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.documents
      ADD COLUMN revision int NOT NULL DEFAULT 0,
      ADD COLUMN published_precision text CHECK (published_precision IN ('year', 'month', 'day'))`);
    await q.query(`CREATE TABLE ${s}.document_corrections (
      id bigserial PRIMARY KEY,
      document_id uuid NOT NULL REFERENCES ${s}.documents (id) ON DELETE CASCADE,
      field text NOT NULL CHECK (field IN ('published', 'language')),
      from_value text,
      to_value text,
      corrected_by text NOT NULL,
      revision int NOT NULL,
      corrected_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX document_corrections_document ON ${s}.document_corrections (document_id, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP TABLE ${s}.document_corrections`);
    await q.query(
      `ALTER TABLE ${s}.documents DROP COLUMN revision, DROP COLUMN published_precision`,
    );
  }
}
