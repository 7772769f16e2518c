import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/** The opt-in weekly digest of an email subscription, and when the last one went out. */
export class WeeklyDigest1765100000000 implements MigrationInterface {
  name = 'WeeklyDigest1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.subscriptions
      ADD COLUMN digest boolean NOT NULL DEFAULT false,
      ADD COLUMN digest_sent_at timestamptz`);
    // Only digest subscribers are read by the weekly pass.
    await q.query(
      `CREATE INDEX subscriptions_digest_idx ON ${s}.subscriptions (digest_sent_at) WHERE digest`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP INDEX ${s}.subscriptions_digest_idx`);
    await q.query(`ALTER TABLE ${s}.subscriptions DROP COLUMN digest_sent_at, DROP COLUMN digest`);
  }
}
