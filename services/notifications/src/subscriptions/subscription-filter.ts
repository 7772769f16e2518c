/**
 * SQL for "this subscription's filter matches this item": each part of the
 * filter (actors lower-cased, kinds, item ids) matches when it is empty or
 * holds the item's value. Alerts (who gets one) and digests (what one lists)
 * ask the same question; the arguments are SQL expressions.
 */
export function filterMatches(
  filter: { actors: string; kinds: string; items: string },
  item: { actor: string; kind: string; id: string },
): string {
  return `(cardinality(${filter.actors}) = 0 OR lower(${item.actor}) = ANY(${filter.actors}))
     AND (cardinality(${filter.kinds}) = 0 OR ${item.kind} = ANY(${filter.kinds}))
     AND (cardinality(${filter.items}) = 0 OR ${item.id} = ANY(${filter.items}))`;
}
