import { Worker } from 'node:worker_threads';
import {
  DocumentTooLargeError,
  isoDate,
  MEDIA,
  UnreadableDocumentError,
  type DocumentText,
} from './document-text';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits';

type PdfLimits = Pick<ReadLimits, 'pdfMaxPages' | 'pdfTimeoutMs' | 'pdfMaxHeapMb'>;

type WorkerAnswer =
  | { ok: true; text: string; title: string | null; created: string | null }
  | { ok: false; kind: 'unreadable' | 'pages'; message: string; pages?: number };

/*
 * The worker's code, in plain JavaScript so that it runs the same from the
 * built service and from the tests' TypeScript. It opens the PDF with unpdf
 * (Mozilla's PDF.js for servers), refuses it past the page limit before
 * reading a page, and posts back the text layer.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { extractText, getDocumentProxy, getMeta } = require(workerData.unpdf);
(async () => {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(workerData.bytes), { verbosity: 0 });
  } catch (err) {
    return parentPort.postMessage({ ok: false, kind: 'unreadable', message: String(err && err.message || err) });
  }
  try {
    if (pdf.numPages > workerData.maxPages) {
      return parentPort.postMessage({ ok: false, kind: 'pages', pages: pdf.numPages, message: '' });
    }
    const [{ text }, meta] = await Promise.all([
      extractText(pdf, { mergePages: true }),
      getMeta(pdf).catch(() => ({ info: {} })),
    ]);
    const info = meta.info || {};
    parentPort.postMessage({
      ok: true,
      text,
      title: typeof info.Title === 'string' ? info.Title : null,
      created: typeof info.CreationDate === 'string' ? info.CreationDate : null,
    });
  } catch (err) {
    parentPort.postMessage({ ok: false, kind: 'unreadable', message: String(err && err.message || err) });
  } finally {
    await pdf.cleanup().catch(() => undefined);
  }
})();
`;

/**
 * A PDF's text layer, read in a worker thread with a page limit, a time
 * limit and a heap limit: a hostile or huge PDF costs at most those, and the
 * service's event loop keeps answering meanwhile. A scanned PDF without a
 * text layer has no text to read and is refused as such; OCR is out of scope.
 */
export function readPdf(
  bytes: Buffer,
  limits: PdfLimits = DEFAULT_READ_LIMITS,
): Promise<DocumentText> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, maxPages: limits.pdfMaxPages, unpdf: require.resolve('unpdf') },
      resourceLimits: { maxOldGenerationSizeMb: limits.pdfMaxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new UnreadableDocumentError(
              `the PDF took longer than the limit of ${limits.pdfTimeoutMs} ms to read (PDF_TIMEOUT_MS)`,
            ),
          ),
        ),
      limits.pdfTimeoutMs,
    );
    worker.once('message', (a: WorkerAnswer) =>
      finish(() => {
        if (!a.ok) {
          return reject(
            a.kind === 'pages'
              ? new DocumentTooLargeError(
                  `the PDF has ${a.pages} pages, more than the limit of ${limits.pdfMaxPages} (PDF_MAX_PAGES)`,
                )
              : new UnreadableDocumentError(`the PDF cannot be read: ${a.message}`),
          );
        }
        if (!a.text.trim()) {
          return reject(new UnreadableDocumentError('the PDF has no text layer (a scan?)'));
        }
        resolve({
          text: a.text,
          title: a.title?.trim() || null,
          published: isoDate(a.created?.replace(/^D:/u, '')),
          mediaType: MEDIA.pdf,
        });
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          new UnreadableDocumentError(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `the PDF needs more memory than the limit of ${limits.pdfMaxHeapMb} MB to read`
              : `the PDF cannot be read: ${err.message}`,
          ),
        ),
      ),
    );
    worker.once('exit', () =>
      finish(() =>
        reject(new UnreadableDocumentError('the PDF cannot be read: the reader stopped')),
      ),
    );
  });
}
