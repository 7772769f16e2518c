import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { UnreadableDocumentError } from '@ct/formats';
import type { FileIngestService, FileMeta } from '../documents/file-ingest.service';
import type { IngestOutcome } from '../documents/ingest-outcome';
import { FolderWatcher } from './folder-watcher.service';
import type { SeenFile, WatchedFilesRepository } from './watched-files.repository';

/** The watched-files table in memory. */
class InMemoryWatchedFiles {
  readonly rows = new Map<string, SeenFile & { outcome: IngestOutcome | null }>();
  async all() {
    return new Map(this.rows);
  }
  async record(path: string, size: number, modified: Date, hash: string, o: IngestOutcome | null) {
    const kept = this.rows.get(path)?.outcome ?? null;
    this.rows.set(path, {
      size: String(size),
      modified_at: modified,
      file_hash: hash,
      outcome: o ?? kept,
    });
  }
}

describe(FolderWatcher.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let dir: string;
  let watched: InMemoryWatchedFiles;
  let ingested: { text: string; meta: FileMeta }[];
  let sut: FolderWatcher;
  const longAgo = new Date(Date.now() - 60_000);
  const put = async (name: string, text: string, at = longAgo) => {
    await writeFile(join(dir, name), text);
    await utimes(join(dir, name), at, at);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ct-watch-'));
    watched = new InMemoryWatchedFiles();
    ingested = [];
    sut = new FolderWatcher(
      { dir, intervalMs: 60_000, maxBytes: 100, events: false },
      watched as unknown as WatchedFilesRepository,
      {
        ingest: async (bytes: Buffer, meta: FileMeta) => {
          const text = bytes.toString();
          if (text.startsWith('garbage')) throw new UnreadableDocumentError('the file has no text');
          ingested.push({ text, meta });
          return { id: `d-${ingested.length}`, duplicate: false, contentHash: 'h' };
        },
      } as unknown as FileIngestService,
    );
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('ingests each new document once, by its path in the folder, and leaves other files alone', async () => {
    await put('a.txt', 'The ministers agreed to meet in May.');
    await put('notes.csv', 'not, a, document');
    expect(await sut.scan()).toEqual({ ingested: 1, duplicate: 0, failed: 0 });
    expect(ingested.map((i) => i.meta)).toEqual([{ fileName: 'a.txt', origin: 'folder' }]);
    expect(await sut.scan()).toEqual({ ingested: 0, duplicate: 0, failed: 0 });
  });

  it('reads a touched file again but ingests it only when its content changed', async () => {
    await put('a.txt', 'first text');
    await sut.scan();
    await put('a.txt', 'first text', new Date(Date.now() - 30_000)); // touched
    expect(await sut.scan()).toEqual({ ingested: 0, duplicate: 0, failed: 0 });
    await put('a.txt', 'second text', new Date(Date.now() - 20_000));
    expect(await sut.scan()).toEqual({ ingested: 1, duplicate: 0, failed: 0 });
    expect(ingested.map((i) => i.text)).toEqual(['first text', 'second text']);
  });

  it('records a refused or oversized file as failed, the oversized one unread', async () => {
    await put('bad.txt', 'garbage');
    await put('big.txt', 'x'.repeat(101));
    expect(await sut.scan()).toEqual({ ingested: 0, duplicate: 0, failed: 2 });
    expect(watched.rows.get(join(dir, 'bad.txt'))?.outcome).toEqual({
      outcome: 'failed',
      documentId: null,
      reason: 'the file has no text',
    });
    expect(watched.rows.get(join(dir, 'big.txt'))).toMatchObject({
      file_hash: '-'.repeat(64),
      outcome: {
        outcome: 'failed',
        reason: 'the file is larger than the upload limit of 100 bytes',
      },
    });
  });

  it('waits for a file still being written', async () => {
    await put('fresh.txt', 'just now', new Date());
    expect(await sut.scan()).toEqual({ ingested: 0, duplicate: 0, failed: 0 });
    expect(watched.rows.size).toBe(0);
  });
});
