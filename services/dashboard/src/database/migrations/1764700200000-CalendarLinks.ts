import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Calendar feed links as rows: each bound to its filter and its user, stored
 * as the SHA-256 of its token, revocable one by one.
 */
export class CalendarLinks1764700200000 implements MigrationInterface {
  name = 'CalendarLinks1764700200000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`CREATE TABLE ${s}.calendar_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      token_hash char(64) NOT NULL UNIQUE,
      actor text,
      kind text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX calendar_links_user_idx ON ${s}.calendar_links (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${quoteIdent(schemaOf(q.connection))}.calendar_links`);
  }
}
