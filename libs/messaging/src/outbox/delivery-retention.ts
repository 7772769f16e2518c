import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quoteIdent } from '@ct/persistence';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';

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
export class DeliveryRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetention.name);
  private readonly schema: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.schema = quoteIdent(options.outboxSchema ?? 'public');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.safely(), HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass; returns how many rows of each table went. */
  async prune(now = new Date()): Promise<{ outbox: number; processed: number }> {
    const { outboxHours = 24, processedDays = 8 } = this.options.retention ?? {};
    const sentBefore = new Date(now.getTime() - outboxHours * HOUR).toISOString();
    const claimedBefore = new Date(now.getTime() - processedDays * 24 * HOUR).toISOString();
    const outbox = await this.inChunks(
      `DELETE FROM ${this.schema}.outbox WHERE seq IN (
         SELECT seq FROM ${this.schema}.outbox WHERE published_at < $1 LIMIT ${CHUNK})`,
      sentBefore,
    );
    const processed = await this.inChunks(
      `DELETE FROM ${this.schema}.processed_events WHERE ctid IN (
         SELECT ctid FROM ${this.schema}.processed_events WHERE processed_at < $1 LIMIT ${CHUNK})`,
      claimedBefore,
    );
    return { outbox, processed };
  }

  private async inChunks(sql: string, before: string): Promise<number> {
    let total = 0;
    for (;;) {
      const [, n] = (await this.dataSource.query(sql, [before])) as [unknown, number];
      total += n;
      if (n < CHUNK) return total;
    }
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
