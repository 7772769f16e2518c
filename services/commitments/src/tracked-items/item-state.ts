import {
  keysOfRegisterActor,
  trackedItemFields,
  type CommitmentChangedData,
  type TrackedItemFields,
} from '@ct/contracts';
import { parseDeadline } from './deadline';
import type { TrackedItemEntity } from './entities/tracked-item.entity';

/** A tracked item's columns, whether loaded by TypeORM or by a bulk query. */
export type ItemState = Omit<TrackedItemEntity, 'sources'>;

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

// Every field the contract shows of an item is a column of the register's
// entity, under the same name: this fails to compile otherwise.
type Unstored = Exclude<keyof TrackedItemFields, keyof ItemState>;
const allStored: [Unstored] extends [never] ? true : Unstored = true;
const FIELDS = Object.keys(trackedItemFields.shape) as (keyof TrackedItemFields)[];

/** The item's fields as the contract shows them (the event's and the API's). */
export function itemFields(item: ItemState): TrackedItemFields {
  void allStored;
  return Object.fromEntries(FIELDS.map((f) => [f, item[f]])) as TrackedItemFields;
}

/** The `commitment.changed` payload: the whole item as it is after this change. */
export function changedEvent(
  item: ItemState,
  change: CommitmentChangedData['change'],
  fields: FieldChange[],
): CommitmentChangedData {
  return {
    ...itemFields(item),
    itemId: item.id,
    version: item.version,
    change,
    changes: fields,
    actorKeys: keysOfRegisterActor(item.actorKey),
    changedAt: item.updatedAt.toISOString(),
  };
}

/** One id per item version, so a change re-queued after a crash is one event. */
export function changedEventId(item: Pick<ItemState, 'id' | 'version'>): string {
  return `item:${item.id}:v${item.version}`;
}

/** Set an item's deadline and the fields derived from it. */
export function setDeadline(item: ItemState, deadline: string | null): void {
  const parsed = parseDeadline(deadline);
  item.deadline = deadline;
  item.deadlinePrecision = parsed?.precision ?? null;
  item.dueDate = parsed?.dueDate ?? null;
}
