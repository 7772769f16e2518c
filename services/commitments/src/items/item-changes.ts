import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { COMMITMENT_CHANGED, type CommitmentChangedData } from '@ct/contracts';
import { OutboxWriter } from '@ct/messaging';
import { ItemHistoryEntity } from './entities/item-history.entity';
import { TrackedItemEntity } from './entities/tracked-item.entity';
import { changedEvent, changedEventId, type FieldChange } from './item-state';

export interface ChangeContext {
  by: string;
  note?: string | null;
  documentId?: string | null;
}

/**
 * The one way an item changes: save it with a new version, write each changed
 * field to the audit trail, and queue the `commitment.changed` event carrying
 * the whole item, all in the caller's transaction.
 */
@Injectable()
export class ItemChanges {
  constructor(private readonly outbox: OutboxWriter) {}

  async commit(
    m: EntityManager,
    item: TrackedItemEntity,
    change: CommitmentChangedData['change'],
    fields: FieldChange[],
    ctx: ChangeContext,
  ): Promise<TrackedItemEntity> {
    item.version = change === 'created' ? 1 : item.version + 1;
    item.updatedAt = new Date();
    const saved = await m.save(TrackedItemEntity, item);
    if (fields.length > 0) {
      await m.insert(
        ItemHistoryEntity,
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
    }
    await this.outbox.append(m, COMMITMENT_CHANGED, changedEvent(saved, change, fields), {
      subject: `items/${saved.id}`,
      id: changedEventId(saved),
    });
    return saved;
  }
}
