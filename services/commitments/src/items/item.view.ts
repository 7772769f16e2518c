import type { ItemSourceEntity } from './entities/item-source.entity';
import type { TrackedItemEntity } from './entities/tracked-item.entity';

/** The HTTP shape of a tracked item; `overdue` is derived, never stored. */
export function toItemView(i: TrackedItemEntity, today = new Date().toISOString().slice(0, 10)) {
  const closed = ['done', 'cancelled', 'held'].includes(i.status);
  return {
    id: i.id,
    kind: i.kind,
    actor: i.actor,
    action: i.action,
    status: i.status,
    deadline: i.deadline,
    deadlinePrecision: i.deadlinePrecision,
    dueDate: i.dueDate,
    deadlineSource: i.deadlineSource,
    overdue: !closed && i.dueDate !== null && i.dueDate < today,
    owner: i.owner,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    ...(i.sources ? { sources: i.sources.map(toSourceView) } : {}),
  };
}

function toSourceView(s: ItemSourceEntity) {
  return {
    documentId: s.documentId,
    engine: s.engine,
    evidence: { text: s.evidence, start: s.evidenceStart, end: s.evidenceEnd },
    published: s.published,
    language: s.language,
    confidence: s.confidence,
    deadline: s.deadline,
  };
}
