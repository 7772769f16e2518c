import { Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { registerActorKey } from '@ct/contracts';
import { claimEvents, OutboxRelay } from '@ct/messaging';
import { advisoryLocks, Transactions, type Transaction } from '@ct/persistence';
import { CONSUMER_GROUP, SCHEMA } from '../config/commitments.env';
import { TrackedItemEntity } from '../tracked-items/entities/tracked-item.entity';
import { setDeadline, type ItemState } from '../tracked-items/item-state';
import { sourceKey, TrackedItemsRepository } from '../tracked-items/tracked-items.repository';
import { bestMatch, compatibleDueDates } from './matching';
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
  sourceOf,
  type Extracted,
} from './register-plan';
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
    private readonly transactions: Transactions,
    private readonly items: TrackedItemsRepository,
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
    const outcome = await this.transactions.run(async (m) => {
      const claimed = await claimEvents(
        m,
        SCHEMA,
        CONSUMER_GROUP,
        events.map((e) => e.id),
      );
      const fresh = events.filter((e) => claimed.delete(e.id));
      // The same source under a new event id (a replay) is a duplicate too.
      const known = await this.items.knownSources(
        m,
        fresh.map((e) => ({
          documentId: e.data.documentId,
          engine: engineOf(e.data),
          index: e.data.index,
        })),
      );
      const todo = fresh.filter((e) => {
        const k = sourceKey(e.data.documentId, engineOf(e.data), e.data.index);
        if (known.has(k)) return false;
        known.add(k);
        return true;
      });
      // Registrations that could match each other run one at a time; all the
      // batch's locks are taken up front, in one order (see advisoryLocks).
      // A document's lock orders this batch and the recording of its
      // extraction run (RetractionService): whichever commits second sees the
      // other's rows, so one of them settles the run.
      await advisoryLocks(m, [
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
    m: Transaction,
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
    const candidates = await this.items.candidates(m, [...pairs.values()], [...windows.values()]);
    const registrations = assign(events, candidates);
    const touched = [...new Set(registrations.filter((r) => !r.created).map((r) => r.itemId))];
    const plan = planWrites(registrations, await this.items.lockMany(m, touched), now);
    await this.items.applyWrites(m, plan);
    const created = registrations.filter((r) => r.created).length;
    return { created, merged: registrations.length - created };
  }

  /** One event (already claimed, new, and locked): match it, then merge or create. */
  private async apply(m: Transaction, event: Extracted): Promise<'merged' | 'created'> {
    const incoming = comparableOf(event.data);
    const candidates = (await this.items.candidatesFor(m, incoming)).map(matchable);
    const match = bestMatch(incoming, candidates);
    if (match) await this.addSource(m, match, event);
    else await this.create(m, event);
    return match ? 'merged' : 'created';
  }

  private async create(m: Transaction, event: Extracted): Promise<void> {
    const d = event.data;
    const dependsOn =
      d.dependsOn && d.deadlineSource === 'resolved'
        ? await this.items.findEvent(m, d.dependsOn)
        : null;
    const item = itemFromSource(uuidv7(), d, dependsOn, new Date());
    const saved = await this.items.commit(
      m,
      item,
      'created',
      [{ field: 'created', from: null, to: d.kind }],
      { by: EXTRACTION, documentId: d.documentId },
    );
    await this.items.addSources(m, [sourceOf(saved.id, event)]);
  }

  private async addSource(m: Transaction, match: ItemState, event: Extracted): Promise<void> {
    const d = event.data;
    const item = await this.items.lockOne(m, match.id);
    if (!item) throw new Error(`tracked item ${match.id} disappeared while registering`);
    await this.items.addSources(m, [sourceOf(item.id, event)]);
    const before = item.deadline;
    const { change, fields } = addSourceTo(item, d);
    const saved = await this.items.commit(m, item, change, fields, {
      by: EXTRACTION,
      documentId: d.documentId,
    });
    if (before !== saved.deadline && saved.kind === 'event') await this.moveDependents(m, saved);
  }

  /** Items whose deadline follows this event move with it (unless corrected by hand). */
  async moveDependents(m: Transaction, eventItem: TrackedItemEntity): Promise<void> {
    const dependents = await this.items.lockDependents(m, eventItem.id);
    for (const dep of dependents) {
      const before = dep.deadline;
      if (before === eventItem.deadline) continue;
      setDeadline(dep, eventItem.deadline);
      dep.deadlineSource = 'resolved';
      await this.items.commit(
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
}

/** Events all share one lock (they match across hosts and places); others lock per kind and actor. */
function lockKey(d: Extracted['data']): string {
  return `register:${d.kind}:${d.kind === 'event' ? '' : registerActorKey(d.kind, d.actor, d.actorKeys)}`;
}

/** Registered set-based: matched by actor alone, and no other item's deadline depends on it. */
function isBulk(d: Extracted['data']): boolean {
  return d.kind !== 'event' && !(d.dependsOn && d.deadlineSource === 'resolved');
}
