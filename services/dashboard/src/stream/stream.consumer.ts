import { Inject, Injectable } from '@nestjs/common';
import {
  ALERT_DELIVERED,
  ALERT_FAILED,
  ALERT_RAISED,
  COMMITMENT_CHANGED,
  Topics,
  type EventOf,
} from '@ct/contracts';
import {
  BatchConsumerProvider,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { Transactions } from '@ct/persistence';
import { ALERTS_CONSUMER_GROUP } from '../config/dashboard.env';
import { ItemSnapshotsRepository } from '../items/item-snapshots.repository';
import { StreamEventsRepository } from './stream-events.repository';

/**
 * Feeds the register's read model and the stream from `commitment.changed`
 * (consumer group dashboard-stream), a batch per transaction: the read model
 * first, so that a page refreshing on a streamed event reads the new state.
 * Both writes are idempotent, so a redelivered batch changes nothing.
 */
@Injectable()
export class ChangesConsumer extends BatchConsumerProvider<typeof COMMITMENT_CHANGED> {
  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    transactions: Transactions,
    snapshots: ItemSnapshotsRepository,
    store: StreamEventsRepository,
    deadLetters: DeadLetterPublisher,
  ) {
    const apply = (events: EventOf<typeof COMMITMENT_CHANGED>[]) =>
      transactions.run(async (m) => {
        await snapshots.applyMany(
          m,
          events.map((e) => e.data),
        );
        await store.addMany(m, events);
      });
    super(options, deadLetters, {
      topic: Topics.commitmentChanged,
      type: COMMITMENT_CHANGED,
      applyMany: (events) => apply(events),
      applyOne: (event) => apply([event]),
    });
  }
}

/**
 * Feeds the stream from alerts.v1, which carries three event types, each
 * validated against its own contract. A group of its own: consumers of one
 * group must subscribe to the same topics.
 */
@Injectable()
export class AlertsConsumer extends BatchConsumerProvider<
  typeof ALERT_RAISED | typeof ALERT_DELIVERED | typeof ALERT_FAILED
> {
  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    transactions: Transactions,
    store: StreamEventsRepository,
    deadLetters: DeadLetterPublisher,
  ) {
    super(options, deadLetters, {
      topic: Topics.alerts,
      type: [ALERT_RAISED, ALERT_DELIVERED, ALERT_FAILED],
      groupId: ALERTS_CONSUMER_GROUP,
      clientId: `${options.service}-alerts`,
      applyMany: (events) => transactions.run((m) => store.addMany(m, events)),
      applyOne: (event) => store.add(event),
    });
  }
}
