import { ALERT_DELIVERED, ALERT_FAILED, ALERT_RAISED, COMMITMENT_CHANGED } from '@ct/contracts';
import { batchConsumer } from '@ct/messaging';
import { ALERTS_GROUP } from '../config/dashboard.env';
import { StreamWriter } from './stream-writer';

/** Feeds the register's read model and the stream from commitment.changed (group dashboard-stream). */
export const ChangesConsumer = batchConsumer({
  name: 'ChangesConsumer',
  types: COMMITMENT_CHANGED,
  handler: StreamWriter,
  apply: (writer, events) => writer.changes(events),
});

/**
 * Feeds the stream from alerts.v1, which carries three event types, each
 * validated against its own contract. A group of its own: consumers of one
 * group must subscribe to the same topics.
 */
export const AlertsConsumer = batchConsumer({
  name: 'AlertsConsumer',
  types: [ALERT_RAISED, ALERT_DELIVERED, ALERT_FAILED],
  handler: StreamWriter,
  apply: (writer, events) => writer.alerts(events),
  group: ALERTS_GROUP,
});
