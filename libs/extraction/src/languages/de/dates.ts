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

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  februar: 2,
  märz: 3,
  april: 4,
  mai: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  dezember: 12,
};
const MONTH =
  '(januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)';
const NUMBERS: Record<string, number> = {
  ein: 1,
  einem: 1,
  einer: 1,
  eines: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  zwölf: 12,
  achtzehn: 18,
};
const unit = (s: string): 'day' | 'week' | 'month' | 'year' =>
  /^tag/u.test(s) ? 'day' : /^woch/u.test(s) ? 'week' : /^monat/u.test(s) ? 'month' : 'year';
const month = (s: string) => MONTHS[s.toLowerCase()];

/** German time expressions ("am 24. Oktober 2024", "bis Ende des Jahres", "innerhalb der nächsten drei Monate"). */
export function germanDates(source: string, ref: ReferenceDate): DateHit[] {
  const text = source.toLowerCase();
  return collect(text, [
    {
      name: 'day-month-year',
      re: new RegExp(
        `(?<!\\d)(\\d{1,2})\\.(?:\\s*[-–]\\s*\\d{1,2}\\.)?\\s*${MONTH}\\s+(\\d{4})`,
        'u',
      ),
      value: (m) => isoDay(Number(m[3]), month(m[2]), Number(m[1])),
    },
    {
      name: 'numeric-date',
      re: /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/u,
      value: (m) => isoDay(Number(m[3]), Number(m[2]), Number(m[1])),
    },
    {
      name: 'end-of-month',
      re: new RegExp(`(?:bis|zum|vor)\\s+(?:zum\\s+)?ende\\s+${MONTH}(?:\\s+(\\d{4}))?`, 'u'),
      value: (m) => endOfNamedMonth(ref, month(m[1]), m[2] ? Number(m[2]) : undefined),
    },
    {
      name: 'end-of-year',
      re: /bis\s+(?:zum\s+)?(?:ende|jahresende)(?:\s+(?:des|dieses)\s+(?:laufenden\s+)?jahres|\s+(\d{4}))?/u,
      value: (m) => endOfYear(m[1] ? Number(m[1]) : ref.year),
    },
    {
      name: 'day-month',
      re: new RegExp(`(?<!\\d)(\\d{1,2})\\.\\s*${MONTH}(?!\\s+\\d)`, 'u'),
      value: (m) => dayWithoutYear(ref, month(m[2]), Number(m[1])),
    },
    {
      name: 'tomorrow',
      re: /(?<!\p{L})morgen(?!\p{L})/u,
      value: () => after(ref, 1, 'day'),
    },
    {
      name: 'next-week-month',
      re: /(?:nächste|kommende)n?\s+(woche|monat)(?!e)/u,
      value: (m) => after(ref, 1, m[1] === 'woche' ? 'week' : 'month'),
    },
    {
      name: 'within-period',
      re: /(?:innerhalb|binnen)\s+(?:der\s+nächsten\s+|von\s+|eines\s+|einer\s+)?(\d{1,3}|ein(?:em|er|es)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|achtzehn)?\s*(tage[n]?|wochen?|monate[n]?|monats|jahre[n]?|jahres)/u,
      value: (m) => after(ref, m[1] ? cardinal(m[1], NUMBERS) : 1, unit(m[2])),
    },
    {
      name: 'half-year',
      re: /im\s+(ersten|zweiten)\s+halbjahr(?:\s+(\d{4}))?/u,
      value: (m) => isoMonth(m[2] ? Number(m[2]) : ref.year, m[1] === 'ersten' ? 6 : 12),
    },
    {
      name: 'month-year',
      re: new RegExp(`${MONTH}\\s+(\\d{4})`, 'u'),
      value: (m) => isoMonth(Number(m[2]), month(m[1])),
    },
    {
      name: 'in-month',
      re: new RegExp(`(?:im|ab|bis|anfang|mitte|ende)\\s+${MONTH}(?!\\s+\\d)`, 'u'),
      value: (m) => monthWithoutYear(ref, month(m[1])),
    },
    {
      name: 'this-next-year',
      re: /(?:in\s+diesem|dieses|im\s+laufenden|im\s+nächsten|nächstes|(?:das|dem)\s+nächsten?|im\s+kommenden|kommendes)\s+jahr(?!e)/u,
      value: (m) => isoYear(/nächst|kommend/u.test(m[0]) ? ref.year + 1 : ref.year),
    },
    {
      name: 'year',
      re: /(?:im\s+jahr(?:e)?|bis|ab|für|in)\s+((?:19|20)\d\d)(?!\d)/u,
      value: (m) => isoYear(Number(m[1])),
    },
    {
      name: 'vague',
      re: /in\s+kürze|demnächst|\bbald\b|in\s+naher\s+zukunft|in\s+den\s+kommenden\s+(?:jahren|monaten|wochen)|zu\s+gegebener\s+zeit/u,
      value: () => null,
    },
  ]);
}
