import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Serial } from '@ct/platform';
import { FileIngestService } from '../documents/file-ingest.service';
import { fromReceipt, refusalOrThrow, type IngestOutcome } from '../documents/ingest-outcome';
import { WATCH_OPTIONS, type WatchOptions } from './watch.options';
import { WatchedFilesRepository } from './watched-files.repository';

const ACCEPTED = new Set(['.txt', '.text', '.md', '.html', '.htm', '.pdf', '.docx']);
/** A file changed more recently than this may still be being written. */
const SETTLE_MS = 1000;

/**
 * Ingests every document file dropped into the watched folder (and its
 * subfolders) once. What was taken in is recorded by path, size, time and
 * hash, so a restart rescans without repeating anything and a file replaced
 * by a new version is read again. fs.watch makes a scan prompt; the periodic
 * scan catches what it misses (network filesystems, files still being
 * written, changes while the service was down).
 */
@Injectable()
export class FolderWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FolderWatcher.name);
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly serial = new Serial();
  private stopped = false;

  constructor(
    @Inject(WATCH_OPTIONS) private readonly options: WatchOptions,
    private readonly watched: WatchedFilesRepository,
    private readonly files: FileIngestService,
  ) {}

  onApplicationBootstrap(): void {
    const dir = this.options.dir;
    if (!dir) return;
    if (this.options.events) this.watchEvents(dir);
    this.timer = setInterval(() => this.trigger(), this.options.intervalMs);
    this.trigger();
    this.logger.log({ dir, intervalMs: this.options.intervalMs }, 'watching folder for documents');
  }

  private watchEvents(dir: string): void {
    try {
      this.watcher = watch(dir, { recursive: true }, () => this.trigger());
      this.watcher.on('error', (err) =>
        this.logger.warn({ err, dir }, 'folder watch failed; scanning on a timer only'),
      );
    } catch (err) {
      this.logger.warn({ err, dir }, 'cannot watch folder; scanning on a timer only');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    await this.serial.idle();
  }

  /** Ask for a scan; requests made while one waits to run are one scan. */
  trigger(): void {
    if (this.stopped) return;
    this.serial
      .request(() => this.scanOnce())
      ?.then(({ unsettled }) => {
        if (unsettled) setTimeout(() => this.trigger(), SETTLE_MS);
      })
      .catch((err: unknown) => this.logger.warn({ err }, 'folder scan failed; trying again later'));
  }

  /** One pass over the folder, after any pass already running: what is new or changed is ingested. */
  async scan(): Promise<{ ingested: number; duplicate: number; failed: number }> {
    const { ingested, duplicate, failed } = await this.serial.run(() => this.scanOnce());
    return { ingested, duplicate, failed };
  }

  private async scanOnce() {
    const counts = { ingested: 0, duplicate: 0, failed: 0 };
    const dir = this.options.dir!;
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const paths = entries
      .filter((e) => e.isFile() && ACCEPTED.has(extname(e.name).toLowerCase()))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    const seen = await this.watched.all();
    let unsettled = false;
    for (const path of paths) {
      if (this.stopped) break;
      const info = await stat(path).catch(() => null);
      if (!info) continue; // gone since the listing
      const before = seen.get(path);
      if (
        before &&
        before.size === String(info.size) &&
        before.modified_at.getTime() === info.mtime.getTime()
      )
        continue;
      if (Date.now() - info.mtimeMs < SETTLE_MS) {
        unsettled = true;
        continue;
      }
      if (info.size > this.options.maxBytes) {
        const reason = `the file is larger than the upload limit of ${this.options.maxBytes} bytes`;
        counts.failed++;
        this.logger.warn({ path, reason }, 'file refused');
        // Not read at all: remembered by size and time, with no hash of its content.
        await this.watched.record(path, info.size, info.mtime, '-'.repeat(64), {
          outcome: 'failed',
          documentId: null,
          reason,
        });
        continue;
      }
      const bytes = await readFile(path);
      const hash = createHash('sha256').update(bytes).digest('hex');
      let outcome: IngestOutcome | null = null;
      if (before?.file_hash !== hash) {
        outcome = await this.files
          .ingest(bytes, { fileName: relative(dir, path), origin: 'folder' })
          .then(fromReceipt, refusalOrThrow);
        counts[outcome.outcome]++;
        if (outcome.outcome === 'failed')
          this.logger.warn({ path, reason: outcome.reason }, 'file refused');
      }
      await this.watched.record(path, info.size, info.mtime, hash, outcome);
    }
    if (counts.ingested + counts.duplicate + counts.failed > 0) {
      this.logger.log({ dir, ...counts }, 'watched folder scanned');
    }
    return { ...counts, unsettled };
  }
}
