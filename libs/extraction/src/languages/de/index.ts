import type { Clause } from '../../engine/segment';
import { translateInstitution } from '../../engine/actors';
import { eventCandidates } from '../../engine/event-candidates';
import { nextMeetingMentions } from '../../engine/meetings';
import { phrase, subClause } from '../../engine/scope';
import type { Candidate, LanguagePack, MeetingMention, MeetingRef } from '../language-pack';
import { germanDates } from './dates';

const BOUNDARY =
  /[;:]|,?\s+(?:und|sowie)\s+(?=(?:beauftrag|beschl|vereinbar|begrüß|betont|unterstrich|forder|einig|verpflicht|bekräftig|würdig|dankt|wies)\p{L}*)/giu;
const MANDATE = /\b(beauftrag\p{L}*|ersucht\p{L}*|ersuchen|wies\p{L}*|angewiesen|weisen)\b/giu;
const PLEDGE =
  /\b(beschlossen|beschließen|beschloss(?:en)?|vereinbart(?:en)?|vereinbaren|verpflicht\p{L}*\s+sich|einigten\s+sich|einigen\s+sich|kamen\s+überein|sagten\s+zu|entschieden|entschlossen)\b/giu;
const EVENT =
  /\b(?:(?:wird|werden|soll|sollen)\b[^;]{0,120}?\b(?:stattfinden|ausrichten|ausgerichtet|abgehalten|veranstaltet|durchgeführt|empfangen|zusammenkommen|tagen)|findet\b[^;]{0,120}?\bstatt|(?:wird|ist)\b[^;]{0,40}?\bgastgeber)\b/giu;
const PAST =
  /\b(?:fand|fanden|stattgefunden|wurde\s+(?:\p{L}+\s+){0,6}?(?:abgehalten|veranstaltet|durchgeführt)|wurden\s+(?:\p{L}+\s+){0,6}?(?:abgehalten|veranstaltet))\b/iu;
const NEGATIVE =
  /\b(?:begrüß\p{L}*|betont\p{L}*|unterstrich\p{L}*|unterstreich\p{L}*|würdig\p{L}*|bekräftig\p{L}*|hob\p{L}*\s+hervor|stellt\p{L}*\s+fest|forder\p{L}*|appellier\p{L}*|vorschlag|vorgeschlagen|schlug\p{L}*|dank\p{L}*|erwarte\p{L}*|könnte|würde)\b/iu;
const NEXT_MEETING =
  /(?:nächsten|kommenden|bevorstehenden|folgenden)\s+(\p{L}*(?:gipfel|treffen|sitzung|konferenz|forum|tagung))\p{L}*(?:\s+in\s+(\p{Lu}\p{L}+))?/giu;
const MEETINGS: [RegExp, string][] = [
  [/gipfel/iu, 'summit'],
  [/treffen|zusammenkunft/iu, 'meeting'],
  [/sitzung|tagung/iu, 'session'],
  [/konferenz/iu, 'conference'],
  [/forum/iu, 'forum'],
  [/besuch/iu, 'visit'],
  [/kongress/iu, 'congress'],
  [/konsultationen|gespräche/iu, 'talks'],
];
const ACTOR_TERMS: [RegExp, string][] = [
  [/generalsekretär/iu, 'Secretary-General'],
  [/sekretariat/iu, 'Secretariat'],
  [/außenminister/iu, 'ministers of foreign affairs'],
  [/zuständigen\s+ministerien/iu, 'relevant ministries'],
  [/ministerien/iu, 'ministries'],
  [/regierungen/iu, 'governments'],
];

function meetingIn(text: string): MeetingRef | null {
  for (const word of text.matchAll(/(?:(\d{1,3})\.\s*)?(?:\p{L}+\s+){0,2}?(\p{Lu}\p{L}*)/gu)) {
    const hit = MEETINGS.find(([re]) => re.test(word[2]));
    if (!hit) continue;
    if (
      /(?:gipfel|treffen|sitzungen|konferenzen|tagungen)$/iu.test(word[2]) &&
      /n$/u.test(word[2]) &&
      !word[1]
    ) {
      // Plural without an ordinal: a recurring practice, not one meeting.
      if (/sitzungen|konferenzen|tagungen|gipfeln/iu.test(word[2])) continue;
    }
    const place = /\bin\s+(\p{Lu}\p{L}+)/u.exec(text)?.[1] ?? null;
    return { noun: hit[1], ordinal: word[1] ? Number(word[1]) : null, place };
  }
  return null;
}

