import { readFileSync, statSync } from 'node:fs';
import { datelineDate, RuleBasedExtractor, type ExtractedCommitment } from '@ct/extraction';
import { DocumentRefusal, readDocument } from '@ct/formats';

export interface ExtractOptions {
  published?: string;
  language?: string;
  json?: boolean;
}

export class CliError extends Error {}

/** 2024, 2024-07 or 2024-07-06, each part in range. */
export function isPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The most a file given to `extract` may weigh. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * A document's text, read as ingestion reads it (@ct/formats): plain text,
 * HTML, PDF or DOCX; with the publication date the file itself states, if any.
 */
export async function readDocumentFile(
  path: string,
): Promise<{ text: string; published: string | null }> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError(`${path} is not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (size > MAX_FILE_BYTES) throw new CliError(`${path} is larger than the 20 MB limit`);
  try {
    const doc = await readDocument(readFileSync(path), null, path);
    return { text: doc.text.replace(/^\uFEFF/, ''), published: doc.published };
  } catch (err) {
    if (err instanceof DocumentRefusal) throw new CliError(`${path}: ${err.message}`);
    throw err;
  }
}

export async function runExtract(
  file: string,
  opts: ExtractOptions,
  out: (line: string) => void,
): Promise<void> {
  if (opts.published && !isPartialDate(opts.published)) {
    throw new CliError(
      `--published must be a date in the form YYYY, YYYY-MM or YYYY-MM-DD, got "${opts.published}"`,
    );
  }
  const { text, published } = await readDocumentFile(file);
  const result = new RuleBasedExtractor().extract({
    text,
    // The date the user gives; else the one the file states (PDF metadata, an
    // HTML meta tag) or its dateline, as ingestion takes it.
    published: opts.published ?? published ?? datelineDate(text, opts.language),
    language: opts.language ?? null,
  });
  const items = result.commitments.map((c) => toItem(c, result.language));
  if (opts.json) {
    out(JSON.stringify({ language: result.language, engine: result.engine, items }));
    return;
  }
  out(`${file}: ${items.length} commitment(s), language ${result.language}`);
  for (const i of items) {
    out(`- ${i.kind.padEnd(7)} ${i.actor} | due ${i.deadline ?? '—'} (${i.deadline_source})`);
    out(`    ${i.action}`);
  }
}

function toItem(c: ExtractedCommitment, language: string) {
  return {
    kind: c.kind,
    actor: c.actor,
    action: c.action,
    evidence: c.evidence.text,
    start: c.evidence.start,
    end: c.evidence.end,
    deadline: c.deadline,
    deadline_source: c.deadlineSource,
    language,
    actor_keys: c.actorKeys,
    confidence: c.confidence,
    rules: c.rules,
  };
}
