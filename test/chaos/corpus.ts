/**
 * A generated corpus for the chaos suite: documents in English, Turkish,
 * German and Russian, each carrying known commitments (each marked by a code
 * such as "KX0042" that stays inside the extracted action), some repeated in
 * later documents of the same language. Deterministic for a given size.
 */

export type Language = 'en' | 'tr' | 'de' | 'ru';
export const LANGUAGES: Language[] = ['en', 'tr', 'de', 'ru'];

export interface Commitment {
  code: string;
  language: Language;
  kind: 'mandate' | 'pledge';
  /** The actor as the sentence names it (the extractor may name it otherwise). */
  actor: string;
  deadline: string;
  sentence: string;
}

export interface CorpusDocument {
  title: string;
  language: Language;
  published: string;
  text: string;
  codes: string[];
}

export interface Corpus {
  documents: CorpusDocument[];
  commitments: Map<string, Commitment>;
  /** How many documents mention each code. */
  mentions: Map<string, number>;
}

const MONTHS: Record<Language, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  tr: [
    'Ocak',
    'Şubat',
    'Mart',
    'Nisan',
    'Mayıs',
    'Haziran',
    'Temmuz',
    'Ağustos',
    'Eylül',
    'Ekim',
    'Kasım',
    'Aralık',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
};

function spell(language: Language, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[language][m - 1];
  switch (language) {
    case 'en':
      return `${d} ${month} ${y}`;
    case 'tr':
      return `${d} ${month} ${y}`;
    case 'de':
      return `${d}. ${month} ${y}`;
    case 'ru':
      return `${d} ${month} ${y} года`;
  }
}

const MANDATE_ACTORS: Record<Language, string[]> = {
  en: ['the Secretariat', 'the senior officials', 'the Ministers of Transport'],
  tr: ['Sekretaryayı', 'Ulaştırma Bakanlarını'],
  de: ['das Sekretariat', 'die zuständigen Ministerien'],
  ru: ['Секретариату', 'правительствам'],
};

const TOPICS: Record<Language, string[]> = {
  en: [
    'transport corridors',
    'water security',
    'digital trade',
    'customs procedures',
    'tourism routes',
    'energy links',
  ],
  tr: [
    'ulaştırma koridorları',
    'su güvenliği',
    'dijital ticaret',
    'gümrük işlemleri',
    'turizm rotaları',
  ],
  de: [
    'Verkehrskorridore',
    'Wassersicherheit',
    'digitalen Handel',
    'Zollverfahren',
    'Tourismusrouten',
  ],
  ru: [
    'транспортным коридорам',
    'водной безопасности',
    'цифровой торговле',
    'таможенным процедурам',
  ],
};

function mandate(
  language: Language,
  actorWritten: string,
  code: string,
  topic: string,
  date: string,
): string {
  const when = spell(language, date);
  switch (language) {
    case 'en':
      return `The Heads of State instructed ${actorWritten} to prepare the ${code} programme on ${topic} by ${when}.`;
    case 'tr':
      return `Devlet Başkanları ${actorWritten}, ${when} tarihine kadar ${topic} konusunda ${code} programını hazırlamakla görevlendirdi.`;
    case 'de':
      return `Die Staatschefs beauftragten ${actorWritten}, bis zum ${when} das Programm ${code} zu ${topic} vorzulegen.`;
    case 'ru':
      return `Главы государств поручили ${actorWritten} до ${when} подготовить программу ${code} по ${topic}.`;
  }
}

function pledge(language: Language, code: string, topic: string, date: string): string {
  const when = spell(language, date);
  switch (language) {
    case 'en':
      return `The parties agreed to establish the ${code} fund for ${topic} by ${when}.`;
    case 'tr':
      return `Taraflar, ${when} tarihine kadar ${topic} için ${code} fonunun kurulmasına karar verdi.`;
    case 'de':
      return `Die Parteien vereinbarten, bis zum ${when} den Fonds ${code} für ${topic} einzurichten.`;
    case 'ru':
      return `Стороны договорились создать фонд ${code} по ${topic} до ${when}.`;
  }
}

const FILLER: Record<Language, string[]> = {
  en: [
    'The leaders noted the progress made since the last meeting.',
    'They welcomed the growth of mutual trade.',
  ],
  tr: [
    'Liderler son toplantıdan bu yana kaydedilen ilerlemeyi memnuniyetle karşıladı.',
    'Taraflar karşılıklı ticaretin büyümesini memnuniyetle karşıladı.',
  ],
  de: [
    'Die Staatschefs würdigten die seit dem letzten Treffen erzielten Fortschritte.',
    'Sie begrüßten das Wachstum des gegenseitigen Handels.',
  ],
  ru: [
    'Лидеры отметили прогресс, достигнутый со времени последней встречи.',
    'Стороны приветствовали рост взаимной торговли.',
  ],
};
const TITLE: Record<Language, string> = {
  en: 'Joint Statement',
  tr: 'Ortak Bildiri',
  de: 'Gemeinsame Erklärung',
  ru: 'Совместное заявление',
};

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * `size` documents, one new commitment each; a third also repeat an earlier
 * commitment of their language. Deadlines step 5 days per commitment from
 * 2020, so the same actor's commitments are at least 40 days apart (more than
 * the register's 31-day window for the same task) and the first few hundred
 * are already overdue.
 */
export function generateCorpus(size: number): Corpus {
  const commitments = new Map<string, Commitment>();
  const mentions = new Map<string, number>();
  const documents: CorpusDocument[] = [];
  const byLanguage: Record<Language, string[]> = { en: [], tr: [], de: [], ru: [] };
  for (let i = 0; i < size; i++) {
    const language = LANGUAGES[i % 4];
    const code = `KX${String(i).padStart(4, '0')}`;
    const deadline = iso(START + i * 5 * DAY);
    const topic = TOPICS[language][Math.floor(i / 4) % TOPICS[language].length];
    const isPledge = i % 3 === 2;
    const actors = MANDATE_ACTORS[language];
    // The next commitment of this language goes to the next actor: one actor's commitments
    // are then 40+ days apart, so they never match each other by date.
    const actor = actors[Math.floor(i / 4) % actors.length];
    const c: Commitment = isPledge
      ? {
          code,
          language,
          kind: 'pledge',
          actor: 'parties',
          deadline,
          sentence: pledge(language, code, topic, deadline),
        }
      : {
          code,
          language,
          kind: 'mandate',
          actor,
          deadline,
          sentence: mandate(language, actor, code, topic, deadline),
        };
    commitments.set(code, c);
    const codes = [code];
    const earlier = byLanguage[language];
    // A recent commitment of the same language, quoted again (as news quotes a declaration).
    if (i % 3 === 0 && earlier.length > 1) codes.push(earlier[earlier.length - 2]);
    earlier.push(code);
    for (const k of codes) mentions.set(k, (mentions.get(k) ?? 0) + 1);
    const filler = FILLER[language];
    const body = [
      filler[i % 2],
      ...codes.map((k) => commitments.get(k)!.sentence),
      filler[(i + 1) % 2],
    ];
    documents.push({
      title: `${TITLE[language]} ${i}`,
      language,
      published: iso(START + i * 5 * DAY - 200 * DAY),
      text: `${TITLE[language]} ${i}\n\n${body.join(' ')}`,
      codes,
    });
  }
  return { documents, commitments, mentions };
}
