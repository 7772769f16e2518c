import { de } from '../../web/src/i18n/de';
import { en } from '../../web/src/i18n/en';
import { ru } from '../../web/src/i18n/ru';
import { tr } from '../../web/src/i18n/tr';

// The page's languages (web/src/i18n). The type check already refuses a
// catalog without one of the English keys; this checks what it cannot see.
const CATALOGS = { tr, ru, de } as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const pluralBases = [
  ...new Set(
    Object.keys(en)
      .filter((k) => k.endsWith('.other'))
      .map((k) => k.slice(0, -'.other'.length)),
  ),
];

describe.each(Object.entries(CATALOGS))('the %s catalog', (locale, catalog) => {
  const all = catalog as Record<string, string>;

  it('has every English key, none empty, and no key English lacks but plural forms', () => {
    for (const key of Object.keys(en))
      expect([key, all[key]?.trim().length > 0]).toEqual([key, true]);
    const extra = Object.keys(all).filter((k) => !(k in en));
    for (const k of extra) expect(pluralBases.some((b) => k.startsWith(`${b}.`))).toBe(true);
  });

  it('fills in the same {names} as English', () => {
    for (const [key, english] of Object.entries(en)) {
      expect([key, placeholders(all[key])]).toEqual([key, placeholders(english)]);
    }
  });

  it("has every plural form the language's rules ask for (Russian: one, few, many, other)", () => {
    const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const base of pluralBases) {
      for (const form of forms) {
        expect([`${base}.${form}`, typeof all[`${base}.${form}`]]).toEqual([
          `${base}.${form}`,
          'string',
        ]);
      }
    }
  });
});
