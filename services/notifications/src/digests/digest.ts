import { itemPageUrl } from '@ct/contracts';
import { DAY_MS } from '../alerts/alert-rules';

/** A digest goes out this often to each subscriber who asked for one. */
export const DIGEST_EVERY_DAYS = 7;
/** At most this many items are read for one digest; the mail says when there were more. */
export const DIGEST_MAX_ITEMS = 500;

/** An item as the digest reads it from the watched deadlines. */
export interface DigestItem {
  itemId: string;
  kind: string;
  actor: string;
  action: string;
  status: string;
  dueDate: string | null;
  owner: string | null;
  /** When this service last stored a change of it. */
  updatedAt: Date;
  /** Whether the status ends alerting (done, cancelled, held, retracted). */
  closed: boolean;
}

export interface Digest {
  dueThisWeek: DigestItem[];
  overdue: DigestItem[];
  changed: DigestItem[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The days a digest sent at `now` covers. */
export interface DigestWeek {
  /** Due dates from `today` up to, not including, `weekEnd` are "due this week". */
  today: string;
  weekEnd: string;
  /** Changes after this are "changed since the last digest". */
  changedSince: Date;
}

/**
 * The week of a digest sent at `now`: the next seven days, and the changes
 * since the previous digest (the last seven days for a first one). The
 * sender reads the items with it and composeDigest sorts them by it.
 */
export function digestWeek(now: Date, previous: Date | null): DigestWeek {
  const week = DIGEST_EVERY_DAYS * DAY_MS;
  return {
    today: day(now),
    weekEnd: day(new Date(now.getTime() + week)),
    changedSince: previous ?? new Date(now.getTime() - week),
  };
}

/**
 * What a subscriber's week holds: open items due in the next seven days
 * (today included), open items past their due date, and every item changed
 * since the last digest. Pure: the caller has already applied the
 * subscription's filter.
 */
export function composeDigest(items: DigestItem[], week: DigestWeek): Digest {
  const { today, weekEnd, changedSince } = week;
  const byDue = (a: DigestItem, b: DigestItem) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '');
  return {
    dueThisWeek: items
      .filter((i) => !i.closed && i.dueDate && i.dueDate >= today && i.dueDate < weekEnd)
      .sort(byDue),
    overdue: items.filter((i) => !i.closed && i.dueDate && i.dueDate < today).sort(byDue),
    changed: items
      .filter((i) => i.updatedAt > changedSince)
      .sort((a, b) => +b.updatedAt - +a.updatedAt),
  };
}

/** The digest as a plain-text email; every item links to its page. */
export function digestEmail(
  d: Digest,
  now: Date,
  dashboardUrl: string,
  /** Whether the items read were cut at DIGEST_MAX_ITEMS. */
  truncated = false,
): { subject: string; text: string } {
  const line = (i: DigestItem) =>
    `- ${i.actor}: ${i.action}${i.dueDate ? ` (due ${i.dueDate})` : ''} [${i.status.replace(/_/g, ' ')}]\n  ${itemPageUrl(dashboardUrl, i.itemId)}`;
  const section = (title: string, items: DigestItem[]) => [
    `${title} (${items.length})`,
    ...(items.length ? items.map(line) : ['- none']),
    '',
  ];
  const subject = `Weekly digest ${day(now)}: ${d.dueThisWeek.length} due this week, ${d.overdue.length} overdue, ${d.changed.length} changed`;
  const text = [
    ...section('Due this week', d.dueThisWeek),
    ...section('Overdue', d.overdue),
    ...section('Changed since the last digest', d.changed),
    ...(truncated
      ? [
          `More items matched than the ${DIGEST_MAX_ITEMS} a digest reads; narrow the subscription's filter to see them all.`,
          '',
        ]
      : []),
    'You receive this weekly because your subscription asks for a digest; delete the subscription (DELETE /subscriptions/<id>) to stop.',
  ].join('\n');
  return { subject, text };
}
