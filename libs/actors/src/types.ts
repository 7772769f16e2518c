export type ActorLanguage = 'en' | 'tr' | 'de' | 'ru';
export const ACTOR_LANGUAGES: readonly ActorLanguage[] = ['en', 'tr', 'de', 'ru'];

/**
 * One canonical actor. `key` is what the register compares and scopes
 * coordinators by: an ISO 3166-1 alpha-2 code for a state ("KZ"), an
 * upper-case short name for an organisation ("OTS"), and "<org>/<body>"
 * for one of its bodies ("OTS/secretariat").
 */
export interface ActorEntry {
  key: string;
  kind: 'state' | 'organisation' | 'body' | 'city';
  /** Display names, one per language. */
  names: Record<ActorLanguage, string>;
  /**
   * Every written form that names it, in any language, lower-cased: names,
   * short forms, acronyms, adjectives and stems of case forms. A form
   * matches a word that starts with it and goes on by at most a case ending.
   */
  forms: string[];
}

/** Where a text names an actor. */
export interface ActorMention {
  key: string;
  start: number;
  end: number;
  text: string;
}
