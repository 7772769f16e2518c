import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { COMMITMENT_CHANGED, type CommitmentChangedData, type RegisterFilter } from '@ct/contracts';
import { OutboxWriter } from '@ct/messaging';
import {
  columnsOf,
  insertRows,
  selectList,
  tableOf,
  updateRows,
  type ColumnSpec,
  type Transaction,
} from '@ct/persistence';
import { compileRegisterFilter, whereClause } from '@ct/register';
import { ItemCommentEntity } from './entities/item-comment.entity';
import { ItemHistoryEntity } from './entities/item-history.entity';
import { ItemSourceEntity } from './entities/item-source.entity';
import { TrackedItemEntity } from './entities/tracked-item.entity';
import { changedEvent, changedEventId, type FieldChange, type ItemState } from './item-state';

/** Beyond this many matches the list reports "1000+" (totalCapped) instead of counting them all. */
export const TOTAL_CAP = 1000;

/** A page of the register: its filters, and optionally the items one document is a source of. */
export interface ItemListQuery extends RegisterFilter {
  documentId?: string;
  limit: number;
  offset: number;
}

/** How many of the newest items of a kind and actor a commitment is compared with. */
export const CANDIDATE_LIMIT = 200;

/** A source as written: what a document said about an item. */
export type NewSource = Omit<ItemSourceEntity, 'id' | 'item' | 'createdAt'>;
/** One audit row: a field of an item that changed, and who changed it. */
export type HistoryEntry = Omit<ItemHistoryEntity, 'id' | 'at'>;

export interface ChangeContext {
  by: string;
  note?: string | null;
  documentId?: string | null;
}

/** Everything a batch of registrations writes, planned in memory (register-plan.ts). */
export interface ItemWrites {
  created: ItemState[];
  /** The final states of existing items, and the fields of theirs the batch may have changed. */
  updated: ItemState[];
  updatedFields: readonly (keyof ItemState)[];
  sources: NewSource[];
  history: HistoryEntry[];
  changed: { data: CommitmentChangedData; init: { subject: string; id: string } }[];
}

/** A source's identity: extracting a document again with the same engine gives the same keys. */
export const sourceKey = (documentId: string, engine: string, index: number) =>
  `${documentId}|${engine}|${index}`;

/**
 * The tracked items with their sources, history and comments: the only code
 * that reads or writes those tables. Every change of an item goes through
 * `commit` (one item) or `applyWrites` (a batch): both give the item a new
 * version, write the audit trail and queue `commitment.changed` in the
 * caller's transaction. Column lists come from the entities' metadata.
 */
