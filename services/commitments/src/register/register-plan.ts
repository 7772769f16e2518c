import { v7 as uuidv7 } from 'uuid';
import type { CommitmentChangedData, EventOf } from '@ct/contracts';
import {
  changedEvent,
  changedEventId,
  setDeadline,
  type FieldChange,
  type ItemState,
} from '../tracked-items/item-state';
import { INITIAL_STATUS } from '../tracked-items/lifecycle';
import type { ItemWrites, NewSource } from '../tracked-items/tracked-items.repository';
import { registerActorKey } from '@ct/contracts';
import { bestMatch, nextDeadline, type Comparable } from './matching';

/**
 * How extracted commitments become register changes, as pure functions over
 * item states, so that one event at a time and a whole batch at once follow
 * the same rules (and the batch planner can be tested without a database).
 */
export type Extracted = EventOf<'commitment.extracted.v1'>;
type Data = Extracted['data'];

/** Who the audit trail names for changes made by extraction. */
export const EXTRACTION = 'extraction';

export function comparableOf(d: Data): Comparable {
  return {
    kind: d.kind,
    actorKey: registerActorKey(d.kind, d.actor, d.actorKeys),
    action: d.action,
    deadline: d.deadline,
    place: d.meeting?.place ?? null,
    meetingNoun: d.meeting?.noun ?? null,
    meetingOrdinal: d.meeting?.ordinal ?? null,
  };
}

/** An item as matching sees it: a deadline corrected by hand says nothing about what documents say. */
export function matchable<T extends ItemState>(item: T): T {
  return item.deadlineManual ? { ...item, deadline: null } : item;
}

