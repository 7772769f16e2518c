import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Revocation: users and API keys get a version that grows with every change
 * (a sign-in token names the version it was issued at), users can be
 * disabled, API keys get scopes, and every change to access is audited.
 */
export class AccessControl1764700000000 implements MigrationInterface {
  name = 'AccessControl1764700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.users
      ADD COLUMN version int NOT NULL DEFAULT 1,
      ADD COLUMN disabled_at timestamptz`);
    await q.query(`ALTER TABLE ${s}.api_keys
      ADD COLUMN version int NOT NULL DEFAULT 1,
      ADD COLUMN scopes text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE ${s}.access_audit (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      by_principal text NOT NULL,
      action text NOT NULL,
      target_id uuid NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX access_audit_target_idx ON ${s}.access_audit (target_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP TABLE ${s}.access_audit`);
    await q.query(`ALTER TABLE ${s}.api_keys DROP COLUMN scopes, DROP COLUMN version`);
    await q.query(`ALTER TABLE ${s}.users DROP COLUMN disabled_at, DROP COLUMN version`);
  }
}
