import { Injectable, Logger } from '@nestjs/common';
import { OutboxRelay } from '@ct/messaging';
import { DocumentsRepository } from '../documents/documents.repository';
import { ExtractionService } from './extraction.service';

export interface ReprocessOptions {
  /** Only documents received on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Also documents the current engine has already read. */
  force?: boolean;
}

export interface ReprocessReport {
  engine: string;
  documents: number;
  reprocessed: number;
  skipped: number;
  commitments: number;
}

const PAGE = 100;

/**
 * Re-runs extraction over stored documents after the engine improved. Each
 * document is its own transaction (its events and its new engine mark commit
 * together, so an interrupted run resumes where it stopped: documents already
 * read by this engine are skipped). The commitments service adds what is new
 * and retracts what the new engine no longer finds.
 */
@Injectable()
export class ReprocessService {
  private readonly logger = new Logger(ReprocessService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly extraction: ExtractionService,
    private readonly relay: OutboxRelay,
  ) {}

  async reprocess(opts: ReprocessOptions = {}): Promise<ReprocessReport> {
    const engine = this.extraction.engineVersion();
    const report: ReprocessReport = {
      engine,
      documents: 0,
      reprocessed: 0,
      skipped: 0,
      commitments: 0,
    };
    // Keyset pages, in the order documents were received.
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const page = await this.documents.receivedPage(opts.since ?? null, after, PAGE);
      if (page.length === 0) break;
      for (const d of page) {
        report.documents++;
        const count = await this.documents.transaction(async (m) => {
          // Locked, and read again: another run may have got here first.
          const doc = await this.documents.lockOne(m, d.id);
          // A corrected document's reading carries its revision ("rules@1.0.0+r1").
          const current = doc && (doc.revision > 0 ? `${engine}+r${doc.revision}` : engine);
          if (!doc || (doc.engineVersion === current && !opts.force)) return null;
          return this.extraction.extractInto(m, doc);
        });
        if (count === null) report.skipped++;
        else {
          report.reprocessed++;
          report.commitments += count;
        }
      }
      this.relay.nudge();
      after = page[page.length - 1];
    }
    this.logger.log(report, 'reprocessing finished');
    return report;
  }
}
