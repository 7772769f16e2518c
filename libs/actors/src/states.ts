import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import { ACTOR_LANGUAGES, type ActorEntry, type ActorLanguage } from './types';

for (const locale of [en, tr, de, ru]) countries.registerLocale(locale);

/**
 * What no list of country names has: the short and official forms,
 * adjectives and case-form stems people write ("казахстанск…", "Kazak",
 * "usbekisch…", "Armenian"), for the states of the regions the product
 * follows and the partners they meet most. Lower case; a form matches a word
 * that starts with it.
 */
const EXTRA_FORMS: Record<string, string[]> = {
  AZ: [
    'azerbaijani',
    'azeri',
    'azərbaycan',
    'azerbaycanlı',
    'aserbaidschanisch',
    'азербайджанск',
    'азербайджана',
  ],
  KZ: ['kazakh', 'kazak', 'kasachisch', 'казахстанск', 'казахск'],
  KG: [
    'kyrgyz',
    'kirghiz',
    'kırgız',
    'kirgisisch',
    'kirgistan',
    'кыргызстан',
    'кыргызск',
    'киргизск',
    'киргизи',
  ],
  UZ: ['uzbek', 'özbek', 'usbekisch', 'узбекистанск', 'узбекск'],
  TM: ['turkmen', 'türkmen', 'turkmenisch', 'туркменск', 'туркмени'],
  TJ: ['tajik', 'tacik', 'tadschikisch', 'таджикск'],
  TR: ['turkey', 'türkiye', 'turkish', 'türkisch', 'турецк', 'турци', 'türk cumhuriyeti'],
  RU: ['russian', 'russisch', 'росси', 'российск', 'рф'],
  BY: ['belarusian', 'belarussisch', 'белорусск', 'беларус', 'белорусси'],
  AM: ['armenian', 'ermeni', 'armenisch', 'армянск', 'армени'],
  GE: ['georgian', 'gürcü', 'georgisch', 'грузинск', 'грузи'],
  UA: ['ukrainian', 'ukraynalı', 'ukrainisch', 'украинск', 'украин'],
  HU: ['hungarian', 'macar', 'ungarisch', 'венгерск', 'венгри'],
  CN: ['chinese', 'çinli', 'chinesisch', 'китайск', 'кнр', 'китая', 'китаем'],
  MN: ['mongolian', 'moğol', 'mongolisch', 'монгольск', 'монголи'],
  DE: ['german', 'alman', 'deutsch', 'германск', 'немецк', 'германи', 'фрг'],
  FR: ['french', 'fransız', 'französisch', 'французск', 'франци'],
  IT: ['italian', 'italyan', 'italienisch', 'итальянск', 'итали'],
  GB: ['british', 'ingiliz', 'britisch', 'британск', 'великобритани'],
  US: ['american', 'amerikan', 'amerikanisch', 'американск', 'сша'],
  JP: ['japanese', 'japon', 'japanisch', 'японск', 'япони'],
  KR: [
    'south korea',
    'korean',
    'koreanisch',
    'güney kore',
    'южная корея',
    'южной кореи',
    'республика корея',
  ],
  IN: ['indian', 'indisch', 'индийск', 'инди'],
  PK: ['pakistani', 'pakistanlı', 'pakistanisch', 'пакистанск'],
  IR: ['iranian', 'iranlı', 'iranisch', 'иранск'],
  AF: ['afghan', 'afgan', 'afghanisch', 'афганск'],
  SA: ['saudi', 'suudi', 'saudisch', 'саудовск'],
  AE: ['emirates', 'emirati', 'bae', 'birleşik arap emirlikleri', 'оаэ', 'эмират'],
  QA: ['qatari', 'katarlı', 'katarisch', 'катарск'],
  EG: ['egyptian', 'mısırlı', 'ägyptisch', 'египетск', 'египт'],
  RS: ['serbian', 'sırp', 'serbisch', 'сербск', 'серби'],
  BA: ['bosnian', 'boşnak', 'bosnisch', 'боснийск'],
  BG: ['bulgarian', 'bulgar', 'bulgarisch', 'болгарск', 'болгари'],
  PL: ['polish', 'polonyalı', 'polnisch', 'польск', 'польш'],
  AT: ['austrian', 'avusturyalı', 'österreichisch', 'австрийск', 'австри'],
  BE: ['belgian', 'belçikalı', 'belgisch', 'бельгийск', 'бельги'],
  BR: ['brazilian', 'brezilyalı', 'brasilianisch', 'бразильск', 'бразили'],
  IL: ['israeli', 'israilli', 'israelisch', 'израильск'],
  SY: ['syrian', 'suriyeli', 'syrisch', 'сирийск', 'сири'],
  IQ: ['iraqi', 'iraklı', 'irakisch', 'иракск'],
  CY: ['cypriot', 'kıbrıs', 'zypriotisch', 'кипрск'],
  MD: ['moldovan', 'moldovalı', 'moldauisch', 'молдавск', 'молдави', 'молдов'],
  CA: ['canadian', 'kanadalı', 'kanadisch', 'канадск'],
  MX: ['mexican', 'meksikalı', 'mexikanisch', 'мексиканск'],
};

