import type { DocumentSummary, DocumentView } from '@ct/contracts';
import type { DocumentSummaryRow } from './documents.repository';
import type { DocumentEntity } from './entities/document.entity';
import { publishedAsGiven } from './publication-date';

/** The HTTP shape of a stored document (entities are not API types). */
export function toDocumentView(d: DocumentEntity): DocumentView {
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    /** At the precision it is known: 2024, 2024-07 or 2024-07-06. */
    published: publishedAsGiven(d.published, d.publishedPrecision),
    sourceUrl: d.sourceUrl,
    mediaType: d.mediaType,
    origin: d.origin,
    receivedBy: d.receivedBy,
    fileName: d.fileName,
    fileHash: d.fileHash,
    contentHash: d.contentHash,
    receivedAt: d.receivedAt.toISOString(),
    extraction: d.extractedAt
      ? {
          at: d.extractedAt.toISOString(),
          engineVersion: d.engineVersion,
          commitments: d.commitmentCount,
        }
      : null,
    text: d.text,
  };
}

/** A stored document in a list: what identifies it, without its text. */
export function toDocumentSummary(d: DocumentSummaryRow): DocumentSummary {
  return {
    id: d.id,
    title: d.title,
    fileName: d.fileName,
    language: d.language,
    published: publishedAsGiven(d.published, d.publishedPrecision),
    receivedAt: d.receivedAt.toISOString(),
    commitments: d.commitmentCount,
  };
}
