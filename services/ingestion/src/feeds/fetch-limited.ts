/** A fetched resource: its bytes and declared type. */
export interface Fetched {
  bytes: Buffer;
  contentType: string | null;
}

/** The remote side answered, but not with something usable (recorded, not retried). */
export class FetchRefusedError extends Error {}

/**
 * GET a URL with a time limit and a size limit, reading the body as a stream
 * so an endless or huge response is cut off at the limit instead of filling
 * memory. A 4xx answer is a refusal; network errors and 5xx are thrown as
 * they are, to be tried again later.
 */
export async function fetchLimited(
  url: string,
  timeoutMs: number,
  maxBytes: number,
): Promise<Fetched> {
  const res = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'follow',
    headers: { 'user-agent': 'commitment-tracker-ingestion/1 (+feeds)' },
  });
  if (res.status >= 400 && res.status < 500) {
    throw new FetchRefusedError(`GET ${url} answered ${res.status}`);
  }
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > maxBytes) {
      throw new FetchRefusedError(`GET ${url} is larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') };
}
