import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDeliveryTablesSql, dropDeliveryTablesSql } from '@ct/messaging';
import { quoteIdent, schemaOf } from '@ct/persistence';

export class CreateTrackedItems1763900100000 implements MigrationInterface {
  name = 'CreateTrackedItems1763900100000';

  async up(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    const s = quoteIdent(schema);
    await q.query(`CREATE TABLE ${s}.tracked_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('mandate', 'pledge', 'event')),
      actor text NOT NULL,
      action text NOT NULL,
      status text NOT NULL,
      deadline text,
      deadline_precision text CHECK (deadline_precision IN ('day', 'month', 'year')),
      due_date date,
      deadline_source text NOT NULL,
      owner text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX tracked_items_due_idx ON ${s}.tracked_items (due_date)`);
    await q.query(`CREATE TABLE ${s}.item_sources (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      item_id uuid NOT NULL REFERENCES ${s}.tracked_items (id) ON DELETE CASCADE,
      document_id uuid NOT NULL,
      extraction_index int NOT NULL,
      engine text NOT NULL,
      evidence text NOT NULL,
      evidence_start int NOT NULL,
      evidence_end int NOT NULL,
      published date,
      language text NOT NULL,
      confidence real NOT NULL,
      deadline text,
      event_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, engine, extraction_index)
    )`);
    await q.query(`CREATE INDEX item_sources_item_idx ON ${s}.item_sources (item_id)`);
    for (const sql of createDeliveryTablesSql(schema)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    const s = quoteIdent(schema);
    for (const sql of dropDeliveryTablesSql(schema)) await q.query(sql);
    await q.query(`DROP TABLE ${s}.item_sources`);
    await q.query(`DROP TABLE ${s}.tracked_items`);
  }
}
