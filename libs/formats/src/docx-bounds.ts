import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DocumentTooLargeError, UnreadableDocumentError } from './document-text';
import type { ReadLimits } from './read-limits';

/**
 * Make sure a DOCX (a ZIP) inflates to no more than the limit before anything
 * reads it whole: the entry count and every declared size are checked first,
 * then each entry is inflated as a stream that is cut off at the limit (and
 * yauzl refuses an entry whose real size differs from its declared one).
 * A ZIP bomb costs at most the limit, not the memory it would expand to.
 */
export async function checkDocxBounds(
  bytes: Buffer,
  limits: Pick<ReadLimits, 'docxMaxInflatedBytes' | 'docxMaxEntries'>,
): Promise<void> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.docxMaxEntries) {
      throw new DocumentTooLargeError(
        `the DOCX has ${zip.entryCount} parts, more than the limit of ${limits.docxMaxEntries}`,
      );
    }
    let total = 0;
    for await (const entry of entries(zip)) {
      total += entry.uncompressedSize;
      if (total > limits.docxMaxInflatedBytes) throw tooLarge(limits.docxMaxInflatedBytes);
      if (entry.fileName.endsWith('/')) continue;
      await inflateCounting(zip, entry, limits.docxMaxInflatedBytes);
    }
  } finally {
    zip.close();
  }
}

function tooLarge(limit: number): DocumentTooLargeError {
  return new DocumentTooLargeError(
    `the DOCX inflates to more than the limit of ${limit} bytes (DOCX_MAX_INFLATED_BYTES)`,
  );
}

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err
        ? reject(new UnreadableDocumentError(`the DOCX cannot be read: ${err.message}`))
        : resolve(zip),
    ),
  );
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (e: Entry) => done(() => resolve(e));
      const onEnd = () => done(() => resolve(null));
      const onError = (err: Error) =>
        done(() => reject(new UnreadableDocumentError(`the DOCX cannot be read: ${err.message}`)));
      const done = (f: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        f();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}

async function inflateCounting(zip: ZipFile, entry: Entry, limit: number): Promise<void> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) =>
      err
        ? reject(new UnreadableDocumentError(`the DOCX cannot be read: ${err.message}`))
        : resolve(s),
    ),
  );
  let size = 0;
  try {
    await pipeline(
      stream,
      new Writable({
        write(chunk: Buffer, _enc, next) {
          size += chunk.length;
          next(size > limit ? tooLarge(limit) : undefined);
        },
      }),
    );
  } catch (err) {
    if (err instanceof DocumentTooLargeError) throw err;
    throw new UnreadableDocumentError(`the DOCX cannot be read: ${(err as Error).message}`);
  }
}
