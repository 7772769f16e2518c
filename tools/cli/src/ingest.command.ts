import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { CliError } from './extract.command';

export interface IngestOptions {
  url: string;
  /** Files sent at once. */
  concurrency: number;
  /** Draw a progress bar (on a terminal). */
  progress: boolean;
  /**
   * A coordinator's or admin's sign-in token ($CT_TOKEN) or an API key with
   * the ingest scope ($CT_API_KEY). From the environment, not the command
   * line, where other users of the machine could read it.
   */
  credential: { token?: string; apiKey?: string };
}

export interface IngestSummary {
  ingested: number;
  duplicate: number;
  failed: { path: string; reason: string }[];
}

const TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * `commitments ingest PATH...`: send files, and the document files of folders
 * (recursively), to the running ingestion service, which stores each text
 * once. Prints a summary with the reason for every file refused.
 */
export async function runIngest(
  paths: string[],
  opts: IngestOptions,
  out: (line: string) => void,
): Promise<IngestSummary> {
  const auth = credentialHeaders(opts.credential);
  const files = (await Promise.all(paths.map((p) => expand(p)))).flat();
  if (files.length === 0)
    throw new CliError('no document files found (.txt, .md, .html, .pdf, .docx)');
  await reachable(opts.url);
  const summary: IngestSummary = { ingested: 0, duplicate: 0, failed: [] };
  const bar = opts.progress
    ? new SingleBar(
        { format: 'ingesting [{bar}] {value}/{total} {file}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  bar?.start(files.length, 0, { file: '' });
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++];
      const result = await send(opts.url, path, auth);
      if ('reason' in result) summary.failed.push({ path, reason: result.reason });
      else summary[result.duplicate ? 'duplicate' : 'ingested']++;
      bar?.increment(1, { file: basename(path) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, files.length) }, worker));
  bar?.stop();
  out(
    `ingested ${summary.ingested} new, ${summary.duplicate} duplicate, ${summary.failed.length} failed`,
  );
  for (const f of summary.failed) out(`  failed ${f.path}: ${f.reason}`);
  return summary;
}

/** A file as itself (whatever its type: the service decides); a folder as its document files. */
async function expand(path: string): Promise<string[]> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${path}: ${err.code ?? err.message}`);
  });
  if (info.isFile()) return [path];
  if (!info.isDirectory()) throw new CliError(`${path} is neither a file nor a folder`);
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() in TYPES)
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function reachable(url: string): Promise<void> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok)
      throw new CliError(`the ingestion service at ${url} is not healthy (${res.status})`);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const cause = causeOf(err);
    throw new CliError(
      `cannot reach the ingestion service at ${url} (${cause}); is it running (npm start)?`,
    );
  }
}

function credentialHeaders(c: IngestOptions['credential']): Record<string, string> {
  if (c.token) return { authorization: `Bearer ${c.token}` };
  if (c.apiKey) return { 'x-api-key': c.apiKey };
  throw new CliError(
    'adding documents needs a credential: set CT_TOKEN to a coordinator or admin token (POST /auth/login on the commitments service) or CT_API_KEY to an API key with the ingest scope',
  );
}

async function send(
  url: string,
  path: string,
  auth: Record<string, string>,
): Promise<{ duplicate: boolean } | { reason: string }> {
  const form = new FormData();
  form.append('origin', 'cli');
  form.append(
    'file',
    new Blob([await readFile(path)], {
      type: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    }),
    basename(path),
  );
  try {
    const res = await fetch(`${url}/documents/upload`, {
      method: 'POST',
      body: form,
      headers: auth,
    });
    const body = (await res.json().catch(() => ({}))) as { duplicate?: boolean; message?: unknown };
    if (res.ok) return { duplicate: body.duplicate === true };
    return {
      reason: `${res.status} ${typeof body.message === 'string' ? body.message : JSON.stringify(body.message)}`,
    };
  } catch (err) {
    return { reason: (err as Error).message };
  }
}

/** What actually went wrong under fetch's "fetch failed": ECONNREFUSED, ENOTFOUND, a timeout… */
function causeOf(err: unknown): string {
  const cause = (
    err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }
  ).cause;
  return (
    cause?.code ??
    cause?.errors?.find((e) => e.code)?.code ??
    cause?.message ??
    (err as Error).message
  );
}
