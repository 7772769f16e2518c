import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DOCUMENT_EXTRACTED, Topics } from '@ct/contracts';
import {
  BatchEventConsumer,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { RetractionService, RUNS_CONSUMER } from './retraction.service';

/** Reads documents.extracted (one event per extraction run) in its own consumer group. */
@Injectable()
export class RunsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: BatchEventConsumer<typeof DOCUMENT_EXTRACTED>;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    retraction: RetractionService,
    deadLetters: DeadLetterPublisher,
  ) {
    const applyOne = (e: Parameters<RetractionService['onDocumentExtracted']>[0]) =>
      retraction.onDocumentExtracted(e);
    this.consumer = new BatchEventConsumer({
      service: `${options.service}-runs`,
      brokers: options.brokers,
      groupId: RUNS_CONSUMER,
      topic: Topics.documentExtracted,
      type: DOCUMENT_EXTRACTED,
      // Few events, each its own transaction: a run settles independently of the others.
      applyMany: async (events) => {
        for (const e of events) await applyOne(e);
      },
      applyOne,
      deadLetters,
      maxAttempts: options.maxAttempts,
      partitionsConsumedConcurrently: 1,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.consumer.stop();
  }
}
