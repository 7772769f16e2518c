import { Inject, Injectable } from '@nestjs/common';
import {
  EVENTS,
  wrap,
  type DataOf,
  type EnvelopeInit,
  type EventOf,
  type EventType,
} from '@ct/contracts';
import type { Transaction } from '@ct/persistence';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { OutboxRepository } from './outbox.repository';

/**
 * Records an event in the outbox inside the caller's transaction, so the event
 * exists if and only if the change it announces was committed. The relay
 * publishes it afterwards. The payload is checked against its contract here:
 * a producer cannot put an invalid event on a topic.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly outbox: OutboxRepository,
  ) {
    if (!options.outboxSchema) throw new Error('OutboxWriter needs MessagingOptions.outboxSchema');
  }

  async append<T extends EventType>(
    manager: Transaction,
    type: T,
    data: DataOf<T>,
    init: Omit<EnvelopeInit, 'source'> = {},
  ): Promise<EventOf<T>> {
    const [event] = await this.appendMany(manager, type, [{ data, init }]);
    return event;
  }

  /** append for many events of one type, in one statement. */
  async appendMany<T extends EventType>(
    manager: Transaction,
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
    await this.outbox.append(
      manager,
      def.topic,
      events.map((e, i) => ({ id: e.id, key: keyOf(entries[i].data), payload: JSON.stringify(e) })),
    );
    return events;
  }
}
