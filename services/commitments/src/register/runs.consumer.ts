import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_EXTRACTED, Topics } from '@ct/contracts';
import {
  BatchConsumerProvider,
  DeadLetterPublisher,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '@ct/messaging';
import { RetractionService, RUNS_CONSUMER } from './retraction.service';

/** Reads documents.extracted (one event per extraction run) in its own consumer group. */
@Injectable()
export class RunsConsumer extends BatchConsumerProvider<typeof DOCUMENT_EXTRACTED> {
  constructor(
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    retraction: RetractionService,
    deadLetters: DeadLetterPublisher,
  ) {
    super(options, deadLetters, {
      topic: Topics.documentExtracted,
      type: DOCUMENT_EXTRACTED,
      groupId: RUNS_CONSUMER,
      clientId: `${options.service}-runs`,
      // One event per document: a batch is recorded and settled in one transaction.
      applyMany: (events) => retraction.onDocumentsExtracted(events),
      applyOne: (event) => retraction.onDocumentExtracted(event),
      partitionsConsumedConcurrently: 1,
    });
  }
}
