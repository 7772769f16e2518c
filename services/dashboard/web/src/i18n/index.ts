import { useEffect, useState } from 'preact/hooks';
import { de } from './de';
import { en, type MessageKey, type Messages } from './en';
import { ru } from './ru';
import { tr } from './tr';

export type { MessageKey };

/** The page's languages, each named in itself (the switch shows them so). */
export const LOCALES = { en: 'English', tr: 'Türkçe', ru: 'Русский', de: 'Deutsch' } as const;
export type Locale = keyof typeof LOCALES;

// Each catalog is typed by the English one: a key missing in any language fails the type check.
const CATALOGS: Record<Locale, Messages> = { en, tr, ru, de };
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

export function setLocale(l: Locale): void {
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
  return fill(CATALOGS[current][key] ?? MISSING(key), vars);
}

/**
 * A message whose key is made at run time (`status.${s}`): the value names
 * one of a known set, but the type check cannot see which.
 */
export function tk(key: string, vars?: Record<string, string | number>): string {
  const m = (CATALOGS[current] as Record<string, string>)[key];
  return fill(m ?? MISSING(key), vars);
}

/**
 * A count in words: `${base}.one`, `.few`, `.many` or `.other` by the
 * language's plural rules (Russian has all four), with {n} filled in.
 */
export function tn(base: string, n: number, vars?: Record<string, string | number>): string {
  const form = new Intl.PluralRules(current).select(n);
  const all = CATALOGS[current] as Record<string, string>;
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
