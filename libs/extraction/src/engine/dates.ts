/** The date relative expressions are resolved against. */
export interface ReferenceDate {
  year: number;
  month: number;
  day: number;
  /** True when taken from the publication date, false when guessed from the text. */
  known: boolean;
}

/** A time expression found in a clause, normalised to ISO 8601 at its precision. */
export interface DateHit {
  start: number;
  end: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null for a vague expression ("shortly"). */
  value: string | null;
  rule: string;
}

export const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function isoMonth(y: number, m: number): string | null {
  return m >= 1 && m <= 12 && y >= 1900 && y <= 2200 ? `${y}-${pad(m)}` : null;
}

export function isoYear(y: number): string | null {
  return y >= 1900 && y <= 2200 ? String(y) : null;
}

/** "By the end of" a year: its last day (GUIDELINES: "by the end of the year" is 2023-12-31). */
export function endOfYear(y: number): string | null {
  return isoDay(y, 12, 31);
}

/** "Bis Ende April": the month's last day. */
export function endOfMonth(y: number, m: number): string | null {
  if (!(m >= 1 && m <= 12)) return null;
  return isoDay(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** "By the end of April [2026]": that month's last day, in the year given or the one a month alone takes. */
export function endOfNamedMonth(ref: ReferenceDate, month: number, year?: number): string | null {
  const mv = year ? isoMonth(year, month) : monthWithoutYear(ref, month);
  return mv ? endOfMonth(Number(mv.slice(0, 4)), month) : null;
}

/** A day and month named without a year: in the reference year, or the next if it has passed. */
export function dayWithoutYear(ref: ReferenceDate, month: number, day: number): string | null {
  const mv = monthWithoutYear(ref, month);
  return mv ? isoDay(Number(mv.slice(0, 4)), month, day) : null;
}

/** The period `n` units after the reference date, at the unit's precision. */
export function after(
  ref: ReferenceDate,
  n: number,
  unit: 'day' | 'week' | 'month' | 'year',
): string | null {
  if (!Number.isFinite(n) || n <= 0 || n > 1000) return null;
  if (unit === 'year') return isoYear(ref.year + n);
  if (unit === 'month') {
    const total = ref.year * 12 + (ref.month - 1) + n;
    return isoMonth(Math.floor(total / 12), (total % 12) + 1);
  }
  const d = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + (unit === 'week' ? 7 * n : n)));
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A month named without a year: the reference year, or the next if that month has passed. */
export function monthWithoutYear(ref: ReferenceDate, month: number): string | null {
  const year = ref.known && month < ref.month ? ref.year + 1 : ref.year;
  return isoMonth(year, month);
}

/**
 * The reference date: the publication date when known, else the year the
 * text mentions most often (latest on a tie), mid-year.
 */
export function referenceDate(published: string | null | undefined, text: string): ReferenceDate {
  // A publication date at the precision the user knows: 2024, 2024-07 or 2024-07-06.
  const m = published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(published) : null;
  if (m) {
    return {
      year: Number(m[1]),
      month: Number(m[2] ?? 1),
      day: Number(m[3] ?? 1),
      known: m[2] !== undefined,
    };
  }
  const counts = new Map<number, number>();
  for (const y of text.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)) {
    const year = Number(y[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  const year = best ? best[0] : new Date().getUTCFullYear();
  return { year, month: 1, day: 1, known: false };
}

/** Parse a small cardinal given as digits or as one of the language's number words. */
export function cardinal(token: string, words: Record<string, number>): number {
  if (/^\d+$/.test(token)) return Number(token);
  return words[token.toLocaleLowerCase()] ?? NaN;
}

/** Collect the hits of several patterns, dropping any that overlap an earlier (longer-listed) one. */
export function collect(
  text: string,
  rules: { name: string; re: RegExp; value: (m: RegExpExecArray) => string | null }[],
): DateHit[] {
  const hits: DateHit[] = [];
  for (const rule of rules) {
    const re = new RegExp(
      rule.re.source,
      rule.re.flags.includes('g') ? rule.re.flags : `${rule.re.flags}g`,
    );
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ start, end, value: rule.value(m), rule: rule.name });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
