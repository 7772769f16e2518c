import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Where each document came from (way in, original file and its hash), and
 * what the watched folder and the feeds have already taken in, so that a
 * restart neither misses nor repeats anything.
 */
export class DocumentProvenance1763900600000 implements MigrationInterface {
  name = 'DocumentProvenance1763900600000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.documents
      ADD COLUMN origin text NOT NULL DEFAULT 'api'
        CHECK (origin IN ('api', 'upload', 'folder', 'feed', 'cli')),
      ADD COLUMN file_name text,
      ADD COLUMN file_hash char(64)`);
    await q.query(`CREATE TABLE ${s}.watched_files (
      path text PRIMARY KEY,
      size bigint NOT NULL,
      modified_at timestamptz NOT NULL,
      file_hash char(64) NOT NULL,
      document_id uuid REFERENCES ${s}.documents (id) ON DELETE SET NULL,
      outcome text NOT NULL CHECK (outcome IN ('ingested', 'duplicate', 'failed')),
      reason text,
      seen_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE ${s}.feed_entries (
      feed_url text NOT NULL,
      entry_key text NOT NULL,
      link text,
      document_id uuid REFERENCES ${s}.documents (id) ON DELETE SET NULL,
      outcome text NOT NULL CHECK (outcome IN ('ingested', 'duplicate', 'failed')),
      reason text,
      seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (feed_url, entry_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP TABLE ${s}.feed_entries`);
    await q.query(`DROP TABLE ${s}.watched_files`);
    await q.query(
      `ALTER TABLE ${s}.documents DROP COLUMN file_hash, DROP COLUMN file_name, DROP COLUMN origin`,
    );
  }
}
