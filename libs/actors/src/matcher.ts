import { CITIES } from './cities';
import { isAcronym, ORGANISATIONS } from './organisations';
import { lower, STATES } from './states';
import type { ActorEntry, ActorMention } from './types';

interface Form {
  entry: ActorEntry;
  words: string[];
  /** Written in capitals: matches only a word written the same way. */
  acronym: boolean;
  /** A name (not an adjective): the word must be capitalised, as names are in all four languages. */
  proper: boolean;
  length: number;
}

/** Letters a case ending or an adjective ending may add to a form ("Kasachstans", "Казахстана"). */
const MAX_ENDING = 4;
/** A form this short (after lower-casing) must be the whole word: "рф", "сша", "kktc". */
const SHORT = 4;

const TOKEN = /[\p{L}\p{N}+]+/gu;
const split = (s: string) => s.replace(/[-‐‑]/gu, ' ').match(TOKEN) ?? [];

function buildIndex(entries: readonly ActorEntry[]): Map<string, Form[]> {
  const index = new Map<string, Form[]>();
  for (const entry of entries) {
    const names = new Set(Object.values(entry.names).map(lower));
    for (const raw of entry.forms) {
      const acronym = isAcronym(raw);
      const words = split(acronym ? raw : lower(raw));
      if (words.length === 0) continue;
      const form: Form = {
        entry,
        words,
        acronym,
        proper: entry.kind === 'city' || (entry.kind === 'state' && names.has(lower(raw))),
        length: words.join(' ').length,
      };
      const head = lower(words[0]!).slice(0, 2);
      (index.get(head) ?? index.set(head, []).get(head)!).push(form);
    }
  }
  return index;
}

let INDEX: Map<string, Form[]> | null = null;
const index = () => (INDEX ??= buildIndex([...ORGANISATIONS, ...STATES, ...CITIES]));

export const ALL_ACTORS: readonly ActorEntry[] = [...STATES, ...ORGANISATIONS];
const BY_KEY = new Map([...ALL_ACTORS, ...CITIES].map((e) => [e.key, e]));
export const actorByKey = (key: string): ActorEntry | undefined => BY_KEY.get(key);

function wordMatches(form: string, token: string, last: boolean, acronym: boolean): boolean {
  if (acronym) return token === form;
  const t = lower(token);
  if (form.length <= SHORT) return t === form;
  if (!t.startsWith(form)) return false;
  return t.length - form.length <= (last ? MAX_ENDING : 3);
}

/** Every state and organisation the text names. */
export function findActors(text: string): ActorMention[] {
  return findNames(text).filter((m) => BY_KEY.get(m.key)?.kind !== 'city');
}

/** A city's state ("Gabala" → "AZ"); a state's own key for a state. */
export function stateOf(key: string): string | null {
  const e = BY_KEY.get(key);
  if (!e) return null;
  if (e.kind === 'city') return (e as { state?: string }).state ?? null;
  return e.kind === 'state' ? e.key : null;
}

/**
 * Every state, organisation and city the text names, longest form first
 * where forms overlap ("Türk Devletleri Teşkilatı" is the OTS, not Türkiye).
 */
export function findNames(text: string): ActorMention[] {
  const tokens = [...text.replace(/[-‐‑]/gu, ' ').matchAll(TOKEN)];
  const out: ActorMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = lower(tokens[i][0]).slice(0, 2);
    let best: Form | null = null;
    for (const f of index().get(head) ?? []) {
      if (i + f.words.length > tokens.length || (best && f.length <= best.length)) continue;
      if (f.proper && !/^\p{Lu}/u.test(tokens[i][0])) continue;
      const ok = f.words.every((w, j) =>
        wordMatches(w, tokens[i + j][0], j === f.words.length - 1, f.acronym),
      );
      if (ok) best = f;
    }
    if (!best) continue;
    const last = tokens[i + best.words.length - 1];
    const start = tokens[i].index;
    const end = last.index + last[0].length;
    out.push({ key: best.entry.key, start, end, text: text.slice(start, end) });
    i += best.words.length - 1;
  }
  return out;
}

/**
 * The canonical keys a person means by an actor they type in a filter: a key
 * itself ("KZ", "OTS/secretariat") or the states and organisations the words
 * name ("Kazakhstan", "Казахстан and Kyrgyzstan").
 */
export function keysMeant(query: string): string[] {
  const q = query.trim();
  if (BY_KEY.has(q) || /^[A-Z0-9+.-]+\/[a-z-]+$/u.test(q)) return [q];
  return [...new Set(findActors(q).map((m) => m.key))];
}
