import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '@ct/persistence';

/**
 * The dashboard's own read model: each tracked item as its latest
 * `commitment.changed` left it. The overview, the calendar feed and the CSV
 * export read it, so the dashboard needs no other service to answer them.
 */
export class ItemSnapshots1763901000000 implements MigrationInterface {
  name = 'ItemSnapshots1763901000000';

  async up(q: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(q.connection));
    await q.query(`CREATE TABLE ${s}.item_snapshots (
      item_id uuid PRIMARY KEY,
      version int NOT NULL,
      kind text NOT NULL,
      actor text NOT NULL,
      actor_key text NOT NULL,
      action text NOT NULL,
      status text NOT NULL,
      deadline text,
      due_date date,
      owner text,
      place text,
      depends_on uuid,
      source_count int NOT NULL,
      created_at timestamptz NOT NULL,
      changed_at timestamptz NOT NULL
    )`);
    await q.query(
      `CREATE INDEX item_snapshots_due_idx ON ${s}.item_snapshots (due_date, item_id) WHERE due_date IS NOT NULL`,
    );
    await q.query(`CREATE INDEX item_snapshots_actor_idx ON ${s}.item_snapshots (actor_key)`);
    // A dashboard that ran before this table existed has already consumed the
    // changes so far: rebuild from the events it kept for the stream.
    await q.query(`INSERT INTO ${s}.item_snapshots
      SELECT DISTINCT ON (item_id) item_id, (d->>'version')::int, d->>'kind', d->>'actor',
        btrim(regexp_replace(regexp_replace(lower(d->>'actor'), '^(the|its|their)\\s+', ''), '\\s+', ' ', 'g')),
        d->>'action', d->>'status', d->>'deadline', (d->>'dueDate')::date, d->>'owner',
        d->>'place', (d->>'dependsOn')::uuid, (d->>'sourceCount')::int,
        min((d->>'changedAt')::timestamptz) OVER (PARTITION BY item_id),
        (d->>'changedAt')::timestamptz
      FROM (SELECT item_id, payload->'data' AS d FROM ${s}.stream_events
            WHERE type = 'commitment.changed.v1') e
      ORDER BY item_id, (d->>'version')::int DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${quoteIdent(schemaOf(q.connection))}.item_snapshots`);
  }
}
