import { useEffect, useState } from 'preact/hooks';
import { en, type MessageKey, type Messages } from './en';

export type { MessageKey };

/** The page's languages, each named in itself (the switch shows them so). */
export const LOCALES = { en: 'English', tr: 'Türkçe', ru: 'Русский', de: 'Deutsch' } as const;
export type Locale = keyof typeof LOCALES;

// Each catalog is typed by the English one: a key missing in any language fails the type check.
// English is in the page's bundle; the others are chunks of their own, fetched when chosen, so
// a first load carries one language.
const CATALOGS: Partial<Record<Locale, Messages>> & { en: Messages } = { en };
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  tr: () => import('./tr').then((m) => m.tr),
  ru: () => import('./ru').then((m) => m.ru),
  de: () => import('./de').then((m) => m.de),
};

/** Fetches a language's catalog (once); the page calls it before it first shows. */
export async function loadLocale(l: Locale): Promise<void> {
  if (l !== 'en' && !CATALOGS[l]) CATALOGS[l] = await LOADERS[l]();
}

/** The current language's catalog, English until it has arrived. */
const catalog = (): Messages => CATALOGS[current] ?? en;
const STORED = 'ct.locale';
/** What a key no catalog has shows as: the browser suite looks for it on every page. */
export const MISSING = (key: string) => `⟦${key}⟧`;

const isLocale = (l: string | null | undefined): l is Locale => !!l && l in LOCALES;

/** The remembered choice, else the first of the browser's languages the page speaks, else English. */
export function preferredLocale(stored: string | null, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const l of languages) {
    const base = l.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORED);
  } catch {
    return null; // storage refused (a private window's policy): not remembered
  }
}

let current: Locale = preferredLocale(
  readStored(),
  typeof navigator === 'undefined' ? [] : navigator.languages,
);
const listeners = new Set<() => void>();

export const locale = (): Locale => current;

export async function setLocale(l: Locale): Promise<void> {
  await loadLocale(l);
  current = l;
  try {
    localStorage.setItem(STORED, l);
  } catch {
    // not remembered; this page still switches
  }
  document.documentElement.lang = l;
  listeners.forEach((f) => f());
}

/** Re-render on a change of language (the App uses it; everything below reads `t`). */
export function useLocale(): Locale {
  const [l, set] = useState(current);
  useEffect(() => {
    const on = () => set(current);
    listeners.add(on);
    document.documentElement.lang = current;
    return () => void listeners.delete(on);
  }, []);
  return l;
}

/** A message in the current language, with {name} filled in (numbers formatted for the locale). */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(catalog()[key] ?? MISSING(key), vars);
}

/**
 * A message whose key is made at run time (`status.${s}`): the value names
 * one of a known set, but the type check cannot see which.
 */
export function tk(key: string, vars?: Record<string, string | number>): string {
  const m = (catalog() as Record<string, string>)[key];
  return fill(m ?? MISSING(key), vars);
}

/**
 * A count in words: `${base}.one`, `.few`, `.many` or `.other` by the
 * language's plural rules (Russian has all four), with {n} filled in.
 */
export function tn(base: string, n: number, vars?: Record<string, string | number>): string {
  const form = new Intl.PluralRules(current).select(n);
  const all = catalog() as Record<string, string>;
  const m = all[`${base}.${form}`] ?? all[`${base}.other`];
  return fill(m ?? MISSING(`${base}.other`), { n, ...vars });
}

export const number = (n: number) => new Intl.NumberFormat(current).format(n);
export const percent = (x: number) =>
  new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0 }).format(x);

function fill(s: string, vars?: Record<string, string | number>): string {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (whole, k: string) => {
    const v = vars[k];
    if (v === undefined) return whole;
    return typeof v === 'number' ? number(v) : v;
  });
}
