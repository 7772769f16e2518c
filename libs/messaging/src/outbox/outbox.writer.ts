import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EVENTS,
  wrap,
  type DataOf,
  type EnvelopeInit,
  type EventOf,
  type EventType,
} from '@ct/contracts';
import { quoteIdent } from '@ct/persistence';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

/**
 * Records an event in the outbox inside the caller's transaction, so the event
 * exists if and only if the change it announces was committed. The relay
 * publishes it afterwards. The payload is checked against its contract here:
 * a producer cannot put an invalid event on a topic.
 */
@Injectable()
export class OutboxWriter {
  private readonly table: string;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {
    if (!options.outboxSchema) throw new Error('OutboxWriter needs MessagingOptions.outboxSchema');
    this.table = `${quoteIdent(options.outboxSchema)}.outbox`;
  }

  async append<T extends EventType>(
    manager: EntityManager,
    type: T,
    data: DataOf<T>,
    init: Omit<EnvelopeInit, 'source'> = {},
  ): Promise<EventOf<T>> {
    const [event] = await this.appendMany(manager, type, [{ data, init }]);
    return event;
  }

  /** append for many events of one type, in one statement. */
  async appendMany<T extends EventType>(
    manager: EntityManager,
    type: T,
    entries: { data: DataOf<T>; init?: Omit<EnvelopeInit, 'source'> }[],
  ): Promise<EventOf<T>[]> {
    if (entries.length === 0) return [];
    const def = EVENTS[type];
    const keyOf = def.key as (d: DataOf<T>) => string;
    const events = entries.map(
      ({ data, init }) =>
        def.schema.parse(
          wrap(type, data, { ...init, source: `/${this.options.service}` }),
        ) as EventOf<T>,
    );
    await manager.query(
      `INSERT INTO ${this.table} (event_id, topic, key, payload)
       SELECT id, $1, key, payload::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS e(id, key, payload)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        def.topic,
        events.map((e) => e.id),
        entries.map((e) => keyOf(e.data)),
        events.map((e) => JSON.stringify(e)),
      ],
    );
    return events;
  }
}
