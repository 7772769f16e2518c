import { actorByKey, findNames, stateOf } from '@ct/actors';

export interface GazetteerHit {
  /** The registry's English name of the state, organisation or city. */
  name: string;
  /** Registry key: "KZ", "OTS", "city:bishkek". */
  key: string;
  start: number;
  end: number;
  city: boolean;
  /** For a city, its state's English name; else the name itself. */
  country: string;
  /** For a city, its state's key; else the key itself. */
  countryKey: string;
}

/**
 * Every state, organisation and city named in the text, in order, from the
 * canonical registry (@ct/actors), so places compare across languages.
 */
export function places(text: string): GazetteerHit[] {
  return findNames(text).map((m) => {
    const entry = actorByKey(m.key)!;
    const city = entry.kind === 'city';
    const countryKey = city ? (stateOf(m.key) ?? m.key) : m.key;
    return {
      name: entry.names.en,
      key: m.key,
      start: m.start,
      end: m.end,
      city,
      country: actorByKey(countryKey)?.names.en ?? entry.names.en,
      countryKey,
    };
  });
}