/** A new item from the first source that mentions it. */
export function itemFromSource(
  id: string,
  d: Data,
  dependsOn: string | null,
  now: Date,
): ItemState {
  const c = comparableOf(d);
  const item: ItemState = {
    id,
    kind: d.kind,
    actor: d.actor,
    actorKey: c.actorKey,
    action: d.action,
    status: INITIAL_STATUS[d.kind],
    deadline: null,
    deadlinePrecision: null,
    dueDate: null,
    deadlineSource: d.deadlineSource,
    owner: null,
    place: c.place,
    meetingNoun: c.meetingNoun,
    meetingOrdinal: c.meetingOrdinal,
    language: d.language,
    actionManual: false,
    deadlineManual: false,
    dependsOn,
    sourceCount: 1,
    latestPublished: d.published,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  setDeadline(item, d.deadline);
  return item;
}

export interface SourceOutcome {
  change: 'source_added' | 'deadline_changed';
  fields: FieldChange[];
}

/**
 * A further source for a tracked item: count it, reinstate it if it was
 * retracted, and take its deadline when it refines the current one or comes
 * from a source at least as new as any before (never over a correction by
 * hand). Changes `item` in place; the
 * version is the caller's to bump.
 */
export function addSourceTo(item: ItemState, d: Data): SourceOutcome {
  item.sourceCount += 1;
  const fields: FieldChange[] = [{ field: 'source', from: null, to: d.documentId }];
  if (item.status === 'retracted') {
    // Found again: back to the register as it was first tracked.
    item.status = INITIAL_STATUS[item.kind];
    fields.push({ field: 'status', from: 'retracted', to: item.status });
  }
  const before = item.deadline;
  if (!item.deadlineManual) {
    const newer = !d.published || !item.latestPublished || d.published >= item.latestPublished;
    const next = nextDeadline(before, d.deadline, newer);
    if (next !== before) {
      setDeadline(item, next);
      if (d.deadlineSource !== 'none') item.deadlineSource = d.deadlineSource;
      fields.push({ field: 'deadline', from: before, to: next });
    }
  }
  if (d.published && (!item.latestPublished || d.published > item.latestPublished)) {
    item.latestPublished = d.published;
  }
  return { change: before !== item.deadline ? 'deadline_changed' : 'source_added', fields };
}

/** Which item an event goes to: one already tracked, or a new one with this id. */
export interface Registration {
  event: Extracted;
  itemId: string;
  created: boolean;
}

/** One key per (kind, actor key): the pool of items a commitment is compared with. */
export const poolKey = (kind: string, key: string) => `${kind}\u0000${key}`;

/**
 * Ids of new items are UUIDv7: time-ordered, so items created in one batch
 * (one created_at) still sort newest first, as matching expects.
 *
 * Match each event, in order, against the candidates read from the register
 * and against the items the earlier events of the batch created or changed,
 * exactly as if they had been registered one at a time. For commitments that
 * match by actor (mandates and pledges).
 */
export function assign(
  events: Extracted[],
  candidates: ItemState[],
  newId: () => string = uuidv7,
): Registration[] {
  const pools = new Map<string, ItemState[]>();
  for (const c of candidates) {
    const k = poolKey(c.kind, c.actorKey);
    const pool = pools.get(k) ?? [];
    pool.push({ ...c });
    pools.set(k, pool);
  }
  return events.map((event) => {
    const d = event.data;
    const incoming = comparableOf(d);
    const k = poolKey(incoming.kind, incoming.actorKey);
    const pool = pools.get(k) ?? [];
    pools.set(k, pool);
    const match = bestMatch(incoming, pool.map(matchable));
    if (match) {
      // Later events must see the deadline this one leaves behind.
      addSourceTo(
        pool.find((i) => i.id === match.id)!,
        d,
      );
      return { event, itemId: match.id, created: false };
    }
    const item = itemFromSource(newId(), d, null, new Date(0));
    pool.unshift(item);
    return { event, itemId: item.id, created: true };
  });
}

/** What registering a further source can change in an item (the bulk UPDATE writes only these). */
export const SOURCE_MUTABLE: readonly (keyof ItemState)[] = [
  'status',
  'deadline',
  'deadlinePrecision',
  'dueDate',
  'deadlineSource',
  'sourceCount',
  'latestPublished',
  'version',
  'updatedAt',
];

/** The source row an extracted commitment adds to its item. */
export function sourceOf(itemId: string, event: Extracted): NewSource {
  const d = event.data;
  return {
    itemId,
    documentId: d.documentId,
    extractionIndex: d.index,
    engine: engineOf(d),
    evidence: d.evidence.text,
    evidenceStart: d.evidence.start,
    evidenceEnd: d.evidence.end,
    published: d.published,
    language: d.language,
    confidence: d.confidence,
    deadline: d.deadline,
    eventId: event.id,
  };
}

export const engineOf = (d: Data) => `${d.engine.name}@${d.engine.version}`;

/**
 * Everything the registrations write: the new items, the final state of the
 * tracked items they touched (read under lock, so a coordinator's change made
 * meanwhile is kept), every source, one audit row per changed field and one
 * `commitment.changed` event per item version.
 */
export function planWrites(
  registrations: Registration[],
  locked: Map<string, ItemState>,
  now: Date,
): ItemWrites {
  const states = new Map<string, ItemState>();
  const plan: ItemWrites = {
    created: [],
    updated: [],
    updatedFields: SOURCE_MUTABLE,
    sources: [],
    history: [],
    changed: [],
  };
  const record = (
    item: ItemState,
    change: CommitmentChangedData['change'],
    fields: FieldChange[],
    d: Data,
  ) => {
    for (const f of fields) {
      plan.history.push({
        itemId: item.id,
        by: EXTRACTION,
        field: f.field,
        fromValue: f.from,
        toValue: f.to,
        note: null,
        documentId: d.documentId,
      });
    }
    plan.changed.push({
      data: changedEvent(item, change, fields),
      init: { subject: `items/${item.id}`, id: changedEventId(item) },
    });
  };
  for (const { event, itemId, created } of registrations) {
    const d = event.data;
    let item = states.get(itemId);
    if (!item && created) {
      item = itemFromSource(itemId, d, null, now);
      states.set(itemId, item);
      plan.created.push(item);
      record(item, 'created', [{ field: 'created', from: null, to: d.kind }], d);
    } else {
      if (!item) {
        const current = locked.get(itemId);
        if (!current) throw new Error(`tracked item ${itemId} disappeared while registering`);
        item = { ...current };
        states.set(itemId, item);
        plan.updated.push(item);
      }
      const { change, fields } = addSourceTo(item, d);
      item.version += 1;
      item.updatedAt = now;
      record(item, change, fields, d);
    }
    plan.sources.push(sourceOf(itemId, event));
  }
  return plan;
}
