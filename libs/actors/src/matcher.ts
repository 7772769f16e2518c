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
// Hyphens are no token letters: "Armenian-Georgian" is two words, as forms with hyphens are.
const split = (s: string) => s.match(TOKEN) ?? [];

/** One letter lower-cased as `lower` does, by code: no string made for the words of a text that name nothing. */
function lowerCode(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c < 0x80) return c;
  if ((c >= 0x410 && c <= 0x42f) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return c + 0x20;
  if (c === 0x130 || c === 0x131) return 0x69;
  return lower(String.fromCharCode(c)).charCodeAt(0);
}

/** The first two letters of a word as one number: the index of forms is keyed by it. */
const headOf = (w: string) =>
  lowerCode(w.charCodeAt(0)) * 0x10000 + (w.length > 1 ? lowerCode(w.charCodeAt(1)) : 0);

function buildIndex(entries: readonly ActorEntry[]): Map<number, Form[]> {
  const index = new Map<number, Form[]>();
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
      const head = headOf(lower(words[0]!));
      (index.get(head) ?? index.set(head, []).get(head)!).push(form);
    }
  }
  return index;
}

let INDEX: Map<number, Form[]> | null = null;
let LOWER_INDEX: Map<number, Form[]> | null = null;
const index = () => (INDEX ??= buildIndex([...ORGANISATIONS, ...STATES, ...CITIES]));
/** The forms a word in lower case can match (no proper names): most words of a text are such words. */
const lowerIndex = () =>
  (LOWER_INDEX ??= new Map(
    [...index()]
      .map(([k, fs]) => [k, fs.filter((f) => !f.proper)] as const)
      .filter(([, fs]) => fs.length > 0),
  ));

export const ALL_ACTORS: readonly ActorEntry[] = [...STATES, ...ORGANISATIONS];
const BY_KEY = new Map([...ALL_ACTORS, ...CITIES].map((e) => [e.key, e]));
export const actorByKey = (key: string): ActorEntry | undefined => BY_KEY.get(key);

/** `token` as written and lower-cased (once per token, not once per form tried). */
function wordMatches(
  form: string,
  token: string,
  low: string,
  last: boolean,
  acronym: boolean,
): boolean {
  if (acronym) return token === form;
  if (form.length <= SHORT) return low === form;
  if (!low.startsWith(form)) return false;
  return low.length - form.length <= (last ? MAX_ENDING : 3);
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
  const forms = index();
  const lowerForms = lowerIndex();
  const out: ActorMention[] = [];
  // Tokens are read lazily: most words share no first two letters with any name.
  const tokens: RegExpExecArray[] = [];
  const lows: (string | undefined)[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  let done = false;
  const at = (i: number): RegExpExecArray | null => {
    while (tokens.length <= i) {
      // After its last match a global regex starts over: stop for good there.
      const m = done ? null : re.exec(text);
      if (!m) {
        done = true;
        return null;
      }
      tokens.push(m);
    }
    return tokens[i];
  };
  const low = (i: number) => (lows[i] ??= lower(tokens[i][0]));
  for (let i = 0; at(i); i++) {
    const word = tokens[i][0];
    const c0 = word.charCodeAt(0);
    const capital = c0 < 0x80 ? c0 >= 0x41 && c0 <= 0x5a : /^\p{Lu}/u.test(word);
    const candidates = (capital ? forms : lowerForms).get(headOf(word));
    if (!candidates) continue;
    let best: Form | null = null;
    for (const f of candidates) {
      if (best && f.length <= best.length) continue;
      let ok = true;
      for (let j = 0; j < f.words.length && ok; j++) {
        ok =
          at(i + j) !== null &&
          wordMatches(
            f.words[j],
            tokens[i + j][0],
            low(i + j),
            j === f.words.length - 1,
            f.acronym,
          );
      }
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
