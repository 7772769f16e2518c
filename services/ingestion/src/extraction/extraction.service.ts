import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { COMMITMENT_EXTRACTED, DOCUMENT_EXTRACTED, type EventOf } from '@ct/contracts';
import type { Extractor } from '@ct/extraction';
import { claimEvent, OutboxRelay, OutboxWriter, UnprocessableEventError } from '@ct/messaging';
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

  /**
   * Extract the commitments of a received document and queue one
   * `commitment.extracted` event each, in the same transaction that marks the
   * `document.received` event processed: a redelivery extracts nothing twice.
   */
  async onDocumentReceived(event: EventOf<'document.received.v1'>): Promise<void> {
    const { documentId } = event.data;
    const count = await this.dataSource.transaction(async (m) => {
      if (!(await claimEvent(m, SCHEMA, CONSUMER_GROUP, event.id))) return null;
      const doc = await m.findOneBy(DocumentEntity, { id: documentId });
      // The outbox commits a document with its event, so this is another database's event: no retry helps.
      if (!doc) throw new UnprocessableEventError(`document ${documentId} is not stored here`);
      return this.extractInto(m, doc);
    });
    if (count === null) {
      this.logger.log({ documentId, eventId: event.id }, 'document.received already processed');
      return;
    }
    this.logger.log({ documentId, commitments: count }, 'document extracted');
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
