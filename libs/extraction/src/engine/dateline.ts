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
  // Two reference years tell a year the text states from one the rules supplied.
  const refA = { year: 2001, month: 6, day: 15, known: false };
  const refB = { year: 2002, month: 6, day: 15, known: false };
  const lines = text
    .slice(0, DATELINE_CHARS)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, DATELINE_LINES);
  for (const line of lines) {
    const hits = pack.dates(line, refA);
    const other = pack.dates(line, refB);
    const i = hits.findIndex(
      (h) => h.value?.length === 10 && (line.length <= SHORT_LINE || h.start <= EARLY),
    );
    if (i < 0) continue;
    const value = hits[i].value!;
    if (other[i]?.value === value) return value;
    // "On July 6, …" with no year: the year the document itself gives that day, or its opening.
    const year = yearStated(text, pack, value.slice(5));
    return year ? `${year}-${value.slice(5)}` : null;
  }
  return null;
}

/** How far the opening reaches when the year of a yearless dateline is looked for. */
const OPENING = 1200;

/**
 * The year the text gives a yearless dateline: the same day and month written
 * with a year anywhere in it ("held on July 6, 2024"), else the only year the
 * opening names; null when neither fixes it (the date stays unknown rather
 * than guessed).
 */
function yearStated(
  text: string,
  pack: (typeof PACKS)[keyof typeof PACKS],
  monthDay: string,
): number | null {
  const ref = { year: 2001, month: 6, day: 15, known: false };
  const alt = { year: 2002, month: 6, day: 15, known: false };
  const hits = pack.dates(text, ref);
  const alts = pack.dates(text, alt);
  const explicit = hits.filter((h, i) => h.value && alts[i]?.value === h.value);
  const same = explicit.find((h) => h.value!.length === 10 && h.value!.slice(5) === monthDay);
  if (same) return Number(same.value!.slice(0, 4));
  const years = new Set(
    [...text.slice(0, OPENING).matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)].map((m) => m[1]),
  );
  return years.size === 1 ? Number([...years][0]) : null;
}
