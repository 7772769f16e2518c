import { useEffect, useRef } from 'preact/hooks';
import type { ChangedEvent } from './types';

type Listener = (e: ChangedEvent) => void;

const LIVE_TYPES = ['commitment.changed.v1', 'alert.raised.v1'];
const listeners = new Set<Listener>();
let source: EventSource | null = null;
let sourceToken: string | null = null;
let lastId: string | null = null;

/**
 * One server-sent event stream for the whole page (GET /api/stream). On a
 * dropped connection the browser reconnects by itself, sending the last
 * event id, and the dashboard replays what was missed.
 */
export function connectLive(token: string | null): void {
  if (token === sourceToken) return;
  source?.close();
  source = null;
  sourceToken = token;
  if (!token) return;
  const q = new URLSearchParams({ access_token: token, types: LIVE_TYPES.join(',') });
  if (lastId) q.set('lastEventId', lastId);
  source = new EventSource(`/api/stream?${q}`);
  for (const type of LIVE_TYPES) {
    source.addEventListener(type, (m) => {
      const msg = m as MessageEvent<string>;
      lastId = msg.lastEventId;
      const event = JSON.parse(msg.data) as ChangedEvent;
      listeners.forEach((l) => l(event));
    });
  }
  source.addEventListener('open', () => document.body.setAttribute('data-live', 'on'));
  source.addEventListener('error', () => document.body.setAttribute('data-live', 'off'));
}

/** Call `on` for every live event while the component is shown. */
export function useLive(on: Listener): void {
  const latest = useRef(on);
  latest.current = on;
  useEffect(() => {
    const l: Listener = (e) => latest.current(e);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
}

/** Run `fn` at most once per `ms`, trailing: a burst of events refreshes once. */
export function debounce(fn: () => void, ms: number): () => void {
  let t: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (t) clearTimeout(t);
    t = setTimeout(() => {
      t = null;
      fn();
    }, ms);
  };
}
