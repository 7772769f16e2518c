import { detectLanguage } from './language-detect';
import { PACKS } from './rule-based.extractor';

/** How far into a text a dateline can be: the place-and-date line news and declarations open with. */
const DATELINE_CHARS = 300;
const DATELINE_LINES = 3;
/** In a longer line (a first paragraph), the date must come this early: "Bishkek, 6 November 2024 — …". */
const SHORT_LINE = 80;
const EARLY = 40;

/**
 * The publication date a text states at its start ("Bishkek, 6 November 2024",
 * "Ankara, 12 Kasım 2023", under a title line or opening the first
 * paragraph), as YYYY-MM-DD; null when the opening names no full date. Only
 * a day-precision date counts ("by 2025" in a first sentence is a deadline),
 * and in a long line only one near its start.
 */
export function datelineDate(text: string, language?: string | null): string | null {
  const code =
    language && language in PACKS ? (language as keyof typeof PACKS) : detectLanguage(text);
  const pack = PACKS[code];
  if (!pack) return null;
  const ref = { year: new Date().getUTCFullYear(), month: 6, day: 15, known: false };
  const lines = text
    .slice(0, DATELINE_CHARS)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, DATELINE_LINES);
  for (const line of lines) {
    const hit = pack
      .dates(line, ref)
      .find((h) => h.value?.length === 10 && (line.length <= SHORT_LINE || h.start <= EARLY));
    if (hit?.value) return hit.value;
  }
  return null;
}
