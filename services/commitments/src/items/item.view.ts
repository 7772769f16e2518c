import type { ItemCommentEntity } from '../tracked-items/entities/item-comment.entity';
import type { ItemHistoryEntity } from '../tracked-items/entities/item-history.entity';
import type { ItemSourceEntity } from '../tracked-items/entities/item-source.entity';
import { itemFields, type ItemState } from '../tracked-items/item-state';
import { actorNames } from '@ct/actors';
import { keysOfRegisterActor, type ItemDetailView, type ItemView } from '@ct/contracts';
import { allowedNext, isOverdue } from '../tracked-items/lifecycle';

export const today = () => new Date().toISOString().slice(0, 10);

/** The HTTP shape of a tracked item (entities are not API types): its contract fields, and what is derived. */
export function toItemView(i: ItemState, on = today()): ItemView {
  const actorKeys = keysOfRegisterActor(i.actorKey);
  return {
    id: i.id,
    ...itemFields(i),
    actorKeys,
    canonicalActor: actorKeys.length > 0 ? actorNames(actorKeys, 'en') : null,
    deadlinePrecision: i.deadlinePrecision,
    overdue: isOverdue(i.status, i.dueDate, on),
    manual: { action: i.actionManual, deadline: i.deadlineManual },
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function toItemDetailView(
  i: ItemState,
  d: {
    sources: ItemSourceEntity[];
    history: ItemHistoryEntity[];
    comments: ItemCommentEntity[];
    dependents: ItemState[];
  },
): Omit<ItemDetailView, 'mayChange'> {
  return {
    ...toItemView(i),
    /** Statuses a coordinator may move it to, so that a client offers only those. */
    nextStatuses: allowedNext(i.kind, i.status),
    sources: d.sources.map((s) => ({
      documentId: s.documentId,
      engine: s.engine,
      evidence: { text: s.evidence, start: s.evidenceStart, end: s.evidenceEnd },
      published: s.published,
      language: s.language,
      confidence: s.confidence,
      deadline: s.deadline,
    })),
    dependents: d.dependents.map((x) => ({
      id: x.id,
      kind: x.kind,
      actor: x.actor,
      deadline: x.deadline,
    })),
    history: d.history.map((h) => ({
      at: h.at.toISOString(),
      by: h.by,
      field: h.field,
      from: h.fromValue,
      to: h.toValue,
      note: h.note,
      documentId: h.documentId,
    })),
    comments: d.comments.map((c) => ({
      author: c.author,
      body: c.body,
      at: c.createdAt.toISOString(),
    })),
  };
}
