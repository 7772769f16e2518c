import { DocumentRefusal } from '@ct/formats';
import type { DocumentReceipt } from './dto/create-document.dto';

/** What became of one file or feed entry, as the folder and feed tables record it. */
export interface IngestOutcome {
  outcome: 'ingested' | 'duplicate' | 'failed';
  documentId: string | null;
  reason: string | null;
}

export const fromReceipt = (r: DocumentReceipt): IngestOutcome => ({
  outcome: r.duplicate ? 'duplicate' : 'ingested',
  documentId: r.id,
  reason: null,
});

/**
 * A refusal that trying again will not change (the document itself is the
 * problem) becomes a recorded failure; anything else (database or network
 * down) is rethrown so the file or entry is tried again later.
 */
export function refusalOrThrow(err: unknown): IngestOutcome {
  if (err instanceof DocumentRefusal) {
    return { outcome: 'failed', documentId: null, reason: err.message };
  }
  throw err;
}
