import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/** The number a declaration gives the clause an item comes from ("12", "III.4"), as coordinators record it. */
export class ItemReference1764800000000 implements MigrationInterface {
  name = 'ItemReference1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.tracked_items ADD COLUMN reference text`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.tracked_items DROP COLUMN reference`);
  }
}
