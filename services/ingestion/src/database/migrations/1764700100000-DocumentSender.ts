import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/** Who sent a document, now that sending needs a credential. */
export class DocumentSender1764700100000 implements MigrationInterface {
  name = 'DocumentSender1764700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ${quoteIdent(schemaOf(q.connection))}.documents ADD COLUMN received_by text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE ${quoteIdent(schemaOf(q.connection))}.documents DROP COLUMN received_by`,
    );
  }
}
