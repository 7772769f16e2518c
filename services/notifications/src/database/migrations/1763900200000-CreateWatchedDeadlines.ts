import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDeliveryTablesSql, dropDeliveryTablesSql } from '@ct/messaging';
import { quoteIdent, schemaOf } from '@ct/persistence';

export class CreateWatchedDeadlines1763900200000 implements MigrationInterface {
  name = 'CreateWatchedDeadlines1763900200000';

  async up(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    const s = quoteIdent(schema);
    await q.query(`CREATE TABLE ${s}.watched_deadlines (
      item_id uuid PRIMARY KEY,
      kind text NOT NULL,
      actor text NOT NULL,
      action text NOT NULL,
      status text NOT NULL,
      due_date date,
      owner text,
      item_version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX watched_deadlines_due_idx ON ${s}.watched_deadlines (due_date)`);
    for (const sql of createDeliveryTablesSql(schema)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    for (const sql of dropDeliveryTablesSql(schema)) await q.query(sql);
    await q.query(`DROP TABLE ${quoteIdent(schema)}.watched_deadlines`);
  }
}
