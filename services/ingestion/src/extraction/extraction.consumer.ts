import { DOCUMENT_RECEIVED } from '@ct/contracts';
import { batchConsumer } from '@ct/messaging';
import { ExtractionService } from './extraction.service';

/**
 * Reads documents.received in batches (several documents per transaction)
 * rather than through the Nest transport's one-message-at-a-time loop.
 * Extraction is CPU work: chunks stay small so heartbeats stay regular.
 */
export const ExtractionConsumer = batchConsumer({
  name: 'ExtractionConsumer',
  types: DOCUMENT_RECEIVED,
  handler: ExtractionService,
  apply: (extraction, events) => extraction.applyMany(events),
  chunk: 50,
});
