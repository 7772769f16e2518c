import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { quoteIdent } from '@ct/persistence';
import { SCHEMA } from '../config/commitments.env';
import type { ItemState } from './item-state';
import {
  engineOf,
  poolKey,
  type Extracted,
  type HistoryRow,
  type SourceRow,
} from './register-plan';

/** Column, property and PostgreSQL type of every tracked_items field. */
const ITEM_COLUMNS: [string, keyof ItemState, string][] = [
  ['id', 'id', 'uuid'],
  ['kind', 'kind', 'text'],
  ['actor', 'actor', 'text'],
  ['actor_key', 'actorKey', 'text'],
  ['action', 'action', 'text'],
  ['status', 'status', 'text'],
  ['deadline', 'deadline', 'text'],
  ['deadline_precision', 'deadlinePrecision', 'text'],
  ['due_date', 'dueDate', 'date'],
  ['deadline_source', 'deadlineSource', 'text'],
  ['owner', 'owner', 'text'],
  ['place', 'place', 'text'],
  ['meeting_noun', 'meetingNoun', 'text'],
  ['meeting_ordinal', 'meetingOrdinal', 'int'],
  ['language', 'language', 'text'],
  ['action_manual', 'actionManual', 'boolean'],
  ['deadline_manual', 'deadlineManual', 'boolean'],
  ['depends_on', 'dependsOn', 'uuid'],
  ['source_count', 'sourceCount', 'int'],
  ['latest_published', 'latestPublished', 'date'],
  ['version', 'version', 'int'],
  ['created_at', 'createdAt', 'timestamptz'],
  ['updated_at', 'updatedAt', 'timestamptz'],
];
/** What registering a further source can change. */
const MUTABLE = new Set<keyof ItemState>([
  'status',
  'deadline',
  'deadlinePrecision',
  'dueDate',
  'deadlineSource',
  'sourceCount',
  'latestPublished',
  'version',
  'updatedAt',
]);
// Dates as text: the register compares them as YYYY-MM-DD strings.
const SELECT_ITEM = ITEM_COLUMNS.map(
  ([col, prop, type]) => `i.${col}${type === 'date' ? '::text' : ''} AS "${prop}"`,
).join(', ');

/** How many of the newest items of a kind and actor a commitment is compared with. */
export const CANDIDATE_LIMIT = 200;

export const sourceKey = (documentId: string, engine: string, index: number) =>
  `${documentId}|${engine}|${index}`;

/**
 * The set-based statements that register a batch of extracted commitments:
 * each reads or writes the rows of the whole batch in one round trip, arrays
 * passed as parameters and expanded with unnest().
 */
@Injectable()
export class RegisterStore {
  private readonly s = quoteIdent(SCHEMA);

