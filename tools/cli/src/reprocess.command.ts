import { CliError } from './extract.command';

export interface ReprocessOptions {
  url: string;
  token?: string;
  since?: string;
  force?: boolean;
}

/**
 * `commitments reprocess`: ask the ingestion service to re-run the current
 * extraction engine over stored documents (an admin's token from the
 * commitments service's sign-in, in --token or $CT_TOKEN).
 */
export async function runReprocess(
  opts: ReprocessOptions,
  out: (line: string) => void,
): Promise<void> {
  if (!opts.token)
    throw new CliError(
      'an admin token is needed: --token or $CT_TOKEN (POST /auth/login on the commitments service)',
    );
  if (opts.since && !/^\d{4}-\d{2}-\d{2}$/u.test(opts.since))
    throw new CliError('--since must be a date in the form YYYY-MM-DD');
  let res: Response;
  try {
    res = await fetch(`${opts.url}/admin/reprocess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
      body: JSON.stringify({ since: opts.since, force: opts.force || undefined }),
    });
  } catch (err) {
    throw new CliError(
      `cannot reach the ingestion service at ${opts.url} (${(err as Error).message})`,
    );
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new CliError(`reprocessing refused (${res.status}): ${String(body.message ?? '')}`);
  out(
    `engine ${String(body.engine)}: ${String(body.reprocessed)} of ${String(body.documents)} documents reprocessed (${String(body.skipped)} already read by it), ${String(body.commitments)} commitments published`,
  );
}
