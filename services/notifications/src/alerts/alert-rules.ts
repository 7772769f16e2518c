/**
 * When a deadline's alerts fall due: pure functions of the due date, the
 * configured offsets and the time now, so the rules are tested without a
 * database or a clock. Times are UTC; an alert for a day fires at 00:00 UTC.
 */
export interface PlannedAlert {
  reason: string;
  fireAt: Date;
}

export const DAY_MS = 86_400_000;
/** Overdue items are reminded this often until closed. */
export const OVERDUE_EVERY_DAYS = 7;

const startOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The alerts a deadline still needs as of `now`: one per offset before the
 * due date and one on the day. Of those whose time has gone by when the
 * deadline is first seen or moved, the window `now` is in (the latest of
 * them, while the item is not yet overdue) is still planned, at its own
 * time, so it is raised at once: "due tomorrow" should not wait for the due
 * date. Earlier windows are not sent late. Then the next overdue reminder:
 * the first, or the one after the last raised, or the one for the period
 * `now` is in (at once) if that is later.
 */
export function plan(
  dueDate: string,
  offsetsDays: readonly number[],
  now: Date,
  /** The first overdue reminder not yet raised. */
  overdueFrom = 1,
): PlannedAlert[] {
  const due = startOf(dueDate).getTime();
  const windows: PlannedAlert[] = [
    ...[...new Set(offsetsDays)]
      .sort((a, b) => b - a)
      .map((days) => ({ reason: `before:${days}d`, fireAt: new Date(due - days * DAY_MS) })),
    { reason: 'due', fireAt: new Date(due) },
  ];
  const upcoming = windows.filter((w) => w.fireAt >= now);
  const passed = windows.filter((w) => w.fireAt < now);
  const current = now.getTime() < due + DAY_MS ? passed.slice(-1) : [];
  return [...current, ...upcoming, overdueAlert(dueDate, now, overdueFrom)];
}

/** The n-th overdue reminder (at least; later if `now` is already in a later reminder period). */
export function overdueAlert(dueDate: string, now: Date, atLeast: number): PlannedAlert {
  const first = startOf(dueDate).getTime() + DAY_MS;
  const period = OVERDUE_EVERY_DAYS * DAY_MS;
  const current = now.getTime() < first ? 1 : Math.floor((now.getTime() - first) / period) + 1;
  const n = Math.max(atLeast, current);
  return { reason: `overdue:${n}`, fireAt: new Date(first + (n - 1) * period) };
}

/** Whole days from `now`'s day to the due date (negative when overdue). */
export function daysUntil(dueDate: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((startOf(dueDate).getTime() - today) / DAY_MS);
}

export const alertKey = (itemId: string, reason: string, dueDate: string) =>
  `${itemId}:${reason}:${dueDate}`;
