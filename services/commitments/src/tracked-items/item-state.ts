import { keysOfRegisterActor, type CommitmentChangedData } from '@ct/contracts';
import { parseDeadline } from './deadline';
import type { TrackedItemEntity } from './entities/tracked-item.entity';

/** A tracked item's columns, whether loaded by TypeORM or by a bulk query. */
export type ItemState = Omit<TrackedItemEntity, 'sources'>;

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** The `commitment.changed` payload: the whole item as it is after this change. */
export function changedEvent(
  item: ItemState,
  change: CommitmentChangedData['change'],
  fields: FieldChange[],
): CommitmentChangedData {
  return {
    itemId: item.id,
    version: item.version,
    change,
    changes: fields,
    kind: item.kind,
    actor: item.actor,
    actorKeys: keysOfRegisterActor(item.actorKey),
    action: item.action,
    status: item.status,
    deadline: item.deadline,
    deadlineSource: item.deadlineSource,
    dueDate: item.dueDate,
    owner: item.owner,
    place: item.place,
    dependsOn: item.dependsOn,
    sourceCount: item.sourceCount,
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
