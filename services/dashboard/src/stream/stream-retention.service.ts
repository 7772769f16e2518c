import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@ct/platform';
import { STREAM_OPTIONS, type StreamOptions } from './stream.options';
import { StreamEventsRepository } from './stream-events.repository';

const HOUR = 3_600_000;

/** Keeps the stream's store to its retention: events older than that are no longer replayed. */
@Injectable()
export class StreamRetention extends PeriodicJob {
  private readonly logger = new Logger(StreamRetention.name);

  constructor(
    private readonly store: StreamEventsRepository,
    @Inject(STREAM_OPTIONS) private readonly options: StreamOptions,
  ) {
    super(HOUR);
  }

  protected runJob(): Promise<number> {
    return this.prune();
  }

  async prune(): Promise<number> {
    try {
      const n = await this.store.prune(this.options.retentionDays);
      if (n > 0)
        this.logger.log(
          { removed: n, retentionDays: this.options.retentionDays },
          'old stream events removed',
        );
      return n;
    } catch (err) {
      this.logger.warn({ err }, 'stream retention failed; trying again in an hour');
      return 0;
    }
  }
}
