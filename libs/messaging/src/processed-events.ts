import type { EntityManager } from 'typeorm';
import { quoteIdent } from '@ct/persistence';

/**
 * Claim an event for a consumer inside the transaction that applies its
 * effect. Returns false when it was already processed: a redelivery after a
 * crash or a rebalance then changes nothing.
 */
export async function claimEvent(
  manager: EntityManager,
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
