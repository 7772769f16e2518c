import type { ActorEntry, ActorLanguage } from './types';

const org = (
  key: string,
  names: Record<ActorLanguage, string>,
  forms: string[],
  kind: ActorEntry['kind'] = 'organisation',
): ActorEntry => ({
  key,
  kind,
  names,
  // Acronyms keep their case: the matcher wants them written so ("AB", not "ab").
  forms: [
    ...new Set(
      [...Object.values(names), ...forms].map((f) => (isAcronym(f) ? f : f.toLowerCase())),
    ),
  ],
});

export const isAcronym = (f: string) => f.length <= 7 && /\p{Lu}/u.test(f) && f === f.toUpperCase();

/**
 * Organisations and formats the product's documents name, with their former
 * names and acronyms in each language. Acronyms are matched as whole words
 * in their written case (see matcher.ts).
 */
export const ORGANISATIONS: readonly ActorEntry[] = [
  org(
    'OTS',
    {
      en: 'Organization of Turkic States',
      tr: 'Türk Devletleri Teşkilatı',
      de: 'Organisation der Turkstaaten',
      ru: 'Организация тюркских государств',
    },
    [
      'OTS',
      'TDT',
      'ОТГ',
      'TSO',
      'organisation of turkic states',
      'organisation der türkischen staaten',
      'organization of turkic states',
      'организации тюркских государств',
      'организацией тюркских государств',
      'turkic council',
      'türk keneşi',
      'türk konseyi',
      'тюркский совет',
      'тюркского совета',
      'türkischer rat',
      'cooperation council of turkic speaking states',
      'cooperation council of turkic-speaking states',
      'cooperation council of turkic-speaking countries',
      'türk dili konuşan ülkeler işbirliği konseyi',
      'совет сотрудничества тюркоязычных государств',
    ],
  ),
  org(
    'EU',
    { en: 'European Union', tr: 'Avrupa Birliği', de: 'Europäische Union', ru: 'Европейский союз' },
    [
      'EU',
      'AB',
      'ЕС',
      'евросоюз',
      'европейского союза',
      'европейским союзом',
      'europäischen union',
    ],
  ),
  org(
    'CIS',
    {
      en: 'Commonwealth of Independent States',
      tr: 'Bağımsız Devletler Topluluğu',
      de: 'Gemeinschaft Unabhängiger Staaten',
      ru: 'Содружество Независимых Государств',
    },
    ['CIS', 'BDT', 'GUS', 'СНГ', 'содружества независимых государств'],
  ),
  org(
    'SCO',
    {
      en: 'Shanghai Cooperation Organisation',
      tr: 'Şanghay İşbirliği Örgütü',
      de: 'Shanghaier Organisation für Zusammenarbeit',
      ru: 'Шанхайская организация сотрудничества',
    },
    [
      'SCO',
      'ŞİÖ',
      'SOZ',
      'ШОС',
      'shanghai cooperation organization',
      'шанхайской организации сотрудничества',
    ],
  ),
  org(
    'EAEU',
    {
      en: 'Eurasian Economic Union',
      tr: 'Avrasya Ekonomik Birliği',
      de: 'Eurasische Wirtschaftsunion',
      ru: 'Евразийский экономический союз',
    },
    ['EAEU', 'EAWU', 'AEB', 'ЕАЭС', 'евразийского экономического союза'],
  ),
  org(
    'CICA',
    {
      en: 'Conference on Interaction and Confidence-Building Measures in Asia',
      tr: 'Asya’da İşbirliği ve Güven Artırıcı Önlemler Konferansı',
      de: 'Konferenz für Zusammenarbeit und vertrauensbildende Maßnahmen in Asien',
      ru: 'Совещание по взаимодействию и мерам доверия в Азии',
    },
    [
      'CICA',
      'AİGK',
      'СВМДА',
      'KIVA',
      'conference on interaction and confidence building measures in asia',
    ],
  ),
  org('C5+1', { en: 'C5+1', tr: 'C5+1', de: 'C5+1', ru: 'C5+1' }, ['C5+1', 'С5+1']),
  org(
    'UN',
    {
      en: 'United Nations',
      tr: 'Birleşmiş Milletler',
      de: 'Vereinte Nationen',
      ru: 'Организация Объединённых Наций',
    },
    ['UN', 'BM', 'ООН', 'UNO', 'vereinten nationen', 'организации объединенных наций'],
  ),
  org(
    'OSCE',
    {
      en: 'Organization for Security and Co-operation in Europe',
      tr: 'Avrupa Güvenlik ve İşbirliği Teşkilatı',
      de: 'Organisation für Sicherheit und Zusammenarbeit in Europa',
      ru: 'Организация по безопасности и сотрудничеству в Европе',
    },
    ['OSCE', 'AGİT', 'OSZE', 'ОБСЕ'],
  ),
  org('G7', { en: 'G7', tr: 'G7', de: 'G7', ru: 'G7' }, [
    'G7',
    'G-7',
    'Большая семёрка',
    'большой семерки',
  ]),
  org('G20', { en: 'G20', tr: 'G20', de: 'G20', ru: 'G20' }, [
    'G20',
    'G-20',
    'Большая двадцатка',
    'большой двадцатки',
  ]),
  org(
    'PIF',
    {
      en: 'Pacific Islands Forum',
      tr: 'Pasifik Adaları Forumu',
      de: 'Pazifikinsel-Forum',
      ru: 'Форум тихоокеанских островов',
    },
    ['PIF', 'pacific islands forum'],
  ),
  org('NATO', { en: 'NATO', tr: 'NATO', de: 'NATO', ru: 'НАТО' }, ['NATO', 'НАТО']),
  org('ASEAN', { en: 'ASEAN', tr: 'ASEAN', de: 'ASEAN', ru: 'АСЕАН' }, ['ASEAN', 'АСЕАН']),
  org('APEC', { en: 'APEC', tr: 'APEC', de: 'APEC', ru: 'АТЭС' }, [
    'APEC',
    'АТЭС',
    'asia-pacific economic cooperation',
  ]),
  org('BRICS', { en: 'BRICS', tr: 'BRICS', de: 'BRICS', ru: 'БРИКС' }, ['BRICS', 'БРИКС']),
  org(
    'CSTO',
    {
      en: 'Collective Security Treaty Organization',
      tr: 'Kolektif Güvenlik Antlaşması Örgütü',
      de: 'Organisation des Vertrags über kollektive Sicherheit',
      ru: 'Организация Договора о коллективной безопасности',
    },
    ['CSTO', 'KGAÖ', 'OVKS', 'ОДКБ'],
  ),
  org(
    'TURKPA',
    {
      en: 'Parliamentary Assembly of Turkic States',
      tr: 'Türk Devletleri Parlamenter Asamblesi',
      de: 'Parlamentarische Versammlung der Turkstaaten',
      ru: 'Парламентская ассамблея тюркских государств',
    },
    ['TÜRKPA', 'TURKPA', 'ТЮРКПА', 'parliamentary assembly of turkic-speaking countries'],
  ),
  org(
    'TURKSOY',
    {
      en: 'International Organization of Turkic Culture',
      tr: 'Uluslararası Türk Kültürü Teşkilatı',
      de: 'Internationale Organisation für Turkkultur',
      ru: 'Международная организация тюркской культуры',
    },
    ['TÜRKSOY', 'TURKSOY', 'ТЮРКСОЙ'],
  ),
  org('IMF', { en: 'IMF', tr: 'IMF', de: 'IWF', ru: 'МВФ' }, [
    'IMF',
    'IWF',
    'МВФ',
    'international monetary fund',
  ]),
  org('OECD', { en: 'OECD', tr: 'OECD', de: 'OECD', ru: 'ОЭСР' }, ['OECD', 'ОЭСР']),
  org('ILO', { en: 'ILO', tr: 'ILO', de: 'IAO', ru: 'МОТ' }, [
    'ILO',
    'IAO',
    'МОТ',
    'international labour organization',
  ]),
  org('WB', { en: 'World Bank', tr: 'Dünya Bankası', de: 'Weltbank', ru: 'Всемирный банк' }, [
    'всемирного банка',
  ]),
  org('WTO', { en: 'WTO', tr: 'DTÖ', de: 'WTO', ru: 'ВТО' }, [
    'WTO',
    'DTÖ',
    'ВТО',
    'world trade organization',
    'welthandelsorganisation',
  ]),
  org(
    'IPU',
    {
      en: 'Inter-Parliamentary Union',
      tr: 'Parlamentolar Arası Birlik',
      de: 'Interparlamentarische Union',
      ru: 'Межпарламентский союз',
    },
    ['IPU', 'PAB', 'межпарламентского союза'],
  ),
  org(
    'OSCE-MG',
    {
      en: 'OSCE Minsk Group',
      tr: 'AGİT Minsk Grubu',
      de: 'OSZE Minsk-Gruppe',
      ru: 'Минская группа ОБСЕ',
    },
    ['minsk group', 'minsk-gruppe', 'minsk grubu', 'минской группы'],
  ),
];

/** Bodies of an organisation, named on their own ("the Secretariat") in a document about it. */
export const BODY_FORMS: readonly {
  body: string;
  names: Record<ActorLanguage, string>;
  forms: RegExp;
}[] = [
  {
    body: 'secretariat',
    names: { en: 'Secretariat', tr: 'Sekretarya', de: 'Sekretariat', ru: 'Секретариат' },
    forms: /secretariat|sekretarya|sekreterya|sekretariat|секретариат/iu,
  },
  {
    body: 'secretary-general',
    names: {
      en: 'Secretary-General',
      tr: 'Genel Sekreter',
      de: 'Generalsekretär',
      ru: 'Генеральный секретарь',
    },
    forms: /secretary[- ]general|genel sekreter|generalsekretär|генеральн\p{L}* секретар/iu,
  },
  {
    body: 'council-of-foreign-ministers',
    names: {
      en: 'Council of Foreign Ministers',
      tr: 'Dışişleri Bakanları Konseyi',
      de: 'Rat der Außenminister',
      ru: 'Совет министров иностранных дел',
    },
    forms:
      /council of (?:the )?foreign ministers|dışişleri bakanları konseyi|rat der außenminister|совет\p{L}* министров иностранных дел|смид/iu,
  },
];
