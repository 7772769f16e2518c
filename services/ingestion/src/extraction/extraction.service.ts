import { Inject, Injectable, Logger } from '@nestjs/common';
import { COMMITMENT_EXTRACTED, DOCUMENT_EXTRACTED, type EventOf } from '@ct/contracts';
import type { Extractor } from '@ct/extraction';
import { claimEvents, OutboxRelay, OutboxWriter, UnprocessableEventError } from '@ct/messaging';
import type { Transaction } from '@ct/persistence';
import { histogram } from '@ct/platform';
import { CONSUMER_GROUP, SCHEMA } from '../config/ingestion.env';
import { DocumentsRepository } from '../documents/documents.repository';
import type { DocumentEntity } from '../documents/entities/document.entity';
import { publishedAsGiven } from '../documents/publication-date';
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
    private readonly documents: DocumentsRepository,
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
    const counts = await this.documents.transaction(async (m) => {
      const claimed = await claimEvents(
        m,
        SCHEMA,
        CONSUMER_GROUP,
        events.map((e) => e.id),
      );
      const fresh = events.filter((e) => claimed.delete(e.id));
      if (fresh.length === 0) return [];
      const docs = await this.documents.findMany(
        m,
        fresh.map((e) => e.data.documentId),
      );
      const byId = new Map(docs.map((d) => [d.id, d]));
      const toRead = fresh.map((e) => {
        const doc = byId.get(e.data.documentId);
        if (!doc)
          throw new UnprocessableEventError(`document ${e.data.documentId} is not stored here`);
        return doc;
      });
      return this.extractAllInto(m, toRead);
    });
    if (counts.length === 0) {
      this.logger.log({ events: events.length }, 'document.received already processed');
      return;
    }
    this.logger.log(
      { documents: counts.length, commitments: counts.reduce((n, c) => n + c, 0) },
      'documents extracted',
    );
    this.relay.nudge();
  }

  /** The engine's name@version, as documents and sources record it. */
  engineVersion(): string {
    return `${this.extractor.name}@${this.extractor.version}`;
  }

  /** extractAllInto for one document; returns how many commitments it holds. */
  async extractInto(m: Transaction, doc: DocumentEntity): Promise<number> {
    const [count] = await this.extractAllInto(m, [doc]);
    return count;
  }

  /**
   * Run the engine over stored documents inside the caller's transaction:
   * one `commitment.extracted` per commitment (ids carry the engine version,
   * so a newer engine's results are new events and the same engine's are
   * the same events), one `document.extracted` per document, and each
   * document marked with the engine that read it: three statements for the
   * whole batch. Returns each document's number of commitments.
   */
  async extractAllInto(m: Transaction, docs: DocumentEntity[]): Promise<number[]> {
    if (docs.length === 0) return [];
    const extractedAt = new Date();
    const runs: ReturnType<ExtractionService['run']>[] = [];
    for (const doc of docs) {
      runs.push(this.run(doc));
      // Extraction is CPU work on the event loop: let HTTP requests in between
      // documents (a hostile one may take its whole time budget).
      await new Promise((r) => setImmediate(r));
    }
    await this.outbox.appendMany(
      m,
      COMMITMENT_EXTRACTED,
      runs.flatMap((r) => r.commitments),
    );
    await this.outbox.appendMany(
      m,
      DOCUMENT_EXTRACTED,
      runs.map((r) => ({
        data: {
          documentId: r.documentId,
          engine: r.engine,
          language: r.language,
          commitments: r.commitments.length,
          byKind: r.byKind,
          extractedAt: extractedAt.toISOString(),
          ...(r.truncated ? { truncated: true } : {}),
        },
        init: {
          id: `document-extracted:${r.documentId}:${r.engine.name}@${r.engine.version}`,
          subject: `documents/${r.documentId}`,
        },
      })),
    );
    await this.documents.markRead(
      m,
      extractedAt,
      runs.map((r) => ({
        documentId: r.documentId,
        engine: `${r.engine.name}@${r.engine.version}`,
        commitments: r.commitments.length,
        language: r.language,
      })),
    );
    return runs.map((r) => r.commitments.length);
  }

  /** The engine over one document, and the events that say what it found. */
  private run(doc: DocumentEntity) {
    const documentId = doc.id;
    const stop = extractionSeconds.startTimer({ engine: this.engineVersion() });
    const result = this.extractor.extract({
      text: doc.text,
      language: doc.language,
      // At its precision: "in May" after a report of 2024-07 is May 2025, after one of 2024 unknown.
      published: publishedAsGiven(doc.published, doc.publishedPrecision),
    });
    stop();
    if (result.truncated) {
      this.logger.warn(
        { documentId },
        'extraction time budget spent; the rest of the document was not read',
      );
    }
    // A corrected document is read anew: its reading carries the revision, so
    // its events are new ones and the register settles it as another reading.
    const engine =
      doc.revision > 0
        ? { ...result.engine, version: `${result.engine.version}+r${doc.revision}` }
        : result.engine;
    // Events first: a commitment whose deadline follows an event can then be
    // linked to that event's item, which already exists when it arrives.
    const ordered = [...result.commitments].sort(
      (a, b) => Number(b.kind === 'event') - Number(a.kind === 'event'),
    );
    const byKind = { mandate: 0, pledge: 0, event: 0 };
    for (const c of result.commitments) byKind[c.kind]++;
    return {
      documentId,
      engine,
      truncated: result.truncated,
      byKind,
      language: doc.language ?? (result.language === 'und' ? null : result.language),
      commitments: ordered.map((c, index) => ({
        data: {
          documentId,
          index,
          kind: c.kind,
          actor: c.actor,
          actorKeys: c.actorKeys,
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
    };
  }
}