/** Northern Cyprus is no ISO 3166 state; the OTS counts it as an observer. */
const NON_ISO: ActorEntry[] = [
  {
    key: 'TRNC',
    kind: 'state',
    names: {
      en: 'Turkish Republic of Northern Cyprus',
      tr: 'Kuzey Kıbrıs Türk Cumhuriyeti',
      de: 'Türkische Republik Nordzypern',
      ru: 'Турецкая Республика Северного Кипра',
    },
    forms: [
      'northern cyprus',
      'kuzey kıbrıs',
      'kktc',
      'nordzypern',
      'северного кипра',
      'северный кипр',
      'трск',
    ],
  },
];

/** Display names people use in each language where the official list differs. */
const DISPLAY: Record<string, Partial<Record<ActorLanguage, string>>> = {
  KG: { ru: 'Кыргызстан', de: 'Kirgisistan' },
  RU: { en: 'Russia', de: 'Russland', ru: 'Россия' },
  TR: { en: 'Türkiye' },
  CN: { en: 'China', de: 'China', ru: 'Китай', tr: 'Çin' },
  US: { en: 'United States', de: 'Vereinigte Staaten', ru: 'США', tr: 'ABD' },
  GB: { en: 'United Kingdom', de: 'Vereinigtes Königreich' },
  KR: { en: 'South Korea', de: 'Südkorea', ru: 'Южная Корея', tr: 'Güney Kore' },
  IR: { en: 'Iran', de: 'Iran', ru: 'Иран', tr: 'İran' },
  SY: { en: 'Syria', de: 'Syrien', ru: 'Сирия', tr: 'Suriye' },
  MD: { en: 'Moldova', de: 'Moldau', ru: 'Молдова', tr: 'Moldova' },
};

/**
 * Lower-case for comparing names in any of the languages: Turkish dotted and
 * dotless i fold together ("KIRGIZİSTAN", "Kırgızistan", "Iran", "İran"
 * compare as written lower-case in either alphabet convention).
 */
export const lower = (s: string) => {
  const l = (s.includes('İ') ? s.replace(/İ/g, 'i') : s).toLowerCase();
  return l.includes('ı') ? l.replace(/ı/g, 'i') : l;
};

/** A Russian noun's stem: "Россия" also names "России", "Россией", "Россию". */
function caseStem(name: string, language: ActorLanguage): string {
  const l = lower(name);
  if (language === 'ru')
    return l.replace(/(?:ия|ея|а|я|ь)$/u, (m) => (m === 'ия' ? 'и' : m === 'ея' ? 'е' : ''));
  return l;
}

/** Names in one language that are common words in another ("Island" is Iceland in German). */
const AMBIGUOUS = new Set(['island']);

function stateEntries(): ActorEntry[] {
  const out: ActorEntry[] = [];
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    const names = {} as Record<ActorLanguage, string>;
    const forms = new Set<string>(EXTRA_FORMS[code] ?? []);
    for (const lang of ACTOR_LANGUAGES) {
      const all = countries.getName(code, lang, { select: 'all' }) ?? [];
      names[lang] = DISPLAY[code]?.[lang] ?? all[0] ?? code;
      for (const n of [...all, names[lang]])
        if (n && n.length >= 4 && !/[.]/.test(n) && !AMBIGUOUS.has(lower(n)))
          forms.add(caseStem(n, lang));
    }
    out.push({ key: code, kind: 'state', names, forms: [...forms] });
  }
  return [...out, ...NON_ISO];
}

export const STATES: readonly ActorEntry[] = stateEntries();
