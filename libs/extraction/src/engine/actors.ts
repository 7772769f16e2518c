import { places } from './gazetteer';

/**
 * Tidy an actor as the text names it: drop leading articles and possessives,
 * collapse spaces, and use the gazetteer's name for a state named alone.
 */
export function normaliseActor(raw: string): string {
  let a = raw.replace(/\s+/g, ' ').trim();
  a = a.replace(/^(?:the|its|their|all)\s+/i, '').replace(/[,;:.]+$/, '');
  a = a.replace(/^heads? of (?:state|government)s? of (?:the )?(.+)$/i, 'member states of the $1');
  const hits = places(a);
  if (hits.length === 1 && !hits[0].city && a.length - (hits[0].end - hits[0].start) < 22)
    return hits[0].name;
  return a.length > 0 ? a : 'the parties';
}

/**
 * An institution named in another language, under its English name when the
 * language's table knows it (e.g. "Sekretariat" → "Secretariat"); else as written.
 */
export function translateInstitution(
  np: string | null,
  terms: readonly (readonly [RegExp, string])[],
): string | null {
  if (!np) return null;
  return terms.find(([re]) => re.test(np))?.[1] ?? np;
}
