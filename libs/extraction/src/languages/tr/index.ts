import type { Clause } from '../../engine/segment';
import { phrase } from '../../engine/scope';
import type { Candidate, LanguagePack, MeetingMention, MeetingRef } from '../language-pack';
import { lowerTr, turkishDates } from './dates';

/**
 * Turkish is verb-final: a declaration's clauses end in verbal nouns
 * ("…talimatlandırdıklarını", "…kabul ettiklerini") or finite verbs. Each such
 * verb closes a sub-clause; the verb decides what the sub-clause is.
 */
const L = '\\p{L}';
const CLOSING_VERB = new RegExp(
  `(?<!${L})${L}+(?:[dt][ıiuü]k|acak|ecek|acağ|eceğ)(?:ları|leri)?n[ıiuü](?!\\p{L})|(?<!${L})${L}+(?:d[ıiuü]|t[ıiuü])(?:lar|ler)?(?=[.!;]|\\s*$)|(?<!${L})${L}+(?:acak|ecek|mıştır|miştir|muştur|müştür|maktadır|mektedir)(?:lar|ler)?(?=[.!;]|\\s*$)`,
  'gu',
);

const MANDATE = /talimat(?:landır\p{L}*|\p{L}*\s+ver\p{L}*)|görevlendir\p{L}*|yetkilendir\p{L}*/u;
const PLEDGE =
  /(?<!\p{L})\p{L}+m[ae]y[ıi]\s+kabul\s+et\p{L}*|(?<!\p{L})\p{L}+m[ae]y[ıi]\s+taahhüt\s+et\p{L}*|(?<!\p{L})\p{L}+(?:ın|in|un|ün|nın|nin|nun|nün|sını|sini|ını|ini)\s+taahhüt\s+et\p{L}*|kararlaştır\p{L}*|karar\s+(?:verdi|verildi|aldı|alındı)\p{L}*|mutabık\s+kal\p{L}*|anlaşmaya\s+var\p{L}*|anlaştı\p{L}*|uzlaştı\p{L}*|(?:kurul|oluşturul|tesis\s+edil|başlatıl|hayata\s+geçiril)(?:acak|acağ|ması(?:na)?\s+karar)\p{L}*/u;
/** Cheap test before the costly PLEDGE pattern: every pledge form holds one of these stems. */
const PLEDGE_WORDS =
  /kabul|taahhüt|karar|mutabık|anlaş|uzlaş|kurul|oluşturul|tesis|başlatıl|hayata/u;
const EVENT =
  /bir\s+araya\s+gel(?:ecek|eceğ)\p{L}*|görüşecek\p{L}*|ev\s+sahipliği\s+yap(?:acak|acağ|ma|may)\p{L}*|(?:düzenlen|yapıl|gerçekleştiril|toplan)(?:mesi|ması|mesine|masına)\s+(?:\p{L}+\s+){0,2}?(?:kararlaştır|karar|kabul|mutabık|uzlaş)\p{L}*|(?:düzenlen|yapıl|gerçekleştiril|gerçekleştir|toplan|icra\s+edil)(?:ecek|eceğ|acak|acağ)\p{L}*/u;
const MEETING: [RegExp, string][] = [
  [/zirve/u, 'summit'],
  [/toplantı/u, 'meeting'],
  [/oturum/u, 'session'],
  [/konferans/u, 'conference'],
  [/forum/u, 'forum'],
  [/ziyaret/u, 'visit'],
  [/kongre|kurultay/u, 'congress'],
  [/görüşme/u, 'talks'],
  [/genel\s+kurul/u, 'assembly'],
];
/** A future visit: "gidecek", "ziyaret edecek", "ziyaret gerçekleştirecek". */
const VISIT =
  /(?<!\p{L})(?:gid(?:ecek|eceğ)|(?:resmi\s+)?ziyaret\s+(?:edecek|edeceğ|gerçekleştirecek|gerçekleştireceğ))\p{L}*/u;

/** Final verbs that make a sub-clause a statement, not a commitment. */
const NEGATIVE_VERB =
  /(?:vurgula|memnuniyetle\s+karşıla|destekle|çağrı|davet\s+et|kaydet|teyit\s+et|dikkat\s+çek|takdir|tebrik|teşekkür|hatırlat|yinele|selamla|öner|not\s+et|altını\s+çiz|ifade\s+et|belirt|hazır\s+ol|bağlı\s+ol)\p{L}*$/u;
/** Passive reporting verbs of news ("… görevlendirdikleri belirtildi") say who told, not what was done. */
const REPORTING =
  /\s+(?:belirtildi|açıklandı|bildirildi|ifade\s+edildi|kaydedildi|duyuruldu|aktarıldı)[.!]*$/u;
