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
      // Few events, each its own transaction: a run settles independently of the others.
      applyMany: async (events) => {
        for (const e of events) await retraction.onDocumentExtracted(e);
      },
      applyOne: (event) => retraction.onDocumentExtracted(event),
      partitionsConsumedConcurrently: 1,
    });
  }
}
