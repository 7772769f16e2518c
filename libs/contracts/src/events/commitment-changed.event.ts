import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { Topics } from '../topics';
import { calendarDate, commitmentKind, deadlineSource, partialIsoDate } from './common';

/** The tracked item's state after a change; consumers keep the highest `version`. */
export const COMMITMENT_CHANGED = 'commitment.changed.v1';

export const commitmentStatus = z.enum([
  'open',
  'in_progress',
  'done',
  'blocked',
  'cancelled',
  'scheduled',
  'held',
  'postponed',
  // Set by the system when a newer extraction engine no longer finds the commitment.
  'retracted',
]);

/** Statuses in which an item asks nothing more of anyone: never overdue, never alerted. */
export const CLOSED_STATUSES: readonly CommitmentStatus[] = [
  'done',
  'cancelled',
  'held',
  'retracted',
];

/**
 * A tracked item's fields as every reader sees them: carried whole by
 * `commitment.changed` and answered by the commitments API (`ItemView`). A
 * field added here reaches both, and the register's entity must have it
 * (item-state.ts checks that at compile time).
 */
export const trackedItemFields = z.object({
  kind: commitmentKind,
  actor: z.string().min(1),
  action: z.string().min(1),
  status: commitmentStatus,
  deadline: partialIsoDate.nullable(),
  deadlineSource: deadlineSource,
  /** Last day of the deadline's period: the date alerts count towards. */
  dueDate: calendarDate.nullable(),
  owner: z.string().nullable(),
  place: z.string().nullable().optional(),
  /** The event item this item's deadline follows, if any. */
  dependsOn: z.uuid().nullable().optional(),
  sourceCount: z.number().int().nonnegative(),
  /** The number the declaration gives the clause ("12", "III.4"); absent from older producers. */
  reference: z.string().max(40).nullable().optional(),
});
export type TrackedItemFields = z.infer<typeof trackedItemFields>;

export const commitmentChangedData = trackedItemFields.extend({
  itemId: z.uuid(),
  version: z.number().int().positive(),
  change: z.enum([
    'created',
    'source_added',
    'updated',
    'status_changed',
    'deadline_changed',
    'owner_changed',
    'merged',
    'commented',
  ]),
  /** Each field this change touched, with its value before and after. */
  changes: z
    .array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() }))
    .default([]),
  /** The canonical registry keys the register knows the actor by; absent from older producers. */
  actorKeys: z.array(z.string().min(1)).optional(),
  changedAt: z.iso.datetime({ offset: true }),
});
export type CommitmentChangedData = z.infer<typeof commitmentChangedData>;
export type CommitmentStatus = z.infer<typeof commitmentStatus>;

/**
 * Each item's highest version among these changes, keyed by item id: what a
 * read model keeps of a batch (one SQL statement may not update a row twice).
 */
export function newestPerItem(
  changes: Iterable<CommitmentChangedData>,
): Map<string, CommitmentChangedData> {
  const newest = new Map<string, CommitmentChangedData>();
  for (const d of changes) {
    const seen = newest.get(d.itemId);
    if (!seen || seen.version < d.version) newest.set(d.itemId, d);
  }
  return newest;
}

export const commitmentChangedEvent = {
  type: COMMITMENT_CHANGED,
  topic: Topics.commitmentChanged,
  schema: envelopeSchema(COMMITMENT_CHANGED, commitmentChangedData),
  key: (d: CommitmentChangedData) => d.itemId,
} as const;
