/**
 * States, organisations and cities in the four languages, mapped to one
 * English name, so actors and places compare across documents and languages.
 * Stems (not full words) so that inflected forms match: "Kazakistan'ı",
 * "Казахстана", "Kasachstans".
 */
interface Entry {
  name: string;
  stems: string[];
  capitalOf?: string;
}

const STATES: Entry[] = [
  {
    name: 'Republic of Azerbaijan',
    stems: ['azerbaijan', 'azerbaycan', 'aserbaidschan', 'азербайджан'],
  },
  {
    name: 'Republic of Kazakhstan',
    stems: ['kazakhstan', 'kazakistan', 'kasachstan', 'казахстан'],
  },
  {
    name: 'Kyrgyz Republic',
    stems: ['kyrgyz', 'kyrgyzstan', 'kırgız', 'kirgis', 'кыргыз', 'киргиз'],
  },
  {
    name: 'Republic of Uzbekistan',
    stems: ['uzbekistan', 'özbekistan', 'usbekistan', 'узбекистан'],
  },
  { name: 'Turkmenistan', stems: ['turkmenistan', 'türkmenistan', 'туркменистан'] },
  {
    name: 'Republic of Tajikistan',
    stems: ['tajikistan', 'tacikistan', 'tadschikistan', 'таджикистан'],
  },
  { name: 'Republic of Türkiye', stems: ['türkiye', 'turkey', 'türkei', 'турци', 'турецк'] },
  { name: 'Hungary', stems: ['hungary', 'macaristan', 'ungarn', 'венгри'] },
  { name: 'Russian Federation', stems: ['russia', 'rusya', 'russland', 'росси'] },
  { name: "People's Republic of China", stems: ['china', 'çin', 'китай', 'кнр'] },
  { name: 'Republic of Serbia', stems: ['serbia', 'sırbistan', 'serbien', 'серби'] },
  { name: 'Georgia', stems: ['georgia', 'gürcistan', 'georgien', 'грузи'] },
  { name: 'Mongolia', stems: ['mongolia', 'moğolistan', 'mongolei', 'монголи'] },
  { name: 'Germany', stems: ['germany', 'almanya', 'deutschland', 'германи'] },
  { name: 'France', stems: ['france', 'fransa', 'frankreich', 'франци'] },
  { name: 'Italy', stems: ['italy', 'italya', 'italien', 'итали'] },
  { name: 'Japan', stems: ['japan', 'japonya', 'япони'] },
  { name: 'Republic of Korea', stems: ['korea', 'kore', 'корея', 'коре'] },
  { name: 'India', stems: ['india', 'hindistan', 'indien', 'инди'] },
  { name: 'Pakistan', stems: ['pakistan', 'пакистан'] },
  { name: 'Iran', stems: ['iran', 'иран'] },
  { name: 'Afghanistan', stems: ['afghanistan', 'afganistan', 'афганистан'] },
  { name: 'Belarus', stems: ['belarus', 'беларус', 'weißrussland'] },
  { name: 'Armenia', stems: ['armenia', 'ermenistan', 'armenien', 'армени'] },
  { name: 'Ukraine', stems: ['ukraine', 'ukrayna', 'украин'] },
  { name: 'Saudi Arabia', stems: ['saudi', 'suudi', 'саудовск'] },
  { name: 'United Arab Emirates', stems: ['emirates', 'emirlik', 'emirate', 'эмират'] },
  { name: 'Qatar', stems: ['qatar', 'katar', 'катар'] },
  { name: 'Egypt', stems: ['egypt', 'mısır', 'ägypten', 'египет', 'египт'] },
  { name: 'United States', stems: ['united states', 'abd', 'amerika', 'usa', 'сша'] },
  {
    name: 'United Kingdom',
    stems: ['united kingdom', 'britain', 'birleşik krallık', 'großbritannien', 'великобритани'],
  },
  { name: 'Brazil', stems: ['brazil', 'brezilya', 'brasilien', 'бразили'] },
  {
    name: 'Northern Cyprus',
    stems: ['northern cyprus', 'kuzey kıbrıs', 'nordzypern', 'северного кипра'],
  },
  {
    name: 'European Union',
    stems: [
      'european union',
      'avrupa birliği',
      'europäische union',
      'евросоюз',
      'европейский союз',
      'европейского союза',
    ],
  },
];

