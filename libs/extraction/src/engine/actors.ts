import {
  actorByKey,
  actorNames,
  BODY_FORMS,
  findActors,
  type ActorLanguage,
  type DocumentActors,
} from '@ct/actors';

/** An actor as shown (the text's words, the states it stands for named) and the registry keys it resolves to. */
export interface ResolvedActor {
  display: string;
  keys: string[];
}

/**
 * Collective references to the states taking part ("the parties", "the two
 * countries", "iki ülke", "обе стороны", "beide Seiten"), in each language.
 * Each names the parties of the document.
 */
const COLLECTIVE: Record<ActorLanguage, RegExp> = {
  en: /\b(?:(?:the|both|all)\s+)?(?:(?:two|both)\s+)?(?:parties|sides|countries|states|nations|leaders|presidents|heads of states?|sitting participants|participants)(?:'|’)?(?=$|[\s,;:.])|\b(?:we|they|both)$/iu,
  de: /(?:(?:die|der|den|beide[nrs]?|leider)\s+)?(?:(?:beiden|zwei)\s+)?(?:Parteien|Seiten|Länder|Staaten|Regierungen|Präsidenten|Staats-\s+und\s+Regierungschefs|Staatschefs)(?=$|[\s,;:.])|^(?:wir|sie)$/iu,
  ru: /(?:(?:обе|две|оба|два|обеих|двух)\s+)?(?:стороны|сторон|страны|стран|государства|государств|лидеры|президенты|главы\s+государств)(?=$|[\s,;:.])|^(?:мы|они)$/iu,
  tr: /(?:(?:her\s+)?iki\s+)?(?:taraflar|taraf|ülke|ülkeler|devlet|lider|liderler|devlet\s+başkanları)\p{L}*(?=$|[\s,;:.])|^(?:biz|onlar)$/iu,
};

/** "member states", "üye devletler", "государства-члены", "Mitgliedstaaten": the members of the organisation in question. */
const MEMBERS =
  /member states|members|üye\s+(?:ve\s+gözlemci\s+)?(?:devlet|ülke)\p{L}*|mitgliedstaaten|mitgliedsländer|государств\p{L}*[-\s]член\p{L}*|стран\p{L}*[-\s]участниц\p{L}*/iu;

/** Each party's own bodies, as the language tables translate them. */
const OWN_BODIES =
  /^(?:their\s+|own\s+|national\s+)?((?:relevant\s+|competent\s+)?(?:governments|ministries|ministers|ministries of foreign affairs|ministers of foreign affairs|agencies|relevant agencies))$/iu;

function tidy(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|its|their|all|die|der|den|das|dem|des)\s+/iu, '')
    .replace(/[,;:.]+$/, '')
    .replace(/^heads? of (?:state|government)s? of (?:the )?(.+)$/i, 'member states of the $1');
}

/**
 * The actor a rule found (an addressee, a subject, a host), resolved against
 * the registry and the document: states and organisations it names by their
 * keys; a collective reference by the document's parties; "member states" by
 * the document's organisation; a body ("the Secretariat") as the
 * organisation's body. Outside English the display keeps the text's words and
 * adds the English names: "стороны (Uzbekistan and Russia)".
 */
export function resolveActor(
  raw: string | null,
  doc: DocumentActors,
  language: ActorLanguage,
): ResolvedActor {
  const text = tidy(raw ?? '');
  const named = [...new Set(findActors(text).map((m) => m.key))];
  const org = doc.organisation;
  const body = BODY_FORMS.find((b) => b.forms.test(text));
  if (body) {
    const owner = named.find((k) => actorByKey(k)?.kind === 'organisation') ?? org;
    // Shown as written (coordinators are scoped by it); the key names the organisation's body.
    return { display: text, keys: [owner ? `${owner}/${body.body}` : body.body] };
  }
  if (named.length > 0) return withEnglish(text, named, language);
  const collective = COLLECTIVE[language].exec(text) ?? COLLECTIVE.en.exec(text);
  // In a document about an organisation, the parties are its members unless
  // its lead names exactly two states; and a declaration of an organisation
  // that names many states (APEC's, say) is multilateral even then.
  const multilateral =
    org !== null &&
    (doc.parties.length !== 2 || (doc.organisationMentions >= 3 && doc.stateCount > 3));
  if (MEMBERS.test(text) || (multilateral && (!text || collective))) {
    const keys = org ? [org] : [];
    const en = org ? `${doc.organisationText ?? org} member states` : 'member states';
    if (language === 'en') {
      const display = MEMBERS.test(text)
        ? text.replace(MEMBERS, en)
        : collective
          ? text.replace(collective[0], en)
          : en;
      return { display, keys };
    }
    const local = org ? membersIn(org, language) : en;
    return { display: text ? `${text} (${en})` : `${local} (${en})`, keys };
  }
  const plural = OWN_BODIES.exec(text);
  if (plural && !collective && doc.parties.length > 0) {
    // "their governments", "the relevant ministries": those of the parties.
    const keys = doc.parties;
    const en = `${plural[1]} of ${actorNames(keys, 'en')}`;
    return { display: language === 'en' || text === plural[0] ? en : `${text} (${en})`, keys };
  }
  if ((collective || !text) && doc.parties.length > 0) {
    const keys = doc.parties;
    if (!text || (collective && collective[0].length >= text.length - 2)) {
      return { display: shownNames(keys, language), keys };
    }
    // "the foreign ministries of the two countries" → "… of Armenia and Georgia".
    const en = actorNames(keys, 'en');
    const replaced = text.replace(collective![0], actorNames(keys, language));
    return { display: language === 'en' ? replaced : `${replaced} (${en})`, keys };
  }
  if (!text) return { display: 'parties', keys: [] };
  return { display: text, keys: [] };
}

const MEMBERS_OF: Record<Exclude<ActorLanguage, 'en'>, (org: string) => string> = {
  tr: (org) => `${org} üye devletleri`,
  de: (org) => `Mitgliedstaaten der ${org}`,
  ru: (org) => `государства-члены ${org}`,
};

function membersIn(org: string, language: Exclude<ActorLanguage, 'en'>): string {
  return MEMBERS_OF[language](actorByKey(org)?.names[language] ?? org);
}

/** States named in the document's language, with their English names when those differ: "Azerbaycan (Azerbaijan)". */
export function shownNames(keys: readonly string[], language: ActorLanguage): string {
  const local = actorNames(keys, language);
  const en = actorNames(keys, 'en');
  return language === 'en' || local === en ? en : `${local} (${en})`;
}

function withEnglish(text: string, keys: string[], language: ActorLanguage): ResolvedActor {
  if (language === 'en') return { display: text, keys };
  const en = actorNames(keys, 'en');
  return {
    display: text.toLowerCase().includes(en.toLowerCase()) ? text : `${text} (${en})`,
    keys,
  };
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
