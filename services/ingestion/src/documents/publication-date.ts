import { z } from 'zod';

export type PublishedPrecision = 'year' | 'month' | 'day';

/** A publication date at the precision the sender knows it: 2024, 2024-07 or 2024-07-06. */
export const publishedField = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'published must be a date: YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => parsePublished(s) !== null, 'published is not a calendar date');

/**
 * Stored as its period's first day with its precision; null when malformed
 * or not a calendar date.
 */
export function parsePublished(s: string): { date: string; precision: PublishedPrecision } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return {
    date: date.toISOString().slice(0, 10),
    precision: m[3] ? 'day' : m[2] ? 'month' : 'year',
  };
}

/** The stored date back at its precision ("2024-07"), as the extractor and the API take it. */
export function publishedAsGiven(
  date: string | null,
  precision: PublishedPrecision | null,
): string | null {
  if (!date) return null;
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

/**
 * The latest publication date a report received at `now` can truly have:
 * today where the calendar is furthest ahead (UTC+14). Anything later is
 * refused: a report dated in the future would count as the newest word on
 * every commitment it mentions.
 */
export function latestPublicationDate(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** A date a file, feed or dateline gives for itself, unless it lies after receipt (then none). */
export function unlessAfterReceipt(date: string | null, now: Date): string | null {
  return date && date <= latestPublicationDate(now) ? date : null;
}
