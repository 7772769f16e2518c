import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDeliveryTablesSql, dropDeliveryTablesSql } from '@ct/messaging';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * The events the dashboard streams, each once, numbered in arrival order:
 * the number is the SSE event id a reconnecting client resumes after.
 */
export class StreamEvents1763900900000 implements MigrationInterface {
  name = 'StreamEvents1763900900000';

  async up(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    const s = quoteIdent(schema);
    await q.query(`CREATE TABLE ${s}.stream_events (
      seq bigserial PRIMARY KEY,
      event_id text NOT NULL UNIQUE,
      type text NOT NULL,
      item_id uuid,
      kind text,
      actor_key text,
      status text,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX stream_events_item_idx ON ${s}.stream_events (item_id, seq)`);
    for (const sql of createDeliveryTablesSql(schema)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    for (const sql of dropDeliveryTablesSql(schema)) await q.query(sql);
    await q.query(`DROP TABLE ${quoteIdent(schema)}.stream_events`);
  }
}
