/** One server-sent event as a client sees it. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Read server-sent events from a URL until `count` have arrived (or the time
 * is up), then disconnect, like a dashboard that drops its connection.
 */
export async function readSse(
  url: string,
  count: number,
  opts: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ status: number; events: SseEvent[] }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 15_000);
  const events: SseEvent[] = [];
  let status = 0;
  try {
    const res = await fetch(url, { headers: opts.headers, signal: abort.signal });
    status = res.status;
    if (!res.ok || !res.body) return { status, events };
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line.startsWith(':') || !line.includes(':')) continue;
          const at = line.indexOf(':');
          fields.set(line.slice(0, at), line.slice(at + 1).replace(/^ /u, ''));
        }
        if (fields.has('data')) {
          events.push({
            id: fields.get('id') ?? null,
            event: fields.get('event') ?? 'message',
            data: fields.get('data')!,
          });
        }
        if (events.length >= count) {
          abort.abort();
          return { status, events };
        }
      }
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  } finally {
    clearTimeout(timer);
  }
  return { status, events };
}
