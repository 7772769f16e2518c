import { Inject, Injectable } from '@nestjs/common';
import { COMMITMENT_EXTRACTED, Topics } from '@ct/contracts';
import {
  BatchConsumerProvider,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { RegisterService } from './register.service';

/**
 * Reads commitments.extracted in batches (many events per transaction)
 * rather than through the Nest transport's one-message-at-a-time loop: this
 * topic carries every commitment of every document.
 */
@Injectable()
export class ExtractedConsumer extends BatchConsumerProvider<typeof COMMITMENT_EXTRACTED> {
  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    register: RegisterService,
    deadLetters: DeadLetterPublisher,
  ) {
    super(options, deadLetters, {
      topic: Topics.commitmentExtracted,
      type: COMMITMENT_EXTRACTED,
      applyMany: (events) => register.applyMany(events),
      applyOne: (event) => register.onCommitmentExtracted(event),
    });
  }
}
