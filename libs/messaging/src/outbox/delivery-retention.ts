import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@ct/platform';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { OutboxRepository } from './outbox.repository';

const HOUR = 3_600_000;
const CHUNK = 10_000;

/**
 * Keeps the delivery tables from growing without bound: outbox rows already
 * published go after `outboxHours`; processed-event claims after
 * `processedDays`, which must outlast the broker's retention (7 days by
 * default), since a claim only matters while its event can still be
 * redelivered. Deleted in chunks, so no pass holds many row locks.
 */
@Injectable()
export class DeliveryRetention extends PeriodicJob {
  private readonly logger = new Logger(DeliveryRetention.name);

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    super(HOUR);
  }

  protected runJob(): Promise<void> {
    return this.safely();
  }

  /** One pass; returns how many rows of each table went. */
  async prune(now = new Date()): Promise<{ outbox: number; processed: number }> {
    const { outboxHours = 24, processedDays = 8 } = this.options.retention ?? {};
    const sentBefore = new Date(now.getTime() - outboxHours * HOUR);
    const claimedBefore = new Date(now.getTime() - processedDays * 24 * HOUR);
    const outbox = await inChunks(() => this.outbox.prunePublished(sentBefore, CHUNK));
    const processed = await inChunks(() => this.outbox.pruneClaims(claimedBefore, CHUNK));
    return { outbox, processed };
  }

  private async safely(): Promise<void> {
    try {
      const n = await this.prune();
      if (n.outbox + n.processed > 0) this.logger.log(n, 'old delivery rows removed');
    } catch (err) {
      this.logger.warn({ err }, 'delivery retention failed; trying again in an hour');
    }
  }
}

/** Repeat a chunked delete until a chunk comes back short; the total deleted. */
async function inChunks(deleteChunk: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deleteChunk();
    total += n;
    if (n < CHUNK) return total;
  }
}
