import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { COMMITMENT_CHANGED, registerActorKey } from '@ct/contracts';
import { claimEvents, OutboxRelay, OutboxWriter } from '@ct/messaging';
import { CONSUMER_GROUP, SCHEMA } from '../config/commitments.env';
import { TrackedItemEntity } from './entities/tracked-item.entity';
import { ItemChanges } from './item-changes';
import { setDeadline, type ItemState } from './item-state';
import { bestMatch, compatibleDueDates, type Comparable } from './matching';
import {
  addSourceTo,
  assign,
  itemFromSource,
  comparableOf,
  engineOf,
  EXTRACTION,
  matchable,
  planWrites,
  poolKey,
  type Extracted,
} from './register-plan';
import { CANDIDATE_LIMIT, RegisterStore, sourceKey } from './register.store';
import { RetractionService, runLockKey } from './retraction.service';

/**
 * Turns extracted commitments into the register: a commitment already tracked
 * (matched across documents and languages) gains a source and perhaps a better
 * deadline; a new one becomes an item, linked to the event its deadline
 * follows. A batch is applied whole or not at all, in one transaction.
 *
 * Mandates and pledges (the bulk of every document) are registered set-based:
 * a handful of statements for the whole batch, matched in memory by the same
 * rules (register-plan.ts). Events and commitments that depend on an event
 * touch other items' deadlines and go one at a time.
 */
@Injectable()
export class RegisterService {
  private readonly logger = new Logger(RegisterService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ItemChanges,
    private readonly store: RegisterStore,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly retraction: RetractionService,
  ) {}

  /** Register one extracted commitment in its own transaction. */
  async onCommitmentExtracted(event: Extracted): Promise<void> {
    await this.applyMany([event]);
  }

