import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { readDocument, type ReadLimits } from '@ct/formats';
import { READ_LIMITS } from './documents.tokens';
import type { DocumentReceipt } from './dto/create-document.dto';
import { DocumentsService, type DocumentInput } from './documents.service';
import { unlessAfterReceipt } from './publication-date';

export interface FileMeta extends Omit<DocumentInput, 'text' | 'mediaType' | 'fileHash'> {
  /** The media type the sender declared (Content-Type), if any. */
  declaredType?: string | null;
}

/**
 * Every way a file comes in (upload, CLI, watched folder, feed) goes through
 * here: read its text by format, then store it once. What the sender says
 * about the document wins over what the file's metadata says.
 */
@Injectable()
export class FileIngestService {
  constructor(
    private readonly documents: DocumentsService,
    @Inject(READ_LIMITS) private readonly limits: ReadLimits,
  ) {}

  async ingest(bytes: Buffer, meta: FileMeta): Promise<DocumentReceipt> {
    const read = await readDocument(bytes, meta.declaredType, meta.fileName, this.limits);
    // A file's own date in the future is ignored (the sender's is refused instead).
    const fileDate = unlessAfterReceipt(read.published, new Date());
    return this.documents.receive({
      ...meta,
      text: read.text,
      title: meta.title ?? read.title ?? meta.fileName ?? null,
      published: meta.published ?? fileDate,
      mediaType: read.mediaType,
      fileHash: createHash('sha256').update(bytes).digest('hex'),
    });
  }
}
