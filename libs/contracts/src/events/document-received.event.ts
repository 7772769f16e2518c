import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { Topics } from '../topics';
import { calendarDate, languageCode } from './common';

/** A document was stored by ingestion (once per distinct normalised text). */
export const DOCUMENT_RECEIVED = 'document.received.v1';

export const documentReceivedData = z.object({
  documentId: z.uuid(),
  title: z.string().max(1000).nullable(),
  language: languageCode.nullable(),
  published: calendarDate.nullable(),
  sourceUrl: z.url().nullable(),
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
  textLength: z.number().int().nonnegative(),
});
export type DocumentReceivedData = z.infer<typeof documentReceivedData>;

export const documentReceivedEvent = {
  type: DOCUMENT_RECEIVED,
  topic: Topics.documentReceived,
  schema: envelopeSchema(DOCUMENT_RECEIVED, documentReceivedData),
  key: (d: DocumentReceivedData) => d.documentId,
} as const;
