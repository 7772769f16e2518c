import { z } from 'zod';
import { baseEnv, loadEnv, verifyingKeyField } from '@ct/platform';

export const ingestionEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Longest accepted document text, in characters. */
  MAX_DOCUMENT_CHARS: z.coerce.number().int().positive().default(1_000_000),
  /** Largest accepted uploaded file, in bytes (PDFs carry far more bytes than text). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Bytes a DOCX may inflate to (all its parts); a ZIP bomb is refused at this, with 413. */
  DOCX_MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  /** Parts a DOCX may have. */
  DOCX_MAX_ENTRIES: z.coerce.number().int().positive().default(2000),
  /** Pages a PDF may have. */
  PDF_MAX_PAGES: z.coerce.number().int().positive().default(500),
  /** Time reading one PDF may take (a worker thread: the service keeps answering). */
  PDF_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Heap the PDF reader's worker may use. */
  PDF_MAX_HEAP_MB: z.coerce.number().int().min(32).default(512),
  /** Folder whose document files are ingested (once each, also across restarts); unset: none. */
  WATCH_DIR: z.string().min(1).optional(),
  WATCH_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** events: file-system events plus the interval scan; poll: the interval scan only (network filesystems). */
  WATCH_MODE: z.enum(['events', 'poll']).default('events'),
  /** Comma-separated RSS or Atom feed URLs to poll. */
  FEED_URLS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'FEED_URLS must list http(s) URLs' }))),
  FEED_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60_000),
  /**
   * Addresses, CIDR ranges or host names feeds and their links may be fetched
   * from although they are not public (loopback, private …), comma separated; none by default.
   */
  EGRESS_ALLOW: z.string().optional(),
  FEED_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /**
   * Verifies sign-in tokens from the commitments service. Without it every
   * signed-in route (adding and reading documents, corrections, reprocessing)
   * answers 503: only the watched folder and feeds take documents in.
   */
  JWT_PUBLIC_KEY: verifyingKeyField.optional(),
  /** The most time extraction may spend on one document; the rest of a longer one is not read. */
  EXTRACTION_BUDGET_MS: z.coerce.number().int().min(10).default(2000),
});
export type IngestionEnv = z.infer<typeof ingestionEnv>;

export const SERVICE = 'ingestion';
export const SCHEMA = 'ingestion';
export const CONSUMER_GROUP = 'ingestion-extractor';

export const loadIngestionEnv = () => loadEnv(ingestionEnv);