const CITIES: Entry[] = [
  {
    name: 'Bishkek',
    stems: ['bishkek', 'bişkek', 'bischkek', 'бишкек'],
    capitalOf: 'Kyrgyz Republic',
  },
  { name: 'Astana', stems: ['astana', 'астан'], capitalOf: 'Republic of Kazakhstan' },
  { name: 'Almaty', stems: ['almaty', 'almatı', 'алмат'], capitalOf: 'Republic of Kazakhstan' },
  {
    name: 'Turkistan',
    stems: ['turkistan', 'türkistan', 'туркестан'],
    capitalOf: 'Republic of Kazakhstan',
  },
  { name: 'Baku', stems: ['baku', 'bakü', 'баку'], capitalOf: 'Republic of Azerbaijan' },
  {
    name: 'Shusha',
    stems: ['shusha', 'şuşa', 'schuscha', 'шуш'],
    capitalOf: 'Republic of Azerbaijan',
  },
  {
    name: 'Tashkent',
    stems: ['tashkent', 'taşkent', 'taschkent', 'ташкент'],
    capitalOf: 'Republic of Uzbekistan',
  },
  {
    name: 'Samarkand',
    stems: ['samarkand', 'semerkant', 'самарканд'],
    capitalOf: 'Republic of Uzbekistan',
  },
  {
    name: 'Ashgabat',
    stems: ['ashgabat', 'aşkabat', 'aschgabat', 'ашхабад'],
    capitalOf: 'Turkmenistan',
  },
  {
    name: 'Dushanbe',
    stems: ['dushanbe', 'duşanbe', 'duschanbe', 'душанбе'],
    capitalOf: 'Republic of Tajikistan',
  },
  { name: 'Ankara', stems: ['ankara', 'анкар'], capitalOf: 'Republic of Türkiye' },
  {
    name: 'Istanbul',
    stems: ['istanbul', 'İstanbul', 'стамбул'],
    capitalOf: 'Republic of Türkiye',
  },
  { name: 'Budapest', stems: ['budapest', 'budapeşte', 'будапешт'], capitalOf: 'Hungary' },
  {
    name: 'Moscow',
    stems: ['moscow', 'moskova', 'moskau', 'москв'],
    capitalOf: 'Russian Federation',
  },
  {
    name: 'Beijing',
    stems: ['beijing', 'pekin', 'peking', 'пекин'],
    capitalOf: "People's Republic of China",
  },
  { name: 'Belgrade', stems: ['belgrade', 'belgrad', 'белград'], capitalOf: 'Republic of Serbia' },
  {
    name: 'Riyadh',
    stems: ['riyadh', 'riyad', 'riad', 'эр-рияд', 'рияд'],
    capitalOf: 'Saudi Arabia',
  },
  { name: 'Doha', stems: ['doha', 'доха'], capitalOf: 'Qatar' },
  {
    name: 'Abu Dhabi',
    stems: ['abu dhabi', 'abu dabi', 'абу-даби'],
    capitalOf: 'United Arab Emirates',
  },
  { name: 'Tehran', stems: ['tehran', 'tahran', 'teheran', 'тегеран'], capitalOf: 'Iran' },
  { name: 'Islamabad', stems: ['islamabad', 'исламабад'], capitalOf: 'Pakistan' },
  {
    name: 'New Delhi',
    stems: ['new delhi', 'yeni delhi', 'neu-delhi', 'нью-дели'],
    capitalOf: 'India',
  },
  { name: 'Tokyo', stems: ['tokyo', 'tokio', 'токио'], capitalOf: 'Japan' },
  { name: 'Seoul', stems: ['seoul', 'seul', 'сеул'], capitalOf: 'Republic of Korea' },
  { name: 'Berlin', stems: ['berlin', 'берлин'], capitalOf: 'Germany' },
  { name: 'Paris', stems: ['paris', 'париж'], capitalOf: 'France' },
  { name: 'Rome', stems: ['rome', 'roma', 'рим'], capitalOf: 'Italy' },
  { name: 'London', stems: ['london', 'londra', 'лондон'], capitalOf: 'United Kingdom' },
  {
    name: 'Washington',
    stems: ['washington', 'vaşington', 'вашингтон'],
    capitalOf: 'United States',
  },
  { name: 'Kyiv', stems: ['kyiv', 'kiev', 'kiew', 'киев'], capitalOf: 'Ukraine' },
  { name: 'Minsk', stems: ['minsk', 'минск'], capitalOf: 'Belarus' },
  { name: 'Yerevan', stems: ['yerevan', 'erivan', 'eriwan', 'ереван'], capitalOf: 'Armenia' },
  { name: 'Tbilisi', stems: ['tbilisi', 'tiflis', 'тбилиси'], capitalOf: 'Georgia' },
  { name: 'Cairo', stems: ['cairo', 'kahire', 'kairo', 'каир'], capitalOf: 'Egypt' },
  {
    name: 'Ulaanbaatar',
    stems: ['ulaanbaatar', 'ulan batur', 'ulan-bator', 'улан-батор'],
    capitalOf: 'Mongolia',
  },
  {
    name: 'Brussels',
    stems: ['brussels', 'brüksel', 'brüssel', 'брюссел'],
    capitalOf: 'European Union',
  },
];

export interface GazetteerHit {
  name: string;
  start: number;
  end: number;
  city: boolean;
  country: string;
}

// Dotted capital İ lower-cases to two code units by default; map it first so offsets hold.
const lower = (s: string) => s.replace(/İ/g, 'i').toLowerCase();

/**
 * One pattern for every stem (longest first), and a table from stem to entry:
 * one scan of the text instead of one per entry.
 */
const BY_STEM = new Map<string, { entry: Entry; city: boolean }>();
for (const e of STATES)
  for (const stem of e.stems) BY_STEM.set(lower(stem), { entry: e, city: false });
for (const e of CITIES)
  for (const stem of e.stems) BY_STEM.set(lower(stem), { entry: e, city: true });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STEMS = new RegExp(
  `(?<![\\p{L}])(${[...BY_STEM.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})[\\p{L}'’]*`,
  'gu',
);

/** Every state, organisation and city named in the text, in order. */
export function places(text: string): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  for (const m of lower(text).matchAll(STEMS)) {
    const { entry, city } = BY_STEM.get(m[1])!;
    hits.push({
      name: entry.name,
      start: m.index,
      end: m.index + m[0].length,
      city,
      country: city ? (entry.capitalOf ?? entry.name) : entry.name,
    });
  }
  return hits;
}
