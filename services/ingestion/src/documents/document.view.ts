import type { DocumentEntity } from './entities/document.entity';

/** The HTTP shape of a stored document (entities are not API types). */
export function toDocumentView(d: DocumentEntity) {
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    published: d.published,
    sourceUrl: d.sourceUrl,
    mediaType: d.mediaType,
    origin: d.origin,
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
