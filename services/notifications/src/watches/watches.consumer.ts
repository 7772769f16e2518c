import { COMMITMENT_CHANGED } from '@ct/contracts';
import { batchConsumer } from '@ct/messaging';
import { WatchesService } from './watches.service';

/**
 * Reads commitment.changed in batches (consumer group notifications-deadlines):
 * a document's ten changes cost one transaction, not ten.
 */
export const WatchesConsumer = batchConsumer({
  name: 'WatchesConsumer',
  types: COMMITMENT_CHANGED,
  handler: WatchesService,
  apply: (watches, events) => watches.onCommitmentsChanged(events),
});
