import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_RECEIVED, Topics } from '@ct/contracts';
import {
  BatchConsumerProvider,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { ExtractionService } from './extraction.service';

/**
 * Reads documents.received in batches (several documents per transaction)
 * rather than through the Nest transport's one-message-at-a-time loop.
 * Extraction is CPU work: chunks stay small so heartbeats stay regular.
 */
@Injectable()
export class ExtractionConsumer extends BatchConsumerProvider<typeof DOCUMENT_RECEIVED> {
  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    extraction: ExtractionService,
    deadLetters: DeadLetterPublisher,
  ) {
    super(options, deadLetters, {
      topic: Topics.documentReceived,
      type: DOCUMENT_RECEIVED,
      applyMany: (events) => extraction.applyMany(events),
      applyOne: (event) => extraction.onDocumentReceived(event),
      chunk: 50,
    });
  }
}
