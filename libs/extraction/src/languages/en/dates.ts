import {
  after,
  cardinal,
  collect,
  isoDay,
  isoMonth,
  isoYear,
  monthWithoutYear,
  endOfYear,
  endOfNamedMonth,
  dayWithoutYear,
  type DateHit,
  type ReferenceDate,
} from '../../engine/dates';
import { MONTH, MONTHS, NUMBERS, VAGUE } from './lexicon';

const month = (s: string) => MONTHS[s.toLowerCase().replace('.', '')];
const UNIT = '(days?|weeks?|months?|years?)';
const unitOf = (s: string) =>
  s.toLowerCase().replace(/s$/, '') as 'day' | 'week' | 'month' | 'year';
const HALF_END: Record<string, number> = { first: 6, second: 12, '1st': 6, '2nd': 12 };
const QUARTER_END: Record<string, number> = {
  first: 3,
  second: 6,
  third: 9,
  fourth: 12,
  '1st': 3,
  '2nd': 6,
  '3rd': 9,
  '4th': 12,
};

/** English time expressions, most specific first; a date range keeps its start. */
export function englishDates(text: string, ref: ReferenceDate): DateHit[] {
  const y = (s: string | undefined) => (s ? Number(s) : ref.year);
  return collect(text, [
    {
      name: 'month-day-year',
      re: new RegExp(
        `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(?:${MONTH}\\s+)?\\d{1,2})?,?\\s+(\\d{4})\\b`,
        'i',
      ),
      value: (m) => isoDay(Number(m[4]), month(m[1]), Number(m[2])),
    },
    {
      name: 'day-month-year',
      re: new RegExp(
        `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`,
        'i',
      ),
      value: (m) => isoDay(Number(m[3]), month(m[2]), Number(m[1])),
    },
    {
      name: 'month-day',
      re: new RegExp(`\\b(?:on|by|until|before)\\s+${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i'),
      value: (m) => dayWithoutYear(ref, month(m[1]), Number(m[2])),
    },
    {
      name: 'numeric-date',
      re: /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/,
      value: (m) => isoDay(Number(m[3]), Number(m[2]), Number(m[1])),
    },
    {
      name: 'iso-date',
      re: /\b(\d{4})-(\d{2})-(\d{2})\b/,
      value: (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3])),
    },
    {
      name: 'end-of-year',
      re: /\b(?:by|before|until|at|towards?)\s+the\s+end\s+of\s+(?:the\s+|this\s+|the\s+current\s+)?(year|next year|(\d{4}))\b/i,
      value: (m) =>
        m[2] ? endOfYear(Number(m[2])) : endOfYear(/next/i.test(m[1]) ? ref.year + 1 : ref.year),
    },
    {
      name: 'end-of-month',
      re: new RegExp(
        `\\b(?:by|before|until|at)\\s+the\\s+end\\s+of\\s+${MONTH}(?:\\s+(\\d{4}))?`,
        'i',
      ),
      value: (m) => endOfNamedMonth(ref, month(m[1]), m[2] ? Number(m[2]) : undefined),
    },
    {
      name: 'day-month',
      re: new RegExp(
        `\\b(?:on|by|until|before)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?!\\s+\\d)`,
        'i',
      ),
      value: (m) => dayWithoutYear(ref, month(m[2]), Number(m[1])),
    },
    {
      name: 'tomorrow',
      re: /\btomorrow\b/i,
      value: () => after(ref, 1, 'day'),
    },
    {
      name: 'next-week-month',
      re: /\bnext\s+(week|month)\b/i,
      value: (m) => after(ref, 1, unitOf(m[1])),
    },
    {
      name: 'half-year',
      re: /\b(?:in|by|during|until)\s+the\s+(first|second|1st|2nd)\s+half\s+of\s+(?:the\s+year\s+|(\d{4}))/i,
      value: (m) => isoMonth(y(m[2]), HALF_END[m[1].toLowerCase()]),
    },
    {
      name: 'quarter',
      re: /\b(?:in|by|during|until)\s+the\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:the\s+year\s+|(\d{4}))/i,
      value: (m) => isoMonth(y(m[2]), QUARTER_END[m[1].toLowerCase()]),
    },
    {
      name: 'within-period',
      re: new RegExp(
        `(?<!\\bonce\\s)\\b(?:within|in)\\s+(?:the\\s+next\\s+|the\\s+coming\\s+)?(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|sixty|ninety|a|an)\\s+${UNIT}\\b`,
        'i',
      ),
      value: (m) => after(ref, cardinal(m[1], NUMBERS), unitOf(m[2])),
    },
    {
      name: 'month-year',
      re: new RegExp(`\\b${MONTH},?\\s+(\\d{4})\\b`, 'i'),
      value: (m) => isoMonth(Number(m[2]), month(m[1])),
    },
    {
      name: 'in-month',
      re: new RegExp(
        `\\b(?:in|by|until|before|during|from)\\s+(?:early\\s+|mid-?|late\\s+)?${MONTH}\\b(?!\\s+\\d)`,
        'i',
      ),
      value: (m) => monthWithoutYear(ref, month(m[1])),
    },
    {
      name: 'this-next-year',
      re: /\b(?:this|the current|next|the following)\s+year\b/i,
      value: (m) => isoYear(/next|following/i.test(m[0]) ? ref.year + 1 : ref.year),
    },
    {
      name: 'year',
      re: /\b(?:in|by|until|before|during|for|from|of)\s+(?:the\s+year\s+)?((?:19|20)\d\d)\b(?![-–]\d|\s*(?:borders|vision|agenda|strategy))/i,
      value: (m) => isoYear(Number(m[1])),
    },
    { name: 'vague', re: VAGUE, value: () => null },
  ]);
}
