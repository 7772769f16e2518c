import { z } from 'zod';
import { baseEnv, loadEnv } from '@ct/platform';

export const ingestionEnv = baseEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Longest accepted document text, in characters. */
  MAX_DOCUMENT_CHARS: z.coerce.number().int().positive().default(1_000_000),
  DB_MIGRATIONS_RUN: z.stringbool().default(true),
});
export type IngestionEnv = z.infer<typeof ingestionEnv>;

export const SERVICE = 'ingestion';
export const SCHEMA = 'ingestion';
export const CONSUMER_GROUP = 'ingestion-extractor';

export const loadIngestionEnv = () => loadEnv(ingestionEnv);
