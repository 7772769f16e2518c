import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DOCUMENT_RECEIVED, Topics } from '@ct/contracts';
import {
  BatchEventConsumer,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { ExtractionService } from './extraction.service';

/** Documents per transaction: extraction is CPU work, so batches stay small enough to keep heartbeats regular. */
const CHUNK = 50;

/**
 * Reads documents.received in batches (several documents per transaction)
 * rather than through the Nest transport's one-message-at-a-time loop.
 */
@Injectable()
export class ExtractionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: BatchEventConsumer<typeof DOCUMENT_RECEIVED>;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    extraction: ExtractionService,
    deadLetters: DeadLetterPublisher,
  ) {
    if (!options.groupId) throw new Error('ExtractionConsumer needs MessagingOptions.groupId');
    this.consumer = new BatchEventConsumer({
      service: options.service,
      brokers: options.brokers,
      groupId: options.groupId,
      topic: Topics.documentReceived,
      type: DOCUMENT_RECEIVED,
      applyMany: (events) => extraction.applyMany(events),
      applyOne: (event) => extraction.onDocumentReceived(event),
      deadLetters,
      maxAttempts: options.maxAttempts,
      chunk: CHUNK,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.consumer.stop();
  }
}
