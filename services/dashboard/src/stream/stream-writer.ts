import { Injectable } from '@nestjs/common';
import type { EventOf } from '@ct/contracts';
import { Transactions } from '@ct/persistence';
import { ItemSnapshotsRepository } from '../items/item-snapshots.repository';
import { StreamEventsRepository, type Streamed } from './stream-events.repository';

/** What the dashboard's consumers write, a batch per transaction. */
@Injectable()
export class StreamWriter {
  constructor(
    private readonly transactions: Transactions,
    private readonly snapshots: ItemSnapshotsRepository,
    private readonly stream: StreamEventsRepository,
  ) {}

  /**
   * Item changes feed the register's read model first, then the stream, so
   * that a page refreshing on a streamed event reads the new state. Both
   * writes are idempotent: a redelivered batch changes nothing.
   */
  changes(events: EventOf<'commitment.changed.v1'>[]): Promise<void> {
    return this.transactions.run(async (tx) => {
      await this.snapshots.applyMany(
        tx,
        events.map((e) => e.data),
      );
      await this.stream.addMany(tx, events);
    });
  }

  /** Alert events go to the stream only. */
  alerts(events: Streamed[]): Promise<void> {
    return this.transactions.run((tx) => this.stream.addMany(tx, events));
  }
}
