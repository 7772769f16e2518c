import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Revocation: users and API keys get a version that grows with every change
 * (a sign-in token names the version it was issued at), users can be
 * disabled, API keys get scopes, every change to access is audited, and the
 * page keeps a sign-in through a refresh token (hashed; HttpOnly cookie);
 * failed sign-ins are counted per account, for every replica alike.
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
    await q.query(`CREATE TABLE ${s}.refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES ${s}.users (id) ON DELETE CASCADE,
      token_hash char(64) NOT NULL UNIQUE,
      user_version int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON ${s}.refresh_tokens (user_id)`);
    // Failed sign-ins per account, shared by every replica.
    await q.query(`CREATE TABLE ${s}.login_failures (
      account text PRIMARY KEY,
      failures int NOT NULL,
      first_failed_at timestamptz NOT NULL,
      locked_until timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP TABLE ${s}.login_failures`);
    await q.query(`DROP TABLE ${s}.refresh_tokens`);
    await q.query(`DROP TABLE ${s}.access_audit`);
    await q.query(`ALTER TABLE ${s}.api_keys DROP COLUMN scopes, DROP COLUMN version`);
    await q.query(`ALTER TABLE ${s}.users DROP COLUMN disabled_at, DROP COLUMN version`);
  }
}
