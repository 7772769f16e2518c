import { quoteIdent, type Transaction } from '@ct/persistence';

/*
 * The claims of processed events (`processed_events`), made in the transaction
 * that applies an event's effect; OutboxRepository forgets old ones.
 */

/**
 * Claim an event for a consumer inside the transaction that applies its
 * effect. Returns false when it was already processed: a redelivery after a
 * crash or a rebalance then changes nothing.
 */
export async function claimEvent(
  manager: Transaction,
  schema: string,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO ${quoteIdent(schema)}.processed_events (consumer, event_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventId],
  );
  return rows.length === 1;
}

/**
 * claimEvent for many events in one statement. Returns the ids newly claimed;
 * an id listed twice is claimed once.
 */
export async function claimEvents(
  manager: Transaction,
  schema: string,
  consumer: string,
  eventIds: string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO ${quoteIdent(schema)}.processed_events (consumer, event_id)
     SELECT $1, id FROM unnest($2::text[]) AS id
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventIds],
  );
  return new Set(rows.map((r) => r.event_id));
}
