/**
 * Deciding whether an extracted commitment is one already tracked. Pure
 * functions, so the rules can be tested on examples in any language.
 *
 * - Events (the same summit in a declaration and in news in other languages):
 *   same meeting noun, and either the same ordinal, or the same host or place
 *   with dates no more than 45 days apart (a date given at year or month
 *   precision is compatible with any date inside it).
 * - Mandates and pledges: same actor, actions that share at least half of their
 *   content words (compared by six-letter stems, which absorbs most
 *   inflection), and compatible deadlines.
 */

import { actorKey } from '@ct/contracts';
import { parseDeadline } from '../tracked-items/deadline';

export interface Comparable {
  kind: string;
  actorKey: string;
  action: string;
  deadline: string | null;
  place: string | null;
  meetingNoun: string | null;
  meetingOrdinal: number | null;
}

const EVENT_WINDOW_DAYS = 45;
const TASK_WINDOW_DAYS = 31;
const MIN_SIMILARITY = 0.5;
const STOPWORDS = new Set(
  'the and for with that this from into their will shall such also which other under between within about ve ile için bir olan olarak der die das und für mit von den dem des eine einen и в на по для с о что как'.split(
    ' ',
  ),
);

// Shared with the other services through the contracts, so that they filter by actor alike.
export { actorKey };

export function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length >= 4 && !STOPWORDS.has(w)) out.add(w.slice(0, 6));
  }
  return out;
}

/** Jaccard similarity of two actions' content-word stems. */
export function similarity(a: string, b: string): number {
  const x = stems(a);
  const y = stems(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

/** The first moment (UTC) of a deadline's period: "2026" → 1 January 2026. */
const periodStart = (d: string) =>
  Date.parse(`${d}${d.length === 4 ? '-01-01' : d.length === 7 ? '-01' : ''}T00:00:00Z`);

/** Days between two deadlines; 0 when one contains the other ("2026" and "2026-10-24"). */
export function daysApart(a: string, b: string): number {
  if (a.startsWith(b) || b.startsWith(a)) return 0;
  return Math.abs(periodStart(a) - periodStart(b)) / DAY_MS;
}

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The due dates a task item can have when its deadline is compatible with
 * `deadline` (within the task window, or one period inside the other). A
 * superset, for finding candidates by index however many newer items the
 * actor has; matching decides. A period lasts at most 366 days, so an item's
 * due date is at most 365 days after its period starts.
 */
export function compatibleDueDates(deadline: string): { from: string; to: string } {
  const start = periodStart(deadline);
  const end = Date.parse(`${parseDeadline(deadline)!.dueDate}T00:00:00Z`);
  return {
    from: isoDay(start - TASK_WINDOW_DAYS * DAY_MS),
    to: isoDay(end + (TASK_WINDOW_DAYS + 366) * DAY_MS),
  };
}

function datesCompatible(a: string | null, b: string | null, window: number): boolean {
  return a === null || b === null || daysApart(a, b) <= window;
}

export function isSameCommitment(a: Comparable, b: Comparable): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'event') {
    if (!a.meetingNoun || a.meetingNoun !== b.meetingNoun) return false;
    const samePlace = a.place !== null && a.place === b.place;
    const sameHost = a.actorKey !== '' && a.actorKey === b.actorKey;
    const placesAgree = a.place === null || b.place === null || a.place === b.place;
    if (a.meetingOrdinal !== null && b.meetingOrdinal !== null) {
      return a.meetingOrdinal === b.meetingOrdinal && (sameHost || placesAgree);
    }
    if (a.deadline === null && b.deadline === null) return samePlace && sameHost;
    if (a.deadline === null || b.deadline === null) return sameHost && placesAgree;
    return (sameHost && placesAgree) || samePlace
      ? datesCompatible(a.deadline, b.deadline, EVENT_WINDOW_DAYS)
      : false;
  }
  return (
    a.actorKey === b.actorKey &&
    datesCompatible(a.deadline, b.deadline, TASK_WINDOW_DAYS) &&
    similarity(a.action, b.action) >= MIN_SIMILARITY
  );
}

/** The tracked item an extracted commitment belongs to, if any: the closest of those that match. */
export function bestMatch<T extends Comparable>(incoming: Comparable, candidates: T[]): T | null {
  let best: T | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    if (!isSameCommitment(incoming, c)) continue;
    const score =
      (incoming.deadline && c.deadline
        ? 1 - Math.min(1, daysApart(incoming.deadline, c.deadline) / 60)
        : 0) +
      similarity(incoming.action, c.action) +
      (incoming.place && incoming.place === c.place ? 1 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Which deadline an item keeps when a new source gives one: a more precise date
 * inside the same period refines it; a different date replaces it when the new
 * source is not older than the one that set the current date.
 */
export function nextDeadline(
  current: string | null,
  incoming: string | null,
  incomingIsNewer: boolean,
): string | null {
  if (incoming === null || incoming === current) return current;
  if (current === null) return incoming;
  if (incoming.startsWith(current)) return incoming;
  if (current.startsWith(incoming)) return current;
  return incomingIsNewer ? incoming : current;
}
