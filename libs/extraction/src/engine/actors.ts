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
