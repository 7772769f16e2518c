import { egressRequest, EgressRefusedError, type EgressPolicy } from '@ct/egress';

/** A fetched resource: its bytes and declared type. */
export interface Fetched {
  bytes: Buffer;
  contentType: string | null;
}

/** The remote side answered, but not with something usable (recorded, not retried). */
export class FetchRefusedError extends Error {}

/** Feeds move (http to https, a new path); a few hops are followed, each checked anew. */
const MAX_REDIRECTS = 5;

/**
 * GET a URL through the egress check, with a time limit and a size limit:
 * an endless or huge response is cut off at the limit instead of filling
 * memory, and a target inside the network is refused, also when a redirect
 * points there. A 4xx answer or a refused target is a refusal; network
 * errors and 5xx are thrown as they are, to be tried again later.
 */
export async function fetchLimited(
  url: string,
  timeoutMs: number,
  maxBytes: number,
  policy: EgressPolicy,
): Promise<Fetched> {
  let at = url;
  for (let hop = 0; ; hop++) {
    let res;
    try {
      res = await egressRequest(at, {
        timeoutMs,
        maxBytes,
        policy,
        headers: { 'user-agent': 'commitment-tracker-ingestion/1 (+feeds)' },
      });
    } catch (err) {
      if (err instanceof EgressRefusedError)
        throw new FetchRefusedError(`GET ${at}: ${err.message}`);
      throw err;
    }
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && typeof location === 'string') {
      if (hop >= MAX_REDIRECTS)
        throw new FetchRefusedError(`GET ${url}: more than ${MAX_REDIRECTS} redirects`);
      at = new URL(location, at).toString();
      continue;
    }
    if (res.status >= 400 && res.status < 500)
      throw new FetchRefusedError(`GET ${at} answered ${res.status}`);
    if (res.status < 200 || res.status >= 300) throw new Error(`GET ${at} answered ${res.status}`);
    const type = res.headers['content-type'];
    return { bytes: res.body, contentType: typeof type === 'string' ? type : null };
  }
}
