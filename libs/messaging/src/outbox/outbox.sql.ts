import { quoteIdent } from '@ct/persistence';

/**
 * DDL for the two delivery tables every event-producing or -consuming service
 * keeps in its own schema; each service's migrations call these.
 */
export function createDeliveryTablesSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.outbox (
       seq bigserial PRIMARY KEY,
       event_id text NOT NULL UNIQUE,
       topic text NOT NULL,
       key text,
       payload jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz
     )`,
    `CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE ${s}.processed_events (
       consumer text NOT NULL,
       event_id text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, event_id)
     )`,
  ];
}

export function dropDeliveryTablesSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [`DROP TABLE ${s}.processed_events`, `DROP TABLE ${s}.outbox`];
}
