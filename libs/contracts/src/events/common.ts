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

/** A canonical actor key from the registry (@ct/actors): "KZ", "OTS", "OTS/secretariat". */
export const canonicalActorKey = z.string().regex(/^[A-Za-z0-9+./:-]{1,60}$/u, 'registry key');

/**
 * The key the register pools an item's actor by. Events and pledges are the
 * states' (or organisation's) own: their canonical keys when extraction
 * resolved them, so "Kazakhstan" and "Казахстан" are one actor ("@KZ"). A
 * mandate's actor is a body of those states ("the foreign ministries of A and
 * B"), which the keys alone would not tell apart: it keeps its written form.
 */
export function registerActorKey(
  kind: string,
  actor: string,
  keys: readonly string[] | null | undefined,
): string {
  if (kind !== 'mandate' && keys && keys.length > 0)
    return `@${[...new Set(keys)].sort().join('+')}`;
  return actorKey(actor);
}

/** The canonical keys a register actor key stands for (none for a written form). */
export function keysOfRegisterActor(key: string): string[] {
  return key.startsWith('@') ? key.slice(1).split('+') : [];
}

/** The register actor keys a filter on `actor` matches: its written form, and its canonical keys if any. */
export function registerActorKeysFor(actor: string, keys: readonly string[]): string[] {
  const written = actorKey(actor);
  return keys.length > 0 ? [written, registerActorKey('event', actor, keys)] : [written];
}

/** The register's actor key of a changed item, as read models keep it (keys are sent only when it has them). */
export function changedActorKey(d: { actor: string; actorKeys?: readonly string[] }): string {
  return registerActorKey('event', d.actor, d.actorKeys);
}
