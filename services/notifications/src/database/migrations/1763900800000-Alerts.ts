import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * Alerts (one row per item, reason and due date: the key that makes each
 * alert happen once), who subscribes to what, and each delivery of an alert
 * to a recipient with its attempts.
 */
export class Alerts1763900800000 implements MigrationInterface {
  name = 'Alerts1763900800000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`CREATE TABLE ${s}.alerts (
      key text PRIMARY KEY,
      item_id uuid NOT NULL,
      reason text NOT NULL,
      due_date date NOT NULL,
      fire_at timestamptz NOT NULL,
      planned_at timestamptz NOT NULL,
      raised_at timestamptz,
      late boolean,
      payload jsonb
    )`);
    // The scheduler reads only what is due: its cost follows due alerts, not items.
    await q.query(`CREATE INDEX alerts_due_idx ON ${s}.alerts (fire_at) WHERE raised_at IS NULL`);
    await q.query(`CREATE INDEX alerts_item_idx ON ${s}.alerts (item_id)`);
    await q.query(`CREATE TABLE ${s}.subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subscriber text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
      target text NOT NULL,
      secret text,
      actors text[] NOT NULL DEFAULT '{}',
      kinds text[] NOT NULL DEFAULT '{}',
      items uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX subscriptions_subscriber_idx ON ${s}.subscriptions (subscriber)`);
    await q.query(`CREATE TABLE ${s}.deliveries (
      id bigserial PRIMARY KEY,
      alert_key text NOT NULL REFERENCES ${s}.alerts (key) ON DELETE CASCADE,
      item_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
      target text NOT NULL,
      secret text,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_error text,
      delivered_at timestamptz,
      UNIQUE (alert_key, channel, target)
    )`);
    await q.query(
      `CREATE INDEX deliveries_pending_idx ON ${s}.deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP TABLE ${s}.deliveries`);
    await q.query(`DROP TABLE ${s}.subscriptions`);
    await q.query(`DROP TABLE ${s}.alerts`);
  }
}
