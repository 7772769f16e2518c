import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Merging, dependencies, manual corrections, audit trail, comments, and the
 * users and API keys that coordinators sign in with.
 */
export class RegisterLifecycleAuth1763900300000 implements MigrationInterface {
  name = 'RegisterLifecycleAuth1763900300000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE ${s}.tracked_items
      ADD COLUMN actor_key text NOT NULL DEFAULT '',
      ADD COLUMN place text,
      ADD COLUMN meeting_noun text,
      ADD COLUMN meeting_ordinal int,
      ADD COLUMN language text,
      ADD COLUMN action_manual boolean NOT NULL DEFAULT false,
      ADD COLUMN deadline_manual boolean NOT NULL DEFAULT false,
      ADD COLUMN depends_on uuid REFERENCES ${s}.tracked_items (id) ON DELETE SET NULL,
      ADD COLUMN source_count int NOT NULL DEFAULT 0`);
    await q.query(`UPDATE ${s}.tracked_items i SET actor_key = lower(actor),
      source_count = (SELECT count(*) FROM ${s}.item_sources x WHERE x.item_id = i.id)`);
    await q.query(`ALTER TABLE ${s}.tracked_items ADD CONSTRAINT tracked_items_status_check CHECK (status IN
      ('open','in_progress','done','blocked','cancelled','scheduled','held','postponed'))`);
    await q.query(`CREATE INDEX tracked_items_match_idx ON ${s}.tracked_items (kind, actor_key)`);
    await q.query(
      `CREATE INDEX tracked_items_place_idx ON ${s}.tracked_items (kind, place) WHERE place IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tracked_items_list_idx ON ${s}.tracked_items (kind, status, due_date)`,
    );
    await q.query(
      `CREATE INDEX tracked_items_depends_idx ON ${s}.tracked_items (depends_on) WHERE depends_on IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tracked_items_created_idx ON ${s}.tracked_items (created_at DESC, id)`,
    );
    await q.query(
      `CREATE INDEX tracked_items_text_idx ON ${s}.tracked_items USING gin ((action || ' ' || actor) gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX item_sources_document_idx ON ${s}.item_sources (document_id)`);
    await q.query(`CREATE TABLE ${s}.item_history (
      id bigserial PRIMARY KEY,
      item_id uuid NOT NULL REFERENCES ${s}.tracked_items (id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      by text NOT NULL,
      field text NOT NULL,
      from_value text,
      to_value text,
      note text,
      document_id uuid
    )`);
    await q.query(`CREATE INDEX item_history_item_idx ON ${s}.item_history (item_id, id)`);
    await q.query(`CREATE TABLE ${s}.item_comments (
      id bigserial PRIMARY KEY,
      item_id uuid NOT NULL REFERENCES ${s}.tracked_items (id) ON DELETE CASCADE,
      author text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX item_comments_item_idx ON ${s}.item_comments (item_id, id)`);
    await q.query(`CREATE TABLE ${s}.users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('viewer', 'coordinator', 'admin')),
      actors text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX users_email_idx ON ${s}.users (lower(email))`);
    await q.query(`CREATE TABLE ${s}.api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      key_hash char(64) NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('viewer', 'coordinator', 'admin')),
      actors text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP TABLE ${s}.api_keys`);
    await q.query(`DROP TABLE ${s}.users`);
    await q.query(`DROP TABLE ${s}.item_comments`);
    await q.query(`DROP TABLE ${s}.item_history`);
    await q.query(`DROP INDEX ${s}.item_sources_document_idx`);
    await q.query(`ALTER TABLE ${s}.tracked_items DROP CONSTRAINT tracked_items_status_check`);
    await q.query(`ALTER TABLE ${s}.tracked_items
      DROP COLUMN source_count, DROP COLUMN depends_on, DROP COLUMN deadline_manual,
      DROP COLUMN action_manual, DROP COLUMN language, DROP COLUMN meeting_ordinal,
      DROP COLUMN meeting_noun, DROP COLUMN place, DROP COLUMN actor_key`);
  }
}