/** Agreeing to consider or to keep in mind is no concrete new action. */
const WEAK_OBJECT = /(?:göz\s+önünde\s+bulundur|dikkate\s+al|önem\s+ver)\p{L}*\s+kabul/u;
const PAST =
  /(?:düzenlendi|yapıldı|gerçekleştirildi|toplandı|düzenlenen|yapılan|gerçekleştirilen)(?!\p{L})/u;

const ACTOR_TERMS: [RegExp, string][] = [
  [/genel\s+sekreter/u, 'Secretary-General'],
  [/sekreter(?:ya|lik)|sekretarya/u, 'Secretariat'],
  [/dışişleri\s+bakanlık/u, 'ministries of foreign affairs'],
  [/dışişleri\s+bakan/u, 'ministers of foreign affairs'],
  [/ilgili\s+bakanlık/u, 'relevant ministries'],
  [/bakanlık/u, 'ministries'],
  [/bakanlar/u, 'ministers'],
  [/hükümet/u, 'governments'],
  [/ilgili\s+kurum/u, 'relevant agencies'],
  [/kurum/u, 'agencies'],
  [/üye\s+(?:ve\s+gözlemci\s+)?devlet|üye\s+ülke/u, 'member states'],
];

function translateActor(np: string): string {
  const low = lowerTr(np);
  const genitive = /^(.+?(?:ın|in|un|ün|nın|nin|nun|nün))\s+(.+)$/u.exec(low);
  const term = (s: string) => ACTOR_TERMS.find(([re]) => re.test(s))?.[1];
  if (genitive) {
    const head = term(genitive[2]);
    const owner = term(genitive[1]);
    if (head && owner) return `${head} of the ${owner}`;
    if (head) return head;
  }
  return term(low) ?? np.replace(/['’]?(?:nı|ni|nu|nü|ı|i|u|ü|yı|yi)$/u, '');
}

function meetingIn(text: string): MeetingRef | null {
  const low = lowerTr(text);
  for (const [re, noun] of MEETING) {
    const m = re.exec(low);
    if (!m) continue;
    const ordinal = /(\d{1,3})\.\s*(?:\p{L}+\s+){0,3}$/u.exec(
      low.slice(Math.max(0, m.index - 40), m.index),
    )?.[1];
    const place = /(\p{Lu}\p{L}+)['’](?:de|da|te|ta)\b/u.exec(text)?.[1] ?? null;
    return { noun, ordinal: ordinal ? Number(ordinal) : null, place };
  }
  return null;
}

/** Where a trigger matched in a sub-clause's lower-cased text lies in the clause. */
const triggerAt = (scope: { start: number }, m: RegExpExecArray) => ({
  start: scope.start + m.index,
  end: scope.start + m.index + m[0].length,
});

export const turkish: LanguagePack = {
  code: 'tr',
  dates: turkishDates,

  meetingMentions(text: string): MeetingMention[] {
    const out: MeetingMention[] = [];
    const low = lowerTr(text);
    for (const m of low.matchAll(
      /(?:bir\s+)?(?:sonraki|gelecek|bir\s+sonraki|önümüzdeki)\s+(?:\p{L}+\s+){0,2}?(zirve|toplantı|oturum|konferans)\p{L}*/gu,
    )) {
      const noun = MEETING.find(([re]) => re.test(m[1]))![1];
      const place =
        /(\p{Lu}\p{L}+)['’](?:de|da|te|ta)\s+(?:\p{L}+\s+){0,3}$/u.exec(
          text.slice(Math.max(0, m.index - 60), m.index),
        )?.[1] ?? null;
      out.push({ start: m.index, end: m.index + m[0].length, noun, ordinal: null, place });
    }
    return out;
  },

  candidates(clause: Clause): Candidate[] {
    const text = clause.text;
    const out: Candidate[] = [];
    let start = 0;
    const ends = [...text.matchAll(CLOSING_VERB)].map((m) => m.index + m[0].length);
    if (ends.length === 0 || ends[ends.length - 1] < text.length - 3) ends.push(text.length);
    for (const end of ends) {
      const scope = { start, end };
      const sub = text.slice(start, end);
      start = end;
      const low = lowerTr(sub);
      const finalVerb = low
        .slice(-120)
        .replace(/[\s.;!]+$/u, '')
        .replace(REPORTING, '')
        .split(/\s+/)
        .slice(-3)
        .join(' ');
      // A task whose final verb is a mandate is a mandate, even when it names a
      // meeting to be held ("…düzenlenecek Zirveye kadar … görevlendirdi").
      const negative = NEGATIVE_VERB.test(finalVerb);
      const mandate = negative ? null : MANDATE.exec(low);
      // A mandate has an identifiable addressee: "gereken talimatı ilettik" alone names none.
      const addressee = mandate
        ? /(?:ları|leri|[ıiuü])n[ıiuü](?=[\s,])|[aeıioöuü]y[ıiuü](?=[\s,])|['’](?:[ny]?[ae])(?=[\s,])/u.test(
            sub.slice(0, mandate.index),
          )
        : false;
      if (mandate && addressee) {
        // The addressee: the first accusative noun phrase of the sub-clause, with up to three modifiers.
        const np =
          /(?:^|[,;]\s*|\s)((?:[\p{L}’']+\s+){0,3}?[\p{L}’']+(?:(?:ları|leri|[ıiuü])n[ıiuü]|[aeıioöuü]y[ıiuü]))(?=[\s,])/u.exec(
            sub.slice(0, mandate.index),
          );
        out.push({
          kind: 'mandate',
          trigger: triggerAt(scope, mandate),
          scope,
          actor: np ? translateActor(np[1].replace(/^.*,\s*/u, '')) : null,
          action: phrase(sub.slice(np ? np.index + np[0].length : 0, mandate.index)),
          rule: 'tr.mandate',
          confidence: 0.85,
        });
        continue;
      }
      const event = EVENT.exec(low);
      // "bir toplantıya ev sahipliği yapmaya hazır", "olası bir görüşme": a meeting imagined, not announced.
      const hypothetical =
        /(?<!\p{L})(?:olası|muhtemel|olabilecek)(?!\p{L})|(?<!\p{L})bir\s+(?:\p{L}+\s+){0,3}?(?:zirve|toplantı)\p{L}*\s+(?:\p{L}+\s+){0,3}?hazır/u.test(
          low,
        );
      if (event && !PAST.test(low) && !hypothetical) {
        const meeting =
          meetingIn(sub) ??
          (/bir\s+araya\s+gel|görüşecek/u.test(event[0])
            ? {
                noun: 'meeting',
                ordinal: null,
                place: /(\p{Lu}\p{L}+)['’](?:de|da|te|ta)(?!\p{L})/u.exec(sub)?.[1] ?? null,
              }
            : null);
        if (meeting) {
          out.push({
            kind: 'event',
            trigger: triggerAt(scope, event),
            scope,
            actor: null,
            action: phrase(sub),
            rule: 'tr.event',
            confidence: 0.8,
            meeting,
            // A meeting named only by its verb counts with a date ahead.
            needsFutureDate: !meetingIn(sub),
          });
          continue;
        }
      }
      // "… heyetin Bakü'ye gideceğini", "… resmi ziyaret gerçekleştirecek": a visit, by its subject.
      const visit = low.includes('gid') || low.includes('ziyaret') ? VISIT.exec(low) : null;
      if (visit && !negative) {
        const dest = /(\p{Lu}[\p{L}-]+)['’](?:[ny]?[ae])(?!\p{L})/u.exec(
          sub.slice(0, visit.index + 40),
        );
        if (dest) {
          // The visitor: what precedes the destination after the reporting subject ("Bakan, heyetin …"), dates left out.
          const subject = sub
            .slice(0, dest.index)
            .replace(/^.*,\s*/u, '')
            .replace(/(?<!\p{L})\d{1,4}(?:\s+\p{L}+)?(?:['’]\p{L}+)?/gu, '')
            .replace(/\s+ve\s+\p{L}+$/u, '')
            .replace(/\s+/gu, ' ')
            .trim();
          out.push({
            kind: 'event',
            trigger: triggerAt(scope, visit),
            scope,
            actor: subject.length >= 3 && subject.length <= 100 ? subject : null,
            action: phrase(sub),
            rule: 'tr.event.visit',
            confidence: 0.7,
            meeting: { noun: 'visit', ordinal: null, place: dest[1] },
          });
          continue;
        }
      }
      if (negative) continue;
      const pledge = PLEDGE_WORDS.test(low) ? PLEDGE.exec(low) : null;
      if (pledge && !WEAK_OBJECT.test(low)) {
        out.push({
          kind: 'pledge',
          trigger: triggerAt(scope, pledge),
          scope,
          actor: null,
          action: phrase(sub.slice(0, pledge.index)),
          rule: 'tr.pledge',
          confidence: 0.8,
        });
      }
    }
    return out;
  },
};
