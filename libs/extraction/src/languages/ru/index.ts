import type { Clause } from '../../engine/segment';
import { translateInstitution } from '../../engine/actors';
import { eventCandidates } from '../../engine/event-candidates';
import { nextMeetingMentions } from '../../engine/meetings';
import { phrase, subClause } from '../../engine/scope';
import type { Candidate, LanguagePack, MeetingMention, MeetingRef } from '../language-pack';
import { russianDates } from './dates';

// JavaScript's \b only knows ASCII letters: Cyrillic word edges need look-arounds.
const NB = '(?<![\\p{L}])';
const w = (source: string, flags = 'giu') => new RegExp(`${NB}(?:${source})(?![\\p{L}])`, flags);

const BOUNDARY = new RegExp(
  `[;:]|,?\\s+и\\s+(?=(?:поруч|договор|реши|приветств|отмети|подчеркн|призва|обязу|согласи|подтверди|выступ)\\p{L}*)`,
  'giu',
);
const MANDATE = w(
  'поручил\\p{L}*|поручен[оаы]?|поручает\\p{L}*|поручается|поручить|поручат|поручив\\p{L}*|да(?:л|ли|ть)\\s+поручени\\p{L}*|обязал\\p{L}*|предписа\\p{L}*',
);
const PLEDGE = w(
  'достигли\\s+договор[её]нност\\p{L}*|договорил\\p{L}*|решил\\p{L}*|согласил\\p{L}*|обязу\\p{L}*|условил\\p{L}*|приняли\\s+решение|постановил\\p{L}*|намерены',
);
const EVENT = w(
  'встретятся|встретится|проведут\\s+переговоры|планиру\\p{L}*\\s+провести|намерены\\s+провести|собира\\p{L}*\\s+с\\s+визитом|отправится\\s+с\\s+визитом|прибуд\\p{L}*\\s+с\\s+визитом|запланирован\\p{L}*|будут|будет|подготовк\\p{L}*\\s+(?:к\\s+)?|пройд[её]т|состоится|состоятся|будет\\s+проведен\\p{L}*|будут\\s+проведены|проведут|примет(?:\\s+у\\s+себя)?|станет\\s+местом\\s+проведения|планиру\\p{L}*\\s+провести|посетит|нанес[её]т\\s+(?:\\p{L}+\\s+)?визит',
);
const PAST = w(
  'прош[её]л|прошла|прошли|состоял\\p{L}*|провели|был\\p{L}*\\s+проведен\\p{L}*|принял\\p{L}*',
  'iu',
);
const NEGATIVE = w(
  'приветств\\p{L}*|отмети\\p{L}*|отмеча\\p{L}*|подчеркн\\p{L}*|подчеркива\\p{L}*|подтверди\\p{L}*|подтвержда\\p{L}*|призва\\p{L}*|призыва\\p{L}*|предложени\\p{L}*|предлож\\p{L}*|выразил\\p{L}*|высоко\\s+оценил\\p{L}*|поблагодари\\p{L}*|ожида\\p{L}*|могут|может',
  'iu',
);
const NEXT_MEETING =
  /(?<![\p{L}])(?:следующ|очередн|предстоящ)\p{L}*\s+(саммит|встреч|заседани|сесси|конференци|форум)\p{L}*(?:\s+в\s+(\p{Lu}\p{L}+))?/giu;
const MEETINGS: [RegExp, string][] = [
  [/^саммит/iu, 'summit'],
  [/^встреч/iu, 'meeting'],
  [/^(?:заседани|сесси)/iu, 'session'],
  [/^конференц/iu, 'conference'],
  [/^форум/iu, 'forum'],
  [/^визит/iu, 'visit'],
  [/^(?:переговор|консультаци)/iu, 'talks'],
  [/^(?:совещани|съезд)/iu, 'meeting'],
  [/^ассамбле/iu, 'assembly'],
];
const ACTOR_TERMS: [RegExp, string][] = [
  [/генеральн\p{L}*\s+секретар/iu, 'Secretary-General'],
  [/секретариат/iu, 'Secretariat'],
  [/министр\p{L}*\s+иностранных\s+дел/iu, 'ministers of foreign affairs'],
  [/профильн\p{L}*\s+министерств|соответствующ\p{L}*\s+министерств/iu, 'relevant ministries'],
  [/министерств/iu, 'ministries'],
  [/правительств/iu, 'governments'],
];
/** Infinitives of going on with what exists. */
const VAGUE = w(
  'поддерживать|продолж\\p{L}*|укрепл\\p{L}*|развивать|углубл\\p{L}*|расширить\\s+диалог|расширять|активизировать|наращивать',
  'iu',
);
/** Dative endings of an addressee ("правительствам", "министерству", "секретариату"). */
const DATIVE = /(?:ам|ям|у|ю|е|и|ому|ему|ой|ей)$/iu;
const ORDINAL = /(\d{1,3})[-‑]?(?:й|го|м|я|е)?/u;

