import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDeliveryTablesSql, dropDeliveryTablesSql } from '@ct/messaging';
import { quoteIdent, schemaOf } from '@ct/persistence';

export class CreateDocuments1763900000000 implements MigrationInterface {
  name = 'CreateDocuments1763900000000';

  async up(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    const s = quoteIdent(schema);
    await q.query(`CREATE TABLE ${s}.documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text,
      text text NOT NULL,
      language text,
      published date,
      source_url text,
      media_type text NOT NULL DEFAULT 'text/plain',
      content_hash char(64) NOT NULL UNIQUE,
      received_at timestamptz NOT NULL DEFAULT now(),
      extracted_at timestamptz,
      engine_version text,
      commitment_count int
    )`);
    for (const sql of createDeliveryTablesSql(schema)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q.connection);
    for (const sql of dropDeliveryTablesSql(schema)) await q.query(sql);
    await q.query(`DROP TABLE ${quoteIdent(schema)}.documents`);
  }
}
