import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * What registering a whole batch at once needs: each item remembers the
 * newest publication date among its sources (so deciding whether a source is
 * newer needs no aggregate query), and matching candidates are read newest
 * first straight from an index.
 */
export class BulkRegistration1763900500000 implements MigrationInterface {
  name = 'BulkRegistration1763900500000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.tracked_items ADD COLUMN latest_published date`);
    await q.query(`UPDATE ${s}.tracked_items i SET latest_published = x.latest
      FROM (SELECT item_id, max(published) AS latest FROM ${s}.item_sources GROUP BY item_id) x
      WHERE x.item_id = i.id`);
    await q.query(
      `CREATE INDEX tracked_items_candidates_idx ON ${s}.tracked_items (kind, actor_key, created_at DESC, id DESC)`,
    );
    await q.query(`DROP INDEX ${s}.tracked_items_match_idx`);
    await q.query(`ALTER TABLE ${s}.tracked_items SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`ALTER TABLE ${s}.tracked_items RESET (fillfactor)`);
    await q.query(`CREATE INDEX tracked_items_match_idx ON ${s}.tracked_items (kind, actor_key)`);
    await q.query(`DROP INDEX ${s}.tracked_items_candidates_idx`);
    await q.query(`ALTER TABLE ${s}.tracked_items DROP COLUMN latest_published`);
  }
}