@Injectable()
export class TrackedItemsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  // --- reads for the coordinators' API ---

  async list(
    q: ItemListQuery,
    today: string,
  ): Promise<{ items: ItemState[]; total: number; totalCapped: boolean }> {
    const m = this.dataSource.manager;
    const f = compileRegisterFilter(q, today, {
      alias: 'i',
      changedAt: 'updated_at',
      tieBreak: 'id',
    });
    if (q.documentId) {
      f.where.push(
        `EXISTS (SELECT 1 FROM ${tableOf(m, ItemSourceEntity)} s WHERE s.item_id = i.id AND s.document_id = ${f.bind(q.documentId)})`,
      );
    }
    const from = `FROM ${tableOf(m, TrackedItemEntity)} i ${whereClause(f.where)}`;
    // No joins, so plain LIMIT/OFFSET; the total is counted up to a cap, because an
    // exact count over hundreds of thousands of matches costs more than the page.
    const [items, [{ n }]] = await Promise.all([
      m.query(
        `SELECT ${selectList('i', this.itemColumns(m))} ${from} ORDER BY ${f.orderBy}
         LIMIT ${q.limit} OFFSET ${q.offset}`,
        f.params,
      ) as Promise<ItemState[]>,
      m.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${TOTAL_CAP + 1}) t`,
        f.params,
      ) as Promise<{ n: number }[]>,
    ]);
    return { items, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
  }

  findOne(id: string): Promise<TrackedItemEntity | null> {
    return this.dataSource.getRepository(TrackedItemEntity).findOneBy({ id });
  }

  async details(id: string) {
    const m = this.dataSource.manager;
    const [sources, history, comments, dependents] = await Promise.all([
      m.find(ItemSourceEntity, { where: { itemId: id }, order: { createdAt: 'ASC' } }),
      m.find(ItemHistoryEntity, { where: { itemId: id }, order: { id: 'ASC' } }),
      m.find(ItemCommentEntity, { where: { itemId: id }, order: { id: 'ASC' } }),
      m.find(TrackedItemEntity, { where: { dependsOn: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { sources, history, comments, dependents };
  }

  /**
   * The items a compliance report covers: those with a source among
   * `documentIds` (when given) that match the register filter, each with the
   * documents it comes from; at most `limit` + 1, so the caller can tell the
   * scope is too wide.
   */
  async reportItems(
    documentIds: string[],
    filter: RegisterFilter,
    today: string,
    limit: number,
  ): Promise<(ItemState & { documents: string[] })[]> {
    const m = this.dataSource.manager;
    const f = compileRegisterFilter(filter, today, {
      alias: 'i',
      changedAt: 'updated_at',
      tieBreak: 'id',
    });
    const sources = tableOf(m, ItemSourceEntity);
    if (documentIds.length > 0) {
      f.where.push(
        `EXISTS (SELECT 1 FROM ${sources} s WHERE s.item_id = i.id AND s.document_id = ANY(${f.bind(documentIds)}::uuid[]))`,
      );
    }
    return (await m.query(
      `SELECT ${selectList('i', this.itemColumns(m))},
              ARRAY(SELECT DISTINCT s.document_id::text FROM ${sources} s WHERE s.item_id = i.id) AS documents
       FROM ${tableOf(m, TrackedItemEntity)} i ${whereClause(f.where)}
       ORDER BY ${f.orderBy} LIMIT ${limit + 1}`,
      f.params,
    )) as (ItemState & { documents: string[] })[];
  }

  /** The audit trail of these items, oldest first. */
  reportHistory(itemIds: string[]): Promise<ItemHistoryEntity[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(ItemHistoryEntity, {
      where: { itemId: In(itemIds) },
      order: { itemId: 'ASC', id: 'ASC' },
    });
  }

  // --- reads inside a transaction ---

  /** The item, locked for update; null when there is none. */
  lockOne(tx: Transaction, id: string): Promise<TrackedItemEntity | null> {
    return tx.findOne(TrackedItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Current state of these items, locked for update (in id order, like every batch). */
  async lockMany(tx: Transaction, ids: string[]): Promise<Map<string, ItemState>> {
    if (ids.length === 0) return new Map();
    const rows: ItemState[] = await tx.query(
      `SELECT ${selectList('i', this.itemColumns(tx))} FROM ${tableOf(tx, TrackedItemEntity)} i
       WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The items whose deadline follows this event and was not corrected by hand, locked. */
  lockDependents(tx: Transaction, eventId: string): Promise<TrackedItemEntity[]> {
    return tx.find(TrackedItemEntity, {
      where: { dependsOn: eventId, deadlineManual: false },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The (document, engine, index) keys among these that are already sources (see `sourceKey`). */
  async knownSources(
    tx: Transaction,
    keys: { documentId: string; engine: string; index: number }[],
  ): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { d: string; e: string; x: number }[] = await tx.query(
      `SELECT s.document_id::text AS d, s.engine AS e, s.extraction_index AS x
       FROM ${tableOf(tx, ItemSourceEntity)} s
       JOIN unnest($1::uuid[], $2::text[], $3::int[]) AS k(d, e, x)
         ON s.document_id = k.d AND s.engine = k.e AND s.extraction_index = k.x`,
      [keys.map((k) => k.documentId), keys.map((k) => k.engine), keys.map((k) => k.index)],
    );
    return new Set(rows.map((r) => sourceKey(r.d, r.e, r.x)));
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
    tx: Transaction,
    pairs: { kind: string; actorKey: string }[],
    windows: { kind: string; actorKey: string; from: string; to: string }[] = [],
  ): Promise<ItemState[]> {
    if (pairs.length === 0) return [];
    const items = tableOf(tx, TrackedItemEntity);
    const select = selectList('i', this.itemColumns(tx));
    const rows: ItemState[] = await tx.query(
      `SELECT ${select}
       FROM unnest($1::text[], $2::text[]) AS k(kind, actor_key)
       CROSS JOIN LATERAL (
         SELECT * FROM ${items} t
         WHERE t.kind = k.kind AND t.actor_key = k.actor_key
         ORDER BY t.created_at DESC, t.id DESC LIMIT ${CANDIDATE_LIMIT}
       ) i`,
      [pairs.map((p) => p.kind), pairs.map((p) => p.actorKey)],
    );
    const perPool = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.kind}\u0000${r.actorKey}`;
      perPool.set(key, (perPool.get(key) ?? 0) + 1);
    }
    const beyond = windows.filter(
      (w) => perPool.get(`${w.kind}\u0000${w.actorKey}`) === CANDIDATE_LIMIT,
    );
    if (beyond.length > 0) {
      rows.push(
        ...((await tx.query(
          `SELECT ${select}
           FROM unnest($1::text[], $2::text[], $3::date[], $4::date[]) AS w(kind, actor_key, lo, hi)
           CROSS JOIN LATERAL (
             SELECT * FROM ${items} t
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

  /** The newest items an event (by actor or place) or another commitment (by actor) may be. */
  candidatesFor(
    tx: Transaction,
    c: { kind: string; actorKey: string; place: string | null },
  ): Promise<TrackedItemEntity[]> {
    const qb = tx
      .createQueryBuilder(TrackedItemEntity, 'i')
      .where('i.kind = :kind', { kind: c.kind })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(CANDIDATE_LIMIT);
    if (c.kind === 'event') {
      qb.andWhere('(i.actor_key = :actor OR i.place = :place)', {
        actor: c.actorKey,
        place: c.place ?? '',
      });
    } else {
      qb.andWhere('i.actor_key = :actor', { actor: c.actorKey });
    }
    return qb.getMany();
  }

  /**
   * The event item a meeting reference means: the one at that place, or
   * without a place the next one still to come; the earliest when several.
   */
  async findEvent(
    tx: Transaction,
    meeting: { noun: string; place: string | null },
  ): Promise<string | null> {
    const qb = tx
      .createQueryBuilder(TrackedItemEntity, 'i')
      .select('i.id', 'id')
      .where(`i.kind = 'event' AND i.meeting_noun = :noun`, { noun: meeting.noun })
      .orderBy('i.due_date', 'ASC', 'NULLS LAST')
      .limit(1);
    if (meeting.place) qb.andWhere('i.place = :place', { place: meeting.place });
    else qb.andWhere('(i.due_date IS NULL OR i.due_date >= CURRENT_DATE)');
    const row = await qb.getRawOne<{ id: string }>();
    return row?.id ?? null;
  }

  // --- writes, all in the caller's transaction ---

  /**
   * Save one item with a new version, write each changed field to the audit
   * trail, and queue the `commitment.changed` event carrying the whole item.
   */
  async commit(
    tx: Transaction,
    item: ItemState,
    change: CommitmentChangedData['change'],
    fields: FieldChange[],
    ctx: ChangeContext,
  ): Promise<TrackedItemEntity> {
    item.version = change === 'created' ? 1 : item.version + 1;
    item.updatedAt = new Date();
    const saved = await tx.save(TrackedItemEntity, item);
    await this.insertHistory(
      tx,
      fields.map((f) => ({
        itemId: saved.id,
        by: ctx.by,
        field: f.field,
        fromValue: f.from,
        toValue: f.to,
        note: ctx.note ?? null,
        documentId: ctx.documentId ?? null,
      })),
    );
    await this.outbox.append(tx, COMMITMENT_CHANGED, changedEvent(saved, change, fields), {
      subject: `items/${saved.id}`,
      id: changedEventId(saved),
    });
    return saved;
  }

  /** A batch of registrations' writes: a handful of set-based statements for all of them. */
  async applyWrites(tx: Transaction, w: ItemWrites): Promise<void> {
    const columns = this.itemColumns(tx);
    await insertRows(tx, TrackedItemEntity, columns, w.created);
    await updateRows(
      tx,
      TrackedItemEntity,
      columns.filter((c) => c.property === 'id' || w.updatedFields.includes(c.property)),
      w.updated,
    );
    await this.addSources(tx, w.sources);
    await this.insertHistory(tx, w.history);
    await this.outbox.appendMany(tx, COMMITMENT_CHANGED, w.changed);
  }

  async addSources(tx: Transaction, sources: NewSource[]): Promise<void> {
    if (sources.length === 0) return;
    await insertRows(
      tx,
      ItemSourceEntity,
      this.columnsFor(tx, ItemSourceEntity, sources[0]),
      sources,
    );
  }

  /** A comment, and its line in the audit trail. */
  async addComment(tx: Transaction, itemId: string, author: string, body: string): Promise<void> {
    await tx.insert(ItemCommentEntity, { itemId, author, body });
    await this.insertHistory(tx, [
      {
        itemId,
        by: author,
        field: 'comment',
        fromValue: null,
        toValue: null,
        note: body,
        documentId: null,
      },
    ]);
  }

  private async insertHistory(tx: Transaction, rows: HistoryEntry[]): Promise<void> {
    if (rows.length === 0) return;
    await insertRows(tx, ItemHistoryEntity, this.columnsFor(tx, ItemHistoryEntity, rows[0]), rows);
  }

  private itemColumns(tx: Transaction): ColumnSpec<ItemState>[] {
    return columnsOf(tx, TrackedItemEntity) as ColumnSpec<ItemState>[];
  }

  /** The entity's columns this row gives a value for (the others take their defaults). */
  private columnsFor<T extends object>(
    tx: Transaction,
    entity: new () => T,
    row: Partial<T>,
  ): ColumnSpec<T>[] {
    return columnsOf(tx, entity).filter((c) => c.property in row);
  }
}