function actorNear(text: string, at: number, after: string): string | null {
  const np =
    /^\s+((?:die|den|das|der|dem|ihre|alle|zuständige\p{L}*|\p{Lu})[^,;.]{0,100}?)(?=,|\s+(?:mit|zu|damit|an)\b|\s*$)/u.exec(
      after,
    );
  if (np) return np[1];
  const before = text.slice(0, at);
  const passive =
    /(?:^|,\s*)((?:die|der|das|den)\s+[^,;]{1,80}?)\s+(?:wurde|wurden|ist|sind|werden)\s+(?:\p{L}+\s+){0,2}$/iu.exec(
      before,
    );
  if (passive) return passive[1];
  const perfect = /\b(?:haben|hat|hatten)\s+((?:die|den|das|der)\s+[^,;]{1,80}?)\s*$/iu.exec(
    before,
  );
  return perfect ? perfect[1] : null;
}

export const german: LanguagePack = {
  code: 'de',
  dates: germanDates,

  meetingMentions: (text: string): MeetingMention[] =>
    nextMeetingMentions(text, NEXT_MEETING, MEETINGS),

  candidates(clause: Clause): Candidate[] {
    const text = clause.text;
    const out: Candidate[] = [];
    const negativeIn = (scopeStart: number, at: number) =>
      NEGATIVE.test(text.slice(scopeStart, at));

    for (const m of text.matchAll(MANDATE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      if (negativeIn(scope.start, at)) continue;
      const after = text.slice(at + m[0].length, scope.end);
      if (/^wies/iu.test(m[1]) && !/\ban\b/u.test(after)) continue;
      const actor = translateInstitution(
        actorNear(text.slice(scope.start, at), at - scope.start, after),
        ACTOR_TERMS,
      );
      if (!actor) continue;
      out.push({
        kind: 'mandate',
        trigger: { start: at, end: at + m[0].length },
        scope,
        actor,
        action: phrase(after.replace(/^[^,]*,\s*/u, '')),
        rule: `de.mandate.${m[1].toLowerCase()}`,
        confidence: 0.85,
      });
    }

    for (const m of text.matchAll(PLEDGE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      if (negativeIn(scope.start, at) || /\bnicht\s+$/iu.test(text.slice(scope.start, at)))
        continue;
      const rest = text.slice(at + m[0].length, scope.end);
      if (
        !/\bzu\s+\p{L}+|\p{L}+zu\p{L}+en\b|\bauf\s+(?:die|den|das|eine?n?)\b|\b(?:die|den|das|eine?n?)\s+(?:\p{L}+\s+){0,3}?(?:gründung|einrichtung|schaffung|errichtung|aufnahme|umsetzung|ausarbeitung)/iu.test(
          rest,
        )
      )
        continue;
      const isMeeting = /(?:abzuhalten|auszurichten|durchzuführen|zu\s+veranstalten)/iu.test(rest);
      const meeting = isMeeting ? meetingIn(rest) : null;
      out.push({
        kind: meeting ? 'event' : 'pledge',
        trigger: { start: at, end: at + m[0].length },
        scope,
        actor: null,
        action: phrase(rest.replace(/^,\s*/u, '')),
        rule: `de.pledge.${m[1].toLowerCase().split(/\s+/)[0]}`,
        confidence: 0.8,
        ...(meeting ? { meeting } : {}),
      });
    }

    out.push(
      ...eventCandidates(clause, {
        trigger: EVENT,
        boundary: BOUNDARY,
        past: PAST,
        meetingIn,
        rule: 'de.event',
        weak: /^findet/iu,
      }),
    );
    return out;
  },
};
