import { Inject, Injectable } from '@nestjs/common';
import { COMMITMENT_CHANGED, Topics } from '@ct/contracts';
import {
  BatchConsumerProvider,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { WatchesService } from './watches.service';

/**
 * Reads commitment.changed in batches (consumer group notifications-deadlines):
 * a document's ten changes cost one transaction, not ten.
 */
@Injectable()
export class WatchesConsumer extends BatchConsumerProvider<typeof COMMITMENT_CHANGED> {
  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    watches: WatchesService,
    deadLetters: DeadLetterPublisher,
  ) {
    super(options, deadLetters, {
      topic: Topics.commitmentChanged,
      type: COMMITMENT_CHANGED,
      applyMany: (events) => watches.onCommitmentsChanged(events),
      applyOne: (event) => watches.onCommitmentChanged(event),
    });
  }
}
