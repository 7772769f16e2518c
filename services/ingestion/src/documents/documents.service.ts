import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DOCUMENT_RECEIVED } from '@ct/contracts';
import { OutboxRelay, OutboxWriter } from '@ct/messaging';
import type { CreateDocumentDto, DocumentReceipt } from './dto/create-document.dto';
import { DocumentEntity } from './entities/document.entity';
import { contentHash } from './normalise';

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Store a document once per normalised text and announce it. The row and
   * its `document.received` event are committed together; a text seen before
   * returns the existing document and announces nothing.
   */
  async receive(dto: CreateDocumentDto, mediaType = 'text/plain'): Promise<DocumentReceipt> {
    const hash = contentHash(dto.text);
    const receipt = await this.dataSource.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(DocumentEntity)
        .values({
          title: dto.title ?? null,
          text: dto.text,
          language: dto.language ?? null,
          published: dto.published ?? null,
          sourceUrl: dto.sourceUrl ?? null,
          mediaType,
          contentHash: hash,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const rows = inserted.raw as { id: string }[];
      if (rows.length === 0) {
        const existing = await m.findOneByOrFail(DocumentEntity, { contentHash: hash });
        return { id: existing.id, duplicate: true, contentHash: hash };
      }
      const id = rows[0].id;
      await this.outbox.append(
        m,
        DOCUMENT_RECEIVED,
        {
          documentId: id,
          title: dto.title ?? null,
          language: dto.language ?? null,
          published: dto.published ?? null,
          sourceUrl: dto.sourceUrl ?? null,
          contentHash: hash,
          textLength: dto.text.length,
        },
        { subject: `documents/${id}` },
      );
      return { id, duplicate: false, contentHash: hash };
    });
    if (!receipt.duplicate) this.relay.nudge();
    return receipt;
  }

  async get(id: string): Promise<DocumentEntity> {
    const doc = await this.dataSource.getRepository(DocumentEntity).findOneBy({ id });
    if (!doc) throw new NotFoundException(`document ${id} not found`);
    return doc;
  }
}
