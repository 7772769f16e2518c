import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { Topics } from '../topics';
import { languageCode } from './common';

/**
 * An extraction run over a stored document finished: how many commitments of
 * each kind the engine found, and which engine. Each run (first extraction
 * or a reprocessing with a newer engine) is one event.
 */
export const DOCUMENT_EXTRACTED = 'document.extracted.v1';

export const documentExtractedData = z.object({
  documentId: z.uuid(),
  engine: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  language: languageCode.nullable(),
  commitments: z.number().int().nonnegative(),
  byKind: z.object({
    mandate: z.number().int().nonnegative(),
    pledge: z.number().int().nonnegative(),
    event: z.number().int().nonnegative(),
  }),
  extractedAt: z.iso.datetime(),
  /** The engine's time budget ran out: the end of the document was not read. */
  truncated: z.boolean().optional(),
});
export type DocumentExtractedData = z.infer<typeof documentExtractedData>;

export const documentExtractedEvent = {
  type: DOCUMENT_EXTRACTED,
  topic: Topics.documentExtracted,
  schema: envelopeSchema(DOCUMENT_EXTRACTED, documentExtractedData),
  key: (d: DocumentExtractedData) => d.documentId,
} as const;
