import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { COMMITMENT_EXTRACTED, DOCUMENT_EXTRACTED, type EventOf } from '@ct/contracts';
import type { Extractor } from '@ct/extraction';
import { claimEvents, OutboxRelay, OutboxWriter, UnprocessableEventError } from '@ct/messaging';
import { histogram } from '@ct/platform';
import { CONSUMER_GROUP, SCHEMA } from '../config/ingestion.env';
import { DocumentEntity } from '../documents/entities/document.entity';
import { EXTRACTOR } from './extractor.provider';

const extractionSeconds = histogram({
  name: 'ct_extraction_seconds',
  help: 'Time the engine took over one document',
  labelNames: ['engine'] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
});

@Injectable()
export class ExtractionService {
  private readonly logger = new Logger(ExtractionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EXTRACTOR) private readonly extractor: Extractor,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  /** One received document in its own transaction (see applyMany). */
  async onDocumentReceived(event: EventOf<'document.received.v1'>): Promise<void> {
    await this.applyMany([event]);
  }

  /**
   * Extract the commitments of received documents and queue one
   * `commitment.extracted` event each, in the transaction that marks their
   * `document.received` events processed (one for the batch): a redelivery
   * extracts nothing twice. A document this service never stored is another
   * database's event: no retry helps, so it is unprocessable.
   */
  async applyMany(events: EventOf<'document.received.v1'>[]): Promise<void> {
    const counts = await this.dataSource.transaction(async (m) => {
      const claimed = await claimEvents(
        m,
        SCHEMA,
        CONSUMER_GROUP,
        events.map((e) => e.id),
      );
      const fresh = events.filter((e) => claimed.delete(e.id));
      if (fresh.length === 0) return [];
      const docs = await m.findBy(DocumentEntity, { id: In(fresh.map((e) => e.data.documentId)) });
      const byId = new Map(docs.map((d) => [d.id, d]));
      const done: { documentId: string; commitments: number }[] = [];
      for (const e of fresh) {
        const doc = byId.get(e.data.documentId);
        if (!doc)
          throw new UnprocessableEventError(`document ${e.data.documentId} is not stored here`);
        done.push({ documentId: doc.id, commitments: await this.extractInto(m, doc) });
      }
      return done;
    });
    if (counts.length === 0) {
      this.logger.log({ events: events.length }, 'document.received already processed');
      return;
    }
    this.logger.log(
      { documents: counts.length, commitments: counts.reduce((n, c) => n + c.commitments, 0) },
      'documents extracted',
    );
    this.relay.nudge();
  }

  /** The engine's name@version, as documents and sources record it. */
  engineVersion(): string {
    return `${this.extractor.name}@${this.extractor.version}`;
  }

  /**
   * Run the engine over a stored document inside the caller's transaction:
   * one `commitment.extracted` per commitment (ids carry the engine version,
   * so a newer engine's results are new events and the same engine's are
   * the same events), one `document.extracted` for the run, and the
   * document marked with the engine that read it.
   */
  async extractInto(m: EntityManager, doc: DocumentEntity): Promise<number> {
    const documentId = doc.id;
    const stop = extractionSeconds.startTimer({ engine: this.engineVersion() });
    const result = this.extractor.extract({
      text: doc.text,
      language: doc.language,
      published: doc.published,
    });
    stop();
    if (result.truncated) {
      this.logger.warn(
        { documentId },
        'extraction time budget spent; the rest of the document was not read',
      );
    }
    const engine = result.engine;
    // Events first: a commitment whose deadline follows an event can then be
    // linked to that event's item, which already exists when it arrives.
    const ordered = [...result.commitments].sort(
      (a, b) => Number(b.kind === 'event') - Number(a.kind === 'event'),
    );
    await this.outbox.appendMany(
      m,
      COMMITMENT_EXTRACTED,
      ordered.map((c, index) => ({
        data: {
          documentId,
          index,
          kind: c.kind,
          actor: c.actor,
          action: c.action,
          evidence: c.evidence,
          deadline: c.deadline,
          deadlineSource: c.deadlineSource,
          language: result.language,
          confidence: c.confidence,
          published: doc.published,
          engine,
          meeting: c.meeting,
          dependsOn: c.dependsOn,
        },
        init: {
          id: `extracted:${documentId}:${engine.name}@${engine.version}:${index}`,
          subject: `documents/${documentId}`,
        },
      })),
    );
    const extractedAt = new Date();
    const language = doc.language ?? (result.language === 'und' ? null : result.language);
    const byKind = { mandate: 0, pledge: 0, event: 0 };
    for (const c of result.commitments) byKind[c.kind]++;
    await this.outbox.append(
      m,
      DOCUMENT_EXTRACTED,
      {
        documentId,
        engine,
        language,
        commitments: result.commitments.length,
        byKind,
        extractedAt: extractedAt.toISOString(),
        ...(result.truncated ? { truncated: true } : {}),
      },
      {
        id: `document-extracted:${documentId}:${engine.name}@${engine.version}`,
        subject: `documents/${documentId}`,
      },
    );
    await m.update(DocumentEntity, documentId, {
      extractedAt,
      engineVersion: `${engine.name}@${engine.version}`,
      commitmentCount: result.commitments.length,
      language,
    });
    return result.commitments.length;
  }
}
