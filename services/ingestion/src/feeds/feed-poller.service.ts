import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import Parser from 'rss-parser';
import { Serial } from '@ct/platform';
import { FileIngestService } from '../documents/file-ingest.service';
import { fromReceipt, refusalOrThrow, type IngestOutcome } from '../documents/ingest-outcome';
import { isoDate } from '@ct/formats';
import { FEEDS_OPTIONS, type FeedsOptions } from './feeds.options';
import { unlessAfterReceipt } from '../documents/publication-date';
import { FeedEntriesRepository } from './feed-entries.repository';
import { fetchLimited, FetchRefusedError } from './fetch-limited';

type Entry = Parser.Item & { id?: string; 'content:encoded'?: string };

/**
 * Polls RSS and Atom feeds (parsed by rss-parser) and ingests each new entry
 * once: the page it links to when there is one (read like any HTML page, so
 * the article without the site around it), else the entry's own content.
 * Entries are remembered per feed by guid, id or link, so a restart or an
 * entry that stays in the feed for weeks is not taken in twice.
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedPoller.name);
  private readonly parser = new Parser();
  private timer: NodeJS.Timeout | undefined;
  private readonly serial = new Serial();
  private round: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(FEEDS_OPTIONS) private readonly options: FeedsOptions,
    private readonly entries: FeedEntriesRepository,
    private readonly files: FileIngestService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.urls.length === 0) return;
    // A round still running when the next is due is not doubled: slow feeds cannot pile rounds up.
    const tick = () => {
      if (this.round) return;
      this.round = this.pollAll().finally(() => (this.round = undefined));
    };
    this.timer = setInterval(tick, this.options.intervalMs);
    tick();
    this.logger.log(
      { feeds: this.options.urls.length, intervalMs: this.options.intervalMs },
      'polling feeds',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.round;
    await this.serial.idle();
  }

  /** One round over every feed; a feed that fails is logged and tried at the next round. */
  async pollAll(): Promise<void> {
    for (const url of this.options.urls) {
      if (this.stopped) return;
      try {
        await this.poll(url);
      } catch (err) {
        this.logger.warn({ err, feed: url }, 'feed poll failed; trying again next round');
      }
    }
  }

  /** One feed, after any poll already running. */
  poll(feedUrl: string): Promise<{ ingested: number; duplicate: number; failed: number }> {
    return this.serial.run(() => this.pollOnce(feedUrl));
  }

  private async pollOnce(feedUrl: string) {
    const counts = { ingested: 0, duplicate: 0, failed: 0 };
    const { bytes } = await fetchLimited(
      feedUrl,
      this.options.timeoutMs,
      this.options.maxBytes,
      this.options.egress,
    );
    const feed = await this.parser.parseString(bytes.toString('utf8'));
    const entries = (feed.items as Entry[]).map((e) => ({ entry: e, key: entryKey(e) }));
    const known = await this.entries.known(
      feedUrl,
      entries.map((e) => e.key).filter((k): k is string => !!k),
    );
    for (const { entry, key } of entries) {
      if (this.stopped) break;
      if (!key || known.has(key)) continue;
      const outcome = await this.ingest(entry);
      counts[outcome.outcome]++;
      await this.entries.record(feedUrl, key, entry.link ?? null, outcome);
    }
    if (counts.ingested + counts.duplicate + counts.failed > 0) {
      this.logger.log({ feed: feedUrl, ...counts }, 'feed polled');
    }
    return counts;
  }

  private async ingest(entry: Entry): Promise<IngestOutcome> {
    const meta = {
      title: entry.title?.trim() || null,
      // A feed's date in the future is ignored, as a file's own is.
      published: unlessAfterReceipt(isoDate(entry.isoDate ?? entry.pubDate), new Date()),
      sourceUrl: entry.link && /^https?:/u.test(entry.link) ? entry.link : null,
      origin: 'feed' as const,
    };
    const inline = entry['content:encoded'] ?? entry.content;
    try {
      if (meta.sourceUrl) {
        const page = await fetchLimited(
          meta.sourceUrl,
          this.options.timeoutMs,
          this.options.maxBytes,
          this.options.egress,
        );
        return fromReceipt(
          await this.files.ingest(page.bytes, { ...meta, declaredType: page.contentType }),
        );
      }
      if (inline) {
        return fromReceipt(
          await this.files.ingest(Buffer.from(inline, 'utf8'), {
            ...meta,
            declaredType: 'text/html',
          }),
        );
      }
      return {
        outcome: 'failed',
        documentId: null,
        reason: 'the entry has neither a link nor content',
      };
    } catch (err) {
      if (err instanceof FetchRefusedError)
        return { outcome: 'failed', documentId: null, reason: err.message };
      return refusalOrThrow(err);
    }
  }
}

/** An entry's identity within its feed: guid (RSS), id (Atom), else its link. */
function entryKey(e: Entry): string | null {
  return e.guid ?? e.id ?? e.link ?? null;
}
