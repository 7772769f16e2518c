import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/** Indexes for the list filters coordinators use most: one actor, and open items by due date. */
export class ListIndexes1763900400000 implements MigrationInterface {
  name = 'ListIndexes1763900400000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(
      `CREATE INDEX tracked_items_actor_due_idx ON ${s}.tracked_items (actor_key, due_date)`,
    );
    await q.query(
      `CREATE INDEX tracked_items_open_due_idx ON ${s}.tracked_items (due_date) WHERE status NOT IN ('done', 'cancelled', 'held')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`DROP INDEX ${s}.tracked_items_open_due_idx`);
    await q.query(`DROP INDEX ${s}.tracked_items_actor_due_idx`);
  }
}
