import { actorByKey, findActors } from './matcher';
import type { ActorLanguage, ActorMention } from './types';

/** How much of a report is its headline and lead: where it says who met. */
const LEAD = 700;
/** How much of a text is read for its parties and organisation. */
const SCAN = 2500;
/** More states than this named across a text are a list of examples, not the parties. */
const MAX_PARTIES = 6;

export interface DocumentActors {
  /** The states the document says take part, in order of first mention. */
  parties: string[];
  /** The organisation the document is about (named most often), if any. */
  organisation: string | null;
  /** How often the opening names that organisation, and how many states it names in all. */
  organisationMentions: number;
  stateCount: number;
  /** How the document writes that organisation's name, first time round. */
  organisationText: string | null;
}

/**
 * Who "the parties", "the two countries", "beide Seiten", "taraflar" are:
 * the states the first headline or sentence of the lead names together (the
 * presidents of X and Y met …); else every state the text names, when they
 * are few.
 */
export function documentActors(text: string): DocumentActors {
  // Who a document is about is said in its opening: long texts are read that far.
  const mentions = findActors(text.length > SCAN ? text.slice(0, SCAN) : text);
  const states = (ms: ActorMention[]) => [
    ...new Set(ms.filter((m) => actorByKey(m.key)?.kind === 'state').map((m) => m.key)),
  ];
  // The first headline or sentence of the lead that names two states or more.
  let lead: string[] = [];
  for (const s of text.slice(0, LEAD).matchAll(/[^.!?\n]+/gu)) {
    const here = states(
      mentions.filter((m) => m.start >= s.index && m.end <= s.index + s[0].length),
    );
    if (here.length >= 2) {
      lead = here;
      break;
    }
  }
  const all = states(mentions);
  const parties = lead.length >= 2 ? lead : all.length <= MAX_PARTIES ? all : lead;
  const orgCounts = new Map<string, number>();
  for (const m of mentions)
    if (actorByKey(m.key)?.kind === 'organisation')
      orgCounts.set(m.key, (orgCounts.get(m.key) ?? 0) + 1);
  const organisation = [...orgCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const organisationText = mentions.find((m) => m.key === organisation)?.text ?? null;
  return {
    parties,
    organisation,
    organisationText,
    organisationMentions: organisation ? (orgCounts.get(organisation) ?? 0) : 0,
    stateCount: all.length,
  };
}

const AND: Record<ActorLanguage, string> = { en: 'and', tr: 've', de: 'und', ru: 'и' };

/** "Armenia and Georgia", "Ermenistan ve Gürcistan": the actors' names in a language. */
export function actorNames(keys: readonly string[], language: ActorLanguage): string {
  const names = keys.map((k) => actorByKey(k)?.names[language] ?? k);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${AND[language]} ${names[names.length - 1]}`;
}
