import {
  after,
  cardinal,
  collect,
  isoDay,
  isoMonth,
  isoYear,
  monthWithoutYear,
  endOfYear,
  dayWithoutYear,
  type DateHit,
  type ReferenceDate,
} from '../../engine/dates';

const MONTHS: Record<string, number> = {
  ocak: 1,
  şubat: 2,
  mart: 3,
  nisan: 4,
  mayıs: 5,
  haziran: 6,
  temmuz: 7,
  ağustos: 8,
  eylül: 9,
  ekim: 10,
  kasım: 11,
  aralık: 12,
};
const MONTH = '(ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)';
const NUMBERS: Record<string, number> = {
  bir: 1,
  iki: 2,
  üç: 3,
  dört: 4,
  beş: 5,
  altı: 6,
  yedi: 7,
  sekiz: 8,
  dokuz: 9,
  on: 10,
  'on iki': 12,
  yirmi: 20,
  otuz: 30,
};
const UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  gün: 'day',
  hafta: 'week',
  ay: 'month',
  yıl: 'year',
};
/**
 * Turkish lower case (I → ı, İ → i) without ICU's locale-aware path, which is
 * many times slower; the result has the same length as the input.
 */
export const lowerTr = (s: string) => s.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
const month = (s: string) => MONTHS[lowerTr(s)];
const SUFFIX = "(?:['’]?\\p{L}*)";

/** Turkish time expressions. Month names and years carry case suffixes ("Ekim'de", "2026 yılında"). */
export function turkishDates(source: string, ref: ReferenceDate): DateHit[] {
  const text = lowerTr(source);
  return collect(text, [
    {
      name: 'day-month-year',
      re: new RegExp(
        `(?<!\\d)(\\d{1,2})(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTH}\\s+(\\d{4})${SUFFIX}`,
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
      name: 'end-of-year',
      re: /(?:(\d{4})\s+yılı(?:nın)?\s+|bu\s+yılın\s+|yıl\s*)sonuna\s+kadar/u,
      value: (m) => endOfYear(m[1] ? Number(m[1]) : ref.year),
    },
    {
      name: 'day-month',
      re: new RegExp(
        `(?<!\\d)(\\d{1,2})(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTH}(?!\\s+\\d)${SUFFIX}`,
        'u',
      ),
      value: (m) => dayWithoutYear(ref, month(m[2]), Number(m[1])),
    },
    {
      name: 'tomorrow',
      re: /(?<!\p{L})yarın(?!\p{L})/u,
      value: () => after(ref, 1, 'day'),
    },
    {
      name: 'next-week-month',
      re: /(?:gelecek|önümüzdeki)\s+(hafta|ay)(?!\p{L})/u,
      value: (m) => after(ref, 1, m[1] === 'hafta' ? 'week' : 'month'),
    },
    {
      name: 'within-period',
      re: /(?<!\p{L})(\d{1,3}|bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz|on iki|on|yirmi|otuz)\s+(gün|hafta|ay|yıl)\s+(?:içinde|içerisinde|zarfında)/u,
      value: (m) => after(ref, cardinal(m[1], NUMBERS), UNITS[m[2]]),
    },
    {
      name: 'month-year',
      re: new RegExp(`${MONTH}\\s+(\\d{4})${SUFFIX}`, 'u'),
      value: (m) => isoMonth(Number(m[2]), month(m[1])),
    },
    {
      name: 'year',
      re: /(?<!\d)((?:19|20)\d\d)(?:\s+yılı(?:nda|na\s+kadar|na|\s+içinde)|['’](?:de|da|te|ta|e|a|ye|ya)\s+kadar|['’](?:de|da|te|ta)\b)/u,
      value: (m) => isoYear(Number(m[1])),
    },
    {
      name: 'this-next-year',
      re: /(bu|gelecek|önümüzdeki|içinde\s+bulunduğumuz)\s+yıl(?!lar)/u,
      value: (m) => isoYear(/gelecek|önümüzdeki/u.test(m[1]) ? ref.year + 1 : ref.year),
    },
    {
      name: 'in-month',
      re: new RegExp(`${MONTH}(?:\\s+ayı(?:nda|na\\s+kadar)|['’](?:da|de|ta|te))`, 'u'),
      value: (m) => monthWithoutYear(ref, month(m[1])),
    },
    {
      name: 'vague',
      re: /yakın\s+(?:zamanda|gelecekte)|en\s+kısa\s+(?:zamanda|sürede)|önümüzdeki\s+(?:yıllarda|dönemde)|ilerleyen\s+dönemde/u,
      value: () => null,
    },
  ]);
}
