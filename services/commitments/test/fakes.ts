import type { CommitmentChangedData } from '@ct/contracts';
import type { Transaction, Transactions } from '@ct/persistence';
import type { TrackedItemEntity } from '../src/tracked-items/entities/tracked-item.entity';
import { changedEvent, type FieldChange, type ItemState } from '../src/tracked-items/item-state';
import type {
  ChangeContext,
  HistoryEntry,
  TrackedItemsRepository,
} from '../src/tracked-items/tracked-items.repository';

/** The transaction handle unit specs pass around: repositories here never look inside. */
export const TX = {} as Transaction;

/** Transactions that run the work at once with TX (the repositories are in memory). */
export const inlineTransactions = {
  run: <T>(work: (tx: Transaction) => Promise<T>) => work(TX),
} as unknown as Transactions;

/**
 * The tracked-items repository's item operations in memory, for services'
 * unit specs: what `commit` writes (new version, history, the
 * commitment.changed payload) is kept for the spec to read.
 */
export class InMemoryTrackedItems {
  readonly items = new Map<string, ItemState>();
  readonly history: HistoryEntry[] = [];
  readonly changes: CommitmentChangedData[] = [];
  readonly comments: { itemId: string; author: string; body: string }[] = [];

  add(item: ItemState): ItemState {
    this.items.set(item.id, { ...item });
    return item;
  }

  asRepository(): TrackedItemsRepository {
    return this as unknown as TrackedItemsRepository;
  }

  async lockOne(_tx: Transaction, id: string): Promise<TrackedItemEntity | null> {
    const item = this.items.get(id);
    return item ? ({ ...item } as TrackedItemEntity) : null;
  }

  async lockDependents(_tx: Transaction, eventId: string): Promise<TrackedItemEntity[]> {
    return [...this.items.values()]
      .filter((i) => i.dependsOn === eventId && !i.deadlineManual)
      .map((i) => ({ ...i }) as TrackedItemEntity);
  }

  async commit(
    _tx: Transaction,
    item: ItemState,
    change: CommitmentChangedData['change'],
    fields: FieldChange[],
    ctx: ChangeContext,
  ): Promise<TrackedItemEntity> {
    item.version = change === 'created' ? 1 : item.version + 1;
    item.updatedAt = new Date();
    this.items.set(item.id, { ...item });
    for (const f of fields) {
      this.history.push({
        itemId: item.id,
        by: ctx.by,
        field: f.field,
        fromValue: f.from,
        toValue: f.to,
        note: ctx.note ?? null,
        documentId: ctx.documentId ?? null,
      });
    }
    this.changes.push(changedEvent(item, change, fields));
    return { ...item } as TrackedItemEntity;
  }

  async addComment(_tx: Transaction, itemId: string, author: string, body: string) {
    this.comments.push({ itemId, author, body });
  }
}

let n = 0;
/** A tracked item as the register keeps it; `over` changes any field. */
export function trackedItem(over: Partial<ItemState> = {}): ItemState {
  const now = new Date('2026-03-01T10:00:00Z');
  return {
    id: `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    kind: 'mandate',
    actor: 'Secretariat',
    actorKey: 'secretariat',
    action: 'prepare a report on transport corridors',
    status: 'open',
    deadline: '2026-06',
    deadlinePrecision: 'month',
    dueDate: '2026-06-30',
    deadlineSource: 'explicit',
    owner: null,
    place: null,
    meetingNoun: null,
    meetingOrdinal: null,
    language: 'en',
    actionManual: false,
    deadlineManual: false,
    dependsOn: null,
    sourceCount: 1,
    latestPublished: '2026-02-20',
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}