  /** Register many in one transaction (one commit for the lot). */
  async applyMany(events: Extracted[]): Promise<void> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (m) => {
      const claimed = await claimEvents(
        m,
        SCHEMA,
        CONSUMER_GROUP,
        events.map((e) => e.id),
      );
      const fresh = events.filter((e) => claimed.delete(e.id));
      // The same source under a new event id (a replay) is a duplicate too.
      const known = await this.store.knownSources(m, fresh);
      const todo = fresh.filter((e) => {
        const k = sourceKey(e.data.documentId, engineOf(e.data), e.data.index);
        if (known.has(k)) return false;
        known.add(k);
        return true;
      });
      // Registrations that could match each other run one at a time; all the
      // batch's locks are taken up front, in one order (see RegisterStore.lock).
      // A document's lock orders this batch and the recording of its
      // extraction run (RetractionService): whichever commits second sees the
      // other's rows, so one of them settles the run.
      await this.store.lock(m, [
        ...todo.map((e) => lockKey(e.data)),
        ...todo.map((e) => runLockKey(e.data.documentId)),
      ]);
      const bulk = todo.filter((e) => isBulk(e.data));
      const counts = await this.registerBulk(m, bulk, now);
      for (const e of todo) if (!isBulk(e.data)) counts[await this.apply(m, e)]++;
      // A newer engine's run waiting for these commitments may now be complete.
      const retracted = await this.retraction.settle(
        m,
        todo.map((e) => e.data.documentId),
      );
      return { ...counts, retracted };
    });
    if (outcome.created + outcome.merged + outcome.retracted > 0) {
      this.logger.log({ events: events.length, ...outcome }, 'extracted commitments registered');
      this.relay.nudge();
    }
  }

  private async registerBulk(
    m: EntityManager,
    events: Extracted[],
    now: Date,
  ): Promise<{ created: number; merged: number }> {
    if (events.length === 0) return { created: 0, merged: 0 };
    const pairs = new Map<string, { kind: string; actorKey: string }>();
    const windows = new Map<string, { kind: string; actorKey: string; from: string; to: string }>();
    for (const e of events) {
      const c = comparableOf(e.data);
      pairs.set(poolKey(c.kind, c.actorKey), { kind: c.kind, actorKey: c.actorKey });
      if (c.deadline) {
        windows.set(`${poolKey(c.kind, c.actorKey)}\u0000${c.deadline}`, {
          kind: c.kind,
          actorKey: c.actorKey,
          ...compatibleDueDates(c.deadline),
        });
      }
    }
    const candidates = await this.store.candidates(m, [...pairs.values()], [...windows.values()]);
    const registrations = assign(events, candidates);
    const touched = [...new Set(registrations.filter((r) => !r.created).map((r) => r.itemId))];
    const plan = planWrites(registrations, await this.store.lockItems(m, touched), now);
    await this.store.insertItems(m, plan.created);
    await this.store.updateItems(m, plan.updated);
    await this.store.insertSources(m, plan.sources);
    await this.store.insertHistory(m, plan.history);
    await this.outbox.appendMany(m, COMMITMENT_CHANGED, plan.changed);
    const created = registrations.filter((r) => r.created).length;
    return { created, merged: registrations.length - created };
  }

  /** One event (already claimed, new, and locked): match it, then merge or create. */
  private async apply(m: EntityManager, event: Extracted): Promise<'merged' | 'created'> {
    const incoming = comparableOf(event.data);
    const candidates = (await this.candidates(m, incoming)).map(matchable);
    const match = bestMatch(incoming, candidates);
    if (match) await this.addSource(m, match, event);
    else await this.create(m, event);
    return match ? 'merged' : 'created';
  }

  private async candidates(m: EntityManager, c: Comparable): Promise<TrackedItemEntity[]> {
    const qb = m
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

  private async create(m: EntityManager, event: Extracted): Promise<void> {
    const d = event.data;
    const dependsOn =
      d.dependsOn && d.deadlineSource === 'resolved' ? await this.findEvent(m, d.dependsOn) : null;
    const item = m.create(TrackedItemEntity, itemFromSource(uuidv7(), d, dependsOn, new Date()));
    const saved = await this.changes.commit(
      m,
      item,
      'created',
      [{ field: 'created', from: null, to: d.kind }],
      { by: EXTRACTION, documentId: d.documentId },
    );
    await this.store.insertSources(m, [{ itemId: saved.id, event, engine: engineOf(d) }]);
  }

  private async addSource(m: EntityManager, match: ItemState, event: Extracted): Promise<void> {
    const d = event.data;
    const item = await m.findOneOrFail(TrackedItemEntity, {
      where: { id: match.id },
      lock: { mode: 'pessimistic_write' },
    });
    await this.store.insertSources(m, [{ itemId: item.id, event, engine: engineOf(d) }]);
    const before = item.deadline;
    const { change, fields } = addSourceTo(item, d);
    const saved = await this.changes.commit(m, item, change, fields, {
      by: EXTRACTION,
      documentId: d.documentId,
    });
    if (before !== saved.deadline && saved.kind === 'event') await this.moveDependents(m, saved);
  }

  /** Items whose deadline follows this event move with it (unless corrected by hand). */
  async moveDependents(m: EntityManager, eventItem: TrackedItemEntity): Promise<void> {
    const dependents = await m.find(TrackedItemEntity, {
      where: { dependsOn: eventItem.id, deadlineManual: false },
      lock: { mode: 'pessimistic_write' },
    });
    for (const dep of dependents) {
      const before = dep.deadline;
      if (before === eventItem.deadline) continue;
      setDeadline(dep, eventItem.deadline);
      dep.deadlineSource = 'resolved';
      await this.changes.commit(
        m,
        dep,
        'deadline_changed',
        [{ field: 'deadline', from: before, to: dep.deadline }],
        {
          by: 'system',
          note: `follows event ${eventItem.id}`,
        },
      );
    }
  }

  private async findEvent(
    m: EntityManager,
    meeting: { noun: string; place: string | null },
  ): Promise<string | null> {
    const qb = m
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
}

/** Events all share one lock (they match across hosts and places); others lock per kind and actor. */
function lockKey(d: Extracted['data']): string {
  return `register:${d.kind}:${d.kind === 'event' ? '' : registerActorKey(d.kind, d.actor, d.actorKeys)}`;
}

/** Registered set-based: matched by actor alone, and no other item's deadline depends on it. */
function isBulk(d: Extracted['data']): boolean {
  return d.kind !== 'event' && !(d.dependsOn && d.deadlineSource === 'resolved');
}
