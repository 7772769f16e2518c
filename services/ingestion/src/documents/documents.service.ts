import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DOCUMENT_RECEIVED } from '@ct/contracts';
import { datelineDate, detectLanguage } from '@ct/extraction';
import { OutboxRelay, OutboxWriter } from '@ct/messaging';
import { DocumentTooLargeError, UnreadableDocumentError } from '@ct/formats';
import { latestPublicationDate, parsePublished, unlessAfterReceipt } from './publication-date';
import type { DocumentReceipt } from './dto/create-document.dto';
import { DocumentsRepository } from './documents.repository';
import type { DocumentEntity, DocumentOrigin } from './entities/document.entity';
import { MAX_DOCUMENT_CHARS } from './documents.tokens';
import { contentHash } from './normalise';

/** A document's text and what is known of it, from any way in. */
export interface DocumentInput {
  text: string;
  title?: string | null;
  language?: string | null;
  published?: string | null;
  sourceUrl?: string | null;
  mediaType?: string;
  origin?: DocumentOrigin;
  /** The signed-in sender; none for the folder and feeds. */
  receivedBy?: string | null;
  fileName?: string | null;
  fileHash?: string | null;
}

/** Fewer letters than this say too little to tell a language by. */
const MIN_LETTERS_FOR_LANGUAGE = 40;

@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    @Inject(MAX_DOCUMENT_CHARS) private readonly maxChars: number,
  ) {}

  /**
   * Store a document once per normalised text and announce it. The row and
   * its `document.received` event are committed together; a text seen before
   * returns the existing document and announces nothing. The language is
   * detected and the publication date read from a dateline when not given.
   */
  async receive(input: DocumentInput): Promise<DocumentReceipt> {
    const text = input.text;
    if (text.length > this.maxChars) {
      throw new DocumentTooLargeError(
        `the document's text has ${text.length} characters, more than the limit of ${this.maxChars}`,
      );
    }
    if (!text.trim()) throw new UnreadableDocumentError('the document has no text');
    if (text.includes('\u0000'))
      throw new UnreadableDocumentError('the text contains NUL bytes (binary data)');
    const hash = contentHash(text);
    const language = input.language ?? guessLanguage(text);
    // As precisely as the sender knows it (2024, 2024-07, 2024-07-06); else the dateline's day.
    const given = input.published ? parsePublished(input.published) : null;
    if (input.published && !given) {
      throw new UnreadableDocumentError(`published "${input.published}" is not a calendar date`);
    }
    const latest = latestPublicationDate(new Date());
    if (given && given.date > latest) {
      throw new UnreadableDocumentError(
        `published ${input.published} is later than the day it was received (${latest} at the latest): a report cannot be published in the future`,
      );
    }
    // A dateline in the future is a misreading or a trick; the report then has no known date.
    const published = given?.date ?? unlessAfterReceipt(datelineDate(text, language), new Date());
    const publishedPrecision = given ? given.precision : published ? 'day' : null;
    const receipt = await this.documents.transaction(async (m) => {
      const { id, duplicate } = await this.documents.insertOnce(m, {
        title: input.title ?? null,
        text,
        language,
        published,
        publishedPrecision,
        sourceUrl: input.sourceUrl ?? null,
        mediaType: input.mediaType ?? 'text/plain',
        origin: input.origin ?? 'api',
        receivedBy: input.receivedBy ?? null,
        fileName: input.fileName ?? null,
        fileHash: input.fileHash ?? null,
        contentHash: hash,
      });
      if (duplicate) return { id, duplicate: true, contentHash: hash };
      await this.outbox.append(
        m,
        DOCUMENT_RECEIVED,
        {
          documentId: id,
          title: input.title ?? null,
          language,
          published,
          sourceUrl: input.sourceUrl ?? null,
          contentHash: hash,
          textLength: text.length,
        },
        { subject: `documents/${id}` },
      );
      return { id, duplicate: false, contentHash: hash };
    });
    if (!receipt.duplicate) this.relay.nudge();
    return receipt;
  }

  async get(id: string): Promise<DocumentEntity> {
    const doc = await this.documents.findOne(id);
    if (!doc) throw new NotFoundException(`document ${id} not found`);
    return doc;
  }

  /** A page of the stored documents, newest first (see DocumentsRepository.page). */
  page(q: string | null, limit: number, offset: number, cap: number) {
    return this.documents.page(q, limit, offset, cap);
  }
}

function guessLanguage(text: string): string | null {
  const letters = text.slice(0, 5000).match(/\p{L}/gu)?.length ?? 0;
  return letters >= MIN_LETTERS_FOR_LANGUAGE ? detectLanguage(text) : null;
}
