import { Injectable, Logger } from '@nestjs/common';
import type { EventOf } from '@ct/contracts';
import { claimEvents, OutboxRelay } from '@ct/messaging';
import { advisoryLocks, Transactions, type Transaction } from '@ct/persistence';
import { SCHEMA, SERVICE } from '../config/commitments.env';
import { TrackedItemsRepository } from '../tracked-items/tracked-items.repository';
import { ExtractionRunsRepository } from './extraction-runs.repository';
import { EXTRACTION } from './register-plan';

/** The consumer group of extraction runs, `commitments-runs`; also the name its claims go by. */
export const RUNS_GROUP = 'runs';
const RUNS_CONSUMER = `${SERVICE}-${RUNS_GROUP}`;

/** The lock that orders a document's registrations and the recording of its runs. */
export const runLockKey = (documentId: string) => `run:${documentId}`;

/**
 * When a document is extracted again by a newer engine, the items only the
 * older engines found in it are retracted: shown with status `retracted`, not
 * deleted, and found again they come back. A run supersedes the older ones
 * once all of its commitments are registered (its `document.extracted` and
 * its `commitment.extracted` events travel on different topics, in either
 * order). Items a coordinator has worked on (corrected by hand, or moved out
 * of their first status) are never retracted, nor are items another
 * document still supports.
 */
@Injectable()
export class RetractionService {
  private readonly logger = new Logger(RetractionService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly items: TrackedItemsRepository,
    private readonly runs: ExtractionRunsRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async onDocumentExtracted(event: EventOf<'document.extracted.v1'>): Promise<void> {
    await this.onDocumentsExtracted([event]);
  }

  /** Record a batch of extraction runs in one transaction and settle those that are complete. */
  async onDocumentsExtracted(events: EventOf<'document.extracted.v1'>[]): Promise<void> {
    const retracted = await this.transactions.run(async (tx) => {
      const claimed = await claimEvents(
        tx,
        SCHEMA,
        RUNS_CONSUMER,
        events.map((e) => e.id),
      );
      const runs = events.filter((e) => claimed.delete(e.id)).map((e) => e.data);
      if (runs.length === 0) return 0;
      await advisoryLocks(
        tx,
        runs.map((d) => runLockKey(d.documentId)),
      );
      await this.runs.record(
        tx,
        runs.map((d) => ({
          documentId: d.documentId,
          engine: `${d.engine.name}@${d.engine.version}`,
          commitments: d.commitments,
          extractedAt: d.extractedAt,
        })),
      );
      return this.settle(
        tx,
        runs.map((d) => d.documentId),
      );
    });
    if (retracted > 0) this.relay.nudge();
  }

  /**
   * Settle the pending runs of these documents whose commitments are all
   * registered: retract what they no longer find. Called when a run is
   * announced and after each batch of registrations. Returns how many items
   * were retracted.
   */
  async settle(tx: Transaction, documentIds: string[]): Promise<number> {
    const ready = await this.runs.complete(tx, documentIds);
    if (ready.length === 0) return 0;
    // Only a run over a document that another engine read can leave an item
    // without a current source: every other run is its document's first.
    const replacing = ready.filter((r) => r.replaces);
    const retracted = replacing.length > 0 ? await this.retractStale(tx, replacing) : 0;
    await this.runs.markSettled(tx, ready);
    return retracted;
  }

  private async retractStale(
    tx: Transaction,
    runs: { documentId: string; engine: string }[],
  ): Promise<number> {
    const stale = await this.runs.unsupportedItems(tx, runs);
    for (const { id, documentId, engine } of stale) {
      const item = await this.items.lockOne(tx, id);
      if (!item) continue;
      const from = item.status;
      item.status = 'retracted';
      await this.items.commit(
        tx,
        item,
        'status_changed',
        [{ field: 'status', from, to: 'retracted' }],
        {
          by: EXTRACTION,
          note: `not found by ${engine} when document ${documentId} was extracted again`,
          documentId,
        },
      );
    }
    if (stale.length > 0)
      this.logger.log({ runs: runs.length, retracted: stale.length }, 'items retracted');
    return stale.length;
  }
}
