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
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { quoteIdent } from '@ct/persistence';
import { Serial } from '@ct/platform';
import { SCHEMA } from '../config/ingestion.env';
import { FileIngestService } from '../documents/file-ingest.service';
import { fromReceipt, refusalOrThrow, type IngestOutcome } from '../documents/ingest-outcome';
import { WATCH_OPTIONS, type WatchOptions } from './watch.options';

const ACCEPTED = new Set(['.txt', '.text', '.md', '.html', '.htm', '.pdf', '.docx']);
/** A file changed more recently than this may still be being written. */
const SETTLE_MS = 1000;

interface Seen {
  size: string;
  modified_at: Date;
  file_hash: string;
}

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
  private readonly table = `${quoteIdent(SCHEMA)}.watched_files`;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly serial = new Serial();
  private stopped = false;

  constructor(
    @Inject(WATCH_OPTIONS) private readonly options: WatchOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const seen = await this.seen();
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
        await this.record(path, info.size, info.mtime, '-'.repeat(64), {
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
      await this.record(path, info.size, info.mtime, hash, outcome);
    }
    if (counts.ingested + counts.duplicate + counts.failed > 0) {
      this.logger.log({ dir, ...counts }, 'watched folder scanned');
    }
    return { ...counts, unsettled };
  }

  private async seen(): Promise<Map<string, Seen>> {
    const rows: (Seen & { path: string })[] = await this.dataSource.query(
      `SELECT path, size::text AS size, modified_at, file_hash FROM ${this.table}`,
    );
    return new Map(rows.map((r) => [r.path, r]));
  }

  /** Remember a file; an unchanged file (same hash, new timestamp) keeps its outcome. */
  private async record(
    path: string,
    size: number,
    modified: Date,
    hash: string,
    o: IngestOutcome | null,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.table} (path, size, modified_at, file_hash, document_id, outcome, reason)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6, 'ingested'), $7)
       ON CONFLICT (path) DO UPDATE SET size = $2, modified_at = $3, file_hash = $4, seen_at = now(),
         document_id = CASE WHEN $6::text IS NULL THEN ${this.table}.document_id ELSE $5 END,
         outcome = COALESCE($6, ${this.table}.outcome),
         reason = CASE WHEN $6::text IS NULL THEN ${this.table}.reason ELSE $7 END`,
      [
        path,
        size,
        modified.toISOString(),
        hash,
        o?.documentId ?? null,
        o?.outcome ?? null,
        o?.reason ?? null,
      ],
    );
  }
}
