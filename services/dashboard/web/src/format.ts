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

export const label = (s: string) => s.replace(/_/g, ' ');

/** "2027-03", "2027" or "2027-03-01" as people read it. */
export function deadlineText(deadline: string | null): string {
  if (!deadline) return '—';
  const [y, m, d] = deadline.split('-');
  if (!m) return `by end of ${y}`;
  const month = new Date(Date.UTC(+y, +m - 1, 1)).toLocaleString('en', {
    month: 'short',
    timeZone: 'UTC',
  });
  return d ? `${+d} ${month} ${y}` : `by end of ${month} ${y}`;
}

export function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
}

export function relative(today: string, date: string | null): string {
  if (!date) return '';
  const d = daysFrom(today, date);
  if (d === 0) return 'today';
  if (d > 0) return d === 1 ? 'tomorrow' : `in ${d} days`;
  return d === -1 ? 'yesterday' : `${-d} days ago`;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

export function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
