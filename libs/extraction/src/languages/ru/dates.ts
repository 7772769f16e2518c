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

// Genitive ("24 октября"), prepositional ("в октябре") and nominative stems.
const MONTH_STEMS: [string, number][] = [
  ['январ', 1],
  ['феврал', 2],
  ['март', 3],
  ['апрел', 4],
  ['ма[йяе]', 5],
  ['июн', 6],
  ['июл', 7],
  ['август', 8],
  ['сентябр', 9],
  ['октябр', 10],
  ['ноябр', 11],
  ['декабр', 12],
];
const MONTH = `((?:${MONTH_STEMS.map(([s]) => s).join('|')})[а-я]*)`;
const month = (s: string) =>
  MONTH_STEMS.find(([stem]) => new RegExp(`^${stem}`).test(s))?.[1] ?? NaN;
const NUMBERS: Record<string, number> = {
  один: 1,
  одного: 1,
  одной: 1,
  два: 2,
  двух: 2,
  две: 2,
  три: 3,
  трёх: 3,
  трех: 3,
  четыре: 4,
  четырёх: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  десять: 10,
  десяти: 10,
  двенадцать: 12,
  двенадцати: 12,
};
const unit = (s: string): 'day' | 'week' | 'month' | 'year' =>
  /^дн|^ден/.test(s) ? 'day' : /^недел/.test(s) ? 'week' : /^месяц/.test(s) ? 'month' : 'year';
const NB = '(?<![\\p{L}\\d])';
const NA = '(?![\\p{L}])';

/** Russian time expressions ("24 октября 2024 года", "в мае", "до конца года", "в течение трёх месяцев"). */
export function russianDates(source: string, ref: ReferenceDate): DateHit[] {
  const text = source.toLowerCase();
  return collect(text, [
    {
      name: 'day-month-year',
      re: new RegExp(
        `${NB}(?:с\\s+)?(\\d{1,2})(?:\\s*(?:[-–]|по)\\s*\\d{1,2})?\\s+${MONTH}\\s+(\\d{4})`,
        'u',
      ),
      value: (m) => isoDay(Number(m[3]), month(m[2]), Number(m[1])),
    },
    {
      name: 'end-of-month',
      re: new RegExp(`${NB}до\\s+конца\\s+${MONTH}(?:\\s+(\\d{4}))?`, 'u'),
      value: (m) => endOfNamedMonth(ref, month(m[1]), m[2] ? Number(m[2]) : undefined),
    },
    {
      name: 'day-month',
      re: new RegExp(
        `${NB}(?:с\\s+)?(\\d{1,2})(?:\\s*(?:[-–]|по)\\s*\\d{1,2})?\\s+${MONTH}(?!\\s+\\d)`,
        'u',
      ),
      value: (m) => dayWithoutYear(ref, month(m[2]), Number(m[1])),
    },
    {
      name: 'tomorrow',
      re: new RegExp(`${NB}завтра${NA}`, 'u'),
      value: () => after(ref, 1, 'day'),
    },
    {
      name: 'n-month-term',
      re: new RegExp(
        `${NB}в\\s+(двух|трех|трёх|шести|одно|дву|тр[её]х|полу)?(месячный|недельный|годичный|дневный)\\s+срок${NA}`,
        'u',
      ),
      value: (m) => {
        const n =
          (
            { двух: 2, дву: 2, трех: 3, трёх: 3, шести: 6, одно: 1, полу: 6 } as Record<
              string,
              number
            >
          )[m[1] ?? 'одно'] ?? 1;
        const u = m[2].startsWith('месяч')
          ? 'month'
          : m[2].startsWith('недел')
            ? 'week'
            : m[2].startsWith('год')
              ? 'year'
              : 'day';
        return m[1] === 'полу' && u === 'year' ? after(ref, 6, 'month') : after(ref, n, u);
      },
    },
    {
      name: 'next-week-month',
      re: new RegExp(
        `${NB}на\\s+(следующей|будущей)\\s+неделе${NA}|${NB}в\\s+(следующем|будущем)\\s+месяце${NA}`,
        'u',
      ),
      value: (m) => after(ref, 1, m[1] ? 'week' : 'month'),
    },
    {
      name: 'numeric-date',
      re: /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/u,
      value: (m) => isoDay(Number(m[3]), Number(m[2]), Number(m[1])),
    },
    {
      name: 'end-of-year',
      re: new RegExp(
        `${NB}до\\s+конца\\s+(?:(?:этого|текущего|нынешнего)\\s+)?(?:года|(\\d{4})\\s+года)${NA}`,
        'u',
      ),
      value: (m) => endOfYear(m[1] ? Number(m[1]) : ref.year),
    },
    {
      name: 'within-period',
      re: new RegExp(
        `${NB}в\\s+течение\\s+(?:(?:следующих|ближайших)\\s+)?(\\d{1,3}|[а-яё]+)?\\s*(дн[а-я]*|недел[а-я]*|месяц[а-я]*|год[а-я]*|лет)${NA}`,
        'u',
      ),
      value: (m) => after(ref, m[1] ? cardinal(m[1], NUMBERS) : 1, unit(m[2])),
    },
    {
      name: 'month-year',
      re: new RegExp(`${NB}${MONTH}\\s+(\\d{4})`, 'u'),
      value: (m) => isoMonth(Number(m[2]), month(m[1])),
    },
    {
      name: 'year',
      re: new RegExp(`${NB}(?:в|до|к|на)\\s+((?:19|20)\\d\\d)\\s*(?:год[а-я]*|г\\.)`, 'u'),
      value: (m) => isoYear(Number(m[1])),
    },
    {
      name: 'this-next-year',
      re: new RegExp(`${NB}в\\s+(этом|текущем|следующем|будущем|наступающем)\\s+году${NA}`, 'u'),
      value: (m) => isoYear(/следующ|будущ|наступа/u.test(m[1]) ? ref.year + 1 : ref.year),
    },
    {
      name: 'in-month',
      re: new RegExp(`${NB}(?:в|до|к|с)\\s+${MONTH}${NA}(?!\\s+\\d)`, 'u'),
      value: (m) => monthWithoutYear(ref, month(m[1])),
    },
    {
      name: 'vague',
      re: new RegExp(
        `${NB}(?:в\\s+ближайшее\\s+время|в\\s+скором\\s+времени|в\\s+ближайшие\\s+годы|в\\s+перспективе|в\\s+будущем)${NA}`,
        'u',
      ),
      value: () => null,
    },
  ]);
}
