import { DOCUMENT_EXTRACTED } from '@ct/contracts';
import { batchConsumer } from '@ct/messaging';
import { RetractionService, RUNS_GROUP } from './retraction.service';

/** Reads documents.extracted (one event per extraction run) in its own consumer group. */
export const RunsConsumer = batchConsumer({
  name: 'RunsConsumer',
  types: DOCUMENT_EXTRACTED,
  handler: RetractionService,
  apply: (retraction, events) => retraction.onDocumentsExtracted(events),
  group: RUNS_GROUP,
  // One event per document: a batch is recorded and settled in one transaction.
  partitionsConsumedConcurrently: 1,
});
