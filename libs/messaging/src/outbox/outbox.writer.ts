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
    const def = EVENTS[type];
    const event = def.schema.parse(
      wrap(type, data, { ...init, source: `/${this.options.service}` }),
    ) as EventOf<T>;
    const key = (def.key as (d: DataOf<T>) => string)(data);
    await manager.query(
      `INSERT INTO ${this.table} (event_id, topic, key, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id) DO NOTHING`,
      [event.id, def.topic, key, JSON.stringify(event)],
    );
    return event;
  }
}
