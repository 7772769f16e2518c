export type DeadlinePrecision = 'day' | 'month' | 'year';

export interface Deadline {
  precision: DeadlinePrecision;
  /** Last day of the deadline's period (YYYY-MM-DD): what alerts count towards. */
  dueDate: string;
}

/**
 * Read a deadline given at the text's precision ("2026", "2026-05",
 * "2026-05-14") as its precision and due date, the end of that period.
 */
export function parseDeadline(value: string | null): Deadline | null {
  if (value === null) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new Error(`not a deadline: ${value}`);
  const [, y, mo, d] = m;
  if (d) return { precision: 'day', dueDate: value };
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { precision: 'month', dueDate: `${y}-${mo}-${String(last).padStart(2, '0')}` };
  }
  return { precision: 'year', dueDate: `${y}-12-31` };
}