  /** The (document, engine, index) keys among these events that are already sources. */
  async knownSources(m: EntityManager, events: Extracted[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows: { d: string; e: string; x: number }[] = await m.query(
      `SELECT s.document_id::text AS d, s.engine AS e, s.extraction_index AS x
       FROM ${this.s}.item_sources s
       JOIN unnest($1::uuid[], $2::text[], $3::int[]) AS k(d, e, x)
         ON s.document_id = k.d AND s.engine = k.e AND s.extraction_index = k.x`,
      [
        events.map((e) => e.data.documentId),
        events.map((e) => engineOf(e.data)),
        events.map((e) => e.data.index),
      ],
    );
    return new Set(rows.map((r) => sourceKey(r.d, r.e, r.x)));
  }

  /**
   * Transaction-scoped advisory locks on these keys, taken in the order of
   * their hashes (the lock identity), so concurrent batches cannot deadlock.
   */
  async lock(m: EntityManager, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await m.query(
      `SELECT pg_advisory_xact_lock(h) FROM (
         SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1
       ) locks`,
      [keys],
    );
  }

  /**
   * What a commitment by each (kind, actor key) may be: the newest items of
   * that actor, and, for each deadline window, the actor's items due inside
   * it, however old (a declaration quoted a year later, by an actor with
   * hundreds of newer items, still finds its item). Newest first, once each.
   * The windows are read only for actors whose newest items did not all fit
   * in the first read: for the others, that read already holds every item.
   */
  async candidates(
    m: EntityManager,
    pairs: { kind: string; actorKey: string }[],
    windows: { kind: string; actorKey: string; from: string; to: string }[] = [],
  ): Promise<ItemState[]> {
    if (pairs.length === 0) return [];
    const rows: ItemState[] = await m.query(
      `SELECT ${SELECT_ITEM}
       FROM unnest($1::text[], $2::text[]) AS k(kind, actor_key)
       CROSS JOIN LATERAL (
         SELECT * FROM ${this.s}.tracked_items t
         WHERE t.kind = k.kind AND t.actor_key = k.actor_key
         ORDER BY t.created_at DESC, t.id DESC LIMIT ${CANDIDATE_LIMIT}
       ) i`,
      [pairs.map((p) => p.kind), pairs.map((p) => p.actorKey)],
    );
    const perPool = new Map<string, number>();
    for (const r of rows) {
      const key = poolKey(r.kind, r.actorKey);
      perPool.set(key, (perPool.get(key) ?? 0) + 1);
    }
    const beyond = windows.filter(
      (w) => perPool.get(poolKey(w.kind, w.actorKey)) === CANDIDATE_LIMIT,
    );
    if (beyond.length > 0) {
      rows.push(
        ...((await m.query(
          `SELECT ${SELECT_ITEM}
           FROM unnest($1::text[], $2::text[], $3::date[], $4::date[]) AS w(kind, actor_key, lo, hi)
           CROSS JOIN LATERAL (
             SELECT * FROM ${this.s}.tracked_items t
             WHERE t.actor_key = w.actor_key AND t.kind = w.kind AND t.due_date BETWEEN w.lo AND w.hi
             ORDER BY t.created_at DESC, t.id DESC LIMIT ${CANDIDATE_LIMIT}
           ) i`,
          [
            beyond.map((w) => w.kind),
            beyond.map((w) => w.actorKey),
            beyond.map((w) => w.from),
            beyond.map((w) => w.to),
          ],
        )) as ItemState[]),
      );
    }
    const once = new Map(rows.map((r) => [r.id, r]));
    // Newest first, as the recency query alone returned them: ties in matching go to the newest.
    return [...once.values()].sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
  }

  /** Current state of these items, locked for update (in id order, like every batch). */
  async lockItems(m: EntityManager, ids: string[]): Promise<Map<string, ItemState>> {
    if (ids.length === 0) return new Map();
    const rows: ItemState[] = await m.query(
      `SELECT ${SELECT_ITEM} FROM ${this.s}.tracked_items i
       WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async insertItems(m: EntityManager, items: ItemState[]): Promise<void> {
    await this.insert(
      m,
      'tracked_items',
      ITEM_COLUMNS.map(([col, , type]) => [col, type]),
      items.map((item) => ITEM_COLUMNS.map(([, prop]) => item[prop])),
    );
  }

  async updateItems(m: EntityManager, items: ItemState[]): Promise<void> {
    if (items.length === 0) return;
    const cols = ITEM_COLUMNS.filter(([, prop]) => prop === 'id' || MUTABLE.has(prop));
    await m.query(
      `UPDATE ${this.s}.tracked_items t SET ${cols
        .filter(([, prop]) => prop !== 'id')
        .map(([col]) => `${col} = u.${col}`)
        .join(', ')}
       FROM unnest(${cols.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ')})
         AS u(${cols.map(([col]) => col).join(', ')})
       WHERE t.id = u.id`,
      cols.map(([, prop]) => items.map((item) => param(item[prop]))),
    );
  }

  async insertSources(m: EntityManager, sources: SourceRow[]): Promise<void> {
    await this.insert(
      m,
      'item_sources',
      [
        ['item_id', 'uuid'],
        ['document_id', 'uuid'],
        ['extraction_index', 'int'],
        ['engine', 'text'],
        ['evidence', 'text'],
        ['evidence_start', 'int'],
        ['evidence_end', 'int'],
        ['published', 'date'],
        ['language', 'text'],
        ['confidence', 'real'],
        ['deadline', 'text'],
        ['event_id', 'text'],
      ],
      sources.map(({ itemId, event, engine }) => {
        const d = event.data;
        return [
          itemId,
          d.documentId,
          d.index,
          engine,
          d.evidence.text,
          d.evidence.start,
          d.evidence.end,
          d.published,
          d.language,
          d.confidence,
          d.deadline,
          event.id,
        ];
      }),
    );
  }

  async insertHistory(m: EntityManager, rows: HistoryRow[]): Promise<void> {
    await this.insert(
      m,
      'item_history',
      [
        ['item_id', 'uuid'],
        ['by', 'text'],
        ['field', 'text'],
        ['from_value', 'text'],
        ['to_value', 'text'],
        ['document_id', 'uuid'],
      ],
      rows.map((r) => [r.itemId, r.by, r.field, r.fromValue, r.toValue, r.documentId]),
    );
  }

  /** One multi-row INSERT: a parameter per column, each an array of that column's values. */
  private async insert(
    m: EntityManager,
    table: string,
    columns: [string, string][],
    rows: unknown[][],
  ): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO ${this.s}.${table} (${columns.map(([c]) => quoteIdent(c)).join(', ')})
       SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
      columns.map((_, i) => rows.map((r) => param(r[i]))),
    );
  }
}

/** Array elements as the pg driver should send them (timestamps as ISO text). */
function param(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}
