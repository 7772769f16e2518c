import { locale, t, tk } from './i18n';

export const STATUSES = [
  'open',
  'in_progress',
  'blocked',
  'done',
  'cancelled',
  'scheduled',
  'postponed',
  'held',
  'retracted',
];
export const KINDS = ['mandate', 'pledge', 'event'] as const;

/** A status, kind, history field or change as the page's language names it. */
export const statusName = (s: string) => tk(`status.${s}`);
export const kindName = (k: string) => tk(`kind.${k}`);
export const fieldName = (f: string) => tk(`field.${f}`);
export const changeName = (c: string) => tk(`change.${c}`);

/** An alert's reason (before:7d, due, overdue:2) in words. */
export function reasonName(reason: string): string {
  const [what, n] = reason.split(':');
  if (what === 'before') return t('alert.before', { days: Number.parseInt(n, 10) });
  if (what === 'overdue') return t('alert.overdue', { n: Number(n) });
  return t('alert.due');
}

/** English dates read "1 Mar 2027" (day first), as in the documents the tracker reads. */
const dateLocale = () => (locale() === 'en' ? 'en-GB' : locale());

function monthYear(y: number, m: number): string {
  return new Intl.DateTimeFormat(dateLocale(), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "2027-03", "2027" or "2027-03-01" as people read it, in the page's language. */
export function deadlineText(deadline: string | null): string {
  if (!deadline) return '—';
  const [y, m, d] = deadline.split('-').map(Number);
  if (!m) return t('deadline.byYear', { year: String(y) });
  if (!d) return t('deadline.byMonth', { month: monthYear(y, m) });
  return new Intl.DateTimeFormat(dateLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
}

/** "tomorrow", "in 3 days", "2 days ago" in the page's language. */
export function relative(today: string, date: string | null): string {
  if (!date) return '';
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(
    daysFrom(today, date),
    'day',
  );
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

export function when(iso: string): string {
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A value in an item's history: statuses in the page's language, deadlines as people read them, the rest as stored. */
export function historyValue(field: string, value: string | null): string {
  if (value === null) return '—';
  if (field === 'status') return statusName(value);
  if (field === 'deadline') return deadlineText(value);
  return value;
}

/** A document as a list or a heading names it: its title, else its file name, with its date. */
export function documentName(d: {
  title: string | null;
  fileName: string | null;
  published?: string | null;
}): string {
  const name = d.title ?? d.fileName ?? t('item.untitled');
  return d.published ? `${name} (${d.published})` : name;
}