function meetingIn(text: string): MeetingRef | null {
  for (const word of text.matchAll(/\p{L}+/gu)) {
    const hit = MEETINGS.find(([re]) => re.test(word[0]));
    if (!hit) continue;
    const plural = /(?:и|ы|ах|ами)$/iu.test(word[0]) && hit[1] !== 'talks';
    const before = text.slice(Math.max(0, word.index - 30), word.index);
    const ordinal = ORDINAL.exec(before.trim().split(/\s+/).slice(-3).join(' '));
    if (plural && !ordinal) continue;
    const place = /(?<![\p{L}])в\s+(\p{Lu}\p{L}+)/u.exec(text)?.[1] ?? null;
    return { noun: hit[1], ordinal: ordinal ? Number(ordinal[1]) : null, place };
  }
  return null;
}

export const russian: LanguagePack = {
  code: 'ru',
  dates: russianDates,

  meetingMentions: (text: string): MeetingMention[] =>
    nextMeetingMentions(text, NEXT_MEETING, MEETINGS),

  candidates(clause: Clause): Candidate[] {
    const text = clause.text;
    const out: Candidate[] = [];

    for (const m of text.matchAll(MANDATE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      const before = text.slice(scope.start, at);
      if (NEGATIVE.test(before) || /(?<![\p{L}])не\s+$/iu.test(before)) continue;
      const after = text.slice(at + m[0].length, scope.end);
      // Addressee: a dative right after the verb ("поручили министерствам
      // подготовить"), else one fronted before it ("Пограничной службе
      // поручили …", "Минфину было поручено …").
      const afterNp = /^\s*([^,;]{2,100}?)\s+(?=\p{L}+(?:ть|ти|чь)(?![\p{L}]))/u.exec(after)?.[1];
      const dative =
        afterNp &&
        !/(?:ть|ти|чь)$/u.test(afterNp.split(/\s+/)[0]) &&
        DATIVE.test(afterNp.split(/\s+/)[0])
          ? afterNp
          : undefined;
      const fronted =
        /((?:\p{Lu}[\p{L}-]*|\p{Ll}+(?:ой|ому|ым|им|ей))(?:\s+\p{L}[\p{L}-]*){0,4}?)\s+(?:было\s+|будет\s+)?$/u.exec(
          before,
        )?.[1];
      const actor = translateInstitution(dative ?? fronted ?? null, ACTOR_TERMS);
      if (!actor) continue;
      out.push({
        kind: 'mandate',
        trigger: { start: at, end: at + m[0].length },
        scope,
        actor,
        action: phrase(dative ? after.slice(after.indexOf(dative) + dative.length) : after),
        rule: 'ru.mandate',
        confidence: 0.85,
      });
    }

    for (const m of text.matchAll(PLEDGE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      const before = text.slice(scope.start, at);
      if (NEGATIVE.test(before) || /(?<![\p{L}])не\s+$/iu.test(before)) continue;
      const rest = text.slice(at + m[0].length, scope.end);
      if (
        !/^\s*,?\s*(?:\p{L}+\s+){0,2}?\p{L}+(?:ть|ти)(?![\p{L}])|^\s*(?:о|об)\s+\p{L}+(?:ии|нии|тии|ке|ве)(?![\p{L}])/iu.test(
          rest,
        )
      )
        continue;
      // "договорились продолжать обмены / укреплять связи": no new concrete action.
      if (VAGUE.test(rest.slice(0, 30))) continue;
      const meeting = /провести|организовать/iu.test(rest.slice(0, 80)) ? meetingIn(rest) : null;
      const subject =
        /^\s*((?:\p{Lu}[\p{L}-]*\s*(?:и\s+)?){1,4})\s*$/u.exec(before)?.[1]?.trim() ?? null;
      out.push({
        kind: meeting ? 'event' : 'pledge',
        trigger: { start: at, end: at + m[0].length },
        scope,
        actor: subject,
        action: phrase(rest),
        rule: 'ru.pledge',
        confidence: 0.8,
        ...(meeting ? { meeting } : {}),
      });
    }

    // Events already found through "договорились провести …" keep their sub-clause.
    for (const c of eventCandidates(clause, {
      trigger: EVENT,
      boundary: BOUNDARY,
      past: PAST,
      // "министры встретятся в Баку 5 мая": the verb is the meeting.
      meetingIn: (sub) =>
        meetingIn(sub) ??
        (/встрет|проведут\s+переговоры/iu.test(sub)
          ? {
              noun: 'meeting',
              ordinal: null,
              place: /(?<![\p{L}])в\s+(\p{Lu}\p{L}+)/u.exec(sub)?.[1] ?? null,
            }
          : null),
      rule: 'ru.event',
      onePerScope: true,
      // "будет/будут …", "запланировано", "подготовка к …": only with a date ahead.
      weak: /^(?:будут|будет|запланирован|подготовк|встрет|проведут|планиру|намерены)/iu,
    })) {
      if (!out.some((o) => o.kind === 'event' && o.scope.start === c.scope.start)) out.push(c);
    }
    return out;
  },
};
