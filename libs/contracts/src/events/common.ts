import { z } from 'zod';

export const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 language code');
/** A deadline at the precision the text gives: a day, a month or a year. */
export const partialIsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
export const calendarDate = z.iso.date();
export const commitmentKind = z.enum(['mandate', 'pledge', 'event']);
export const deadlineSource = z.enum(['explicit', 'resolved', 'none']);

/**
 * How every service compares actors: case, a leading article and spacing do
 * not make two actors different ("the Secretariat" is "Secretariat").
 */
export function actorKey(actor: string): string {
  return actor
    .toLowerCase()
    .replace(/^(?:the|its|their)\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}
