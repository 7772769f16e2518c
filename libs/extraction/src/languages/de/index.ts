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
  /\b(beschlossen|beschließen|beschloss(?:en)?|vereinbart(?:en)?|vereinbaren|verpflicht\p{L}*\s+sich|einigten\s+sich|einigen\s+sich|(?:haben|hat|hatten)\s+sich\s+(?:\p{L}+\s+){0,4}?(?:verpflichtet|geeinigt)|(?:waren|sind|zeigten\s+sich)\s+sich\s+einig|waren\s+sich\s+einig|kamen\s+überein|sagten\s+zu|entschieden|entschlossen)\b/giu;
/** "wollen die Staaten das Abkommen … ändern", "Die Beobachter werden einen Bericht … vorlegen": an intention or a future with a concrete verb. */
const INTENT =
  /\b(wollen|will|werden|wird)\b([^;:,]{3,140}?)\b(ändern|reformieren|einrichten|gründen|schaffen|ausarbeiten|erarbeiten|unterzeichnen|verabschieden|vorlegen|eröffnen|vorbereiten|aufbauen|einführen|abschaffen|umsetzen|erhöhen|verdoppeln)(?![\p{L}])/giu;
/** Deontic modals: "sollen die Verkehrsminister … leiten", "jede Behörde muss … melden". */
const DUTY = /\b(sollen|soll|muss|müssen)\b([^;:]{3,160}?)\b(\p{L}{3,}en)(?=\s*[.;]|\s*$)/giu;
/** Infinitives of going on with what exists: no new concrete action. */
const VAGUE_INFINITIVE =
  /(?:voranzutreiben|fortzusetzen|fortzuführen|zu\s+vertiefen|zu\s+stärken|auszubauen|zu\s+intensivieren|zu\s+fördern|weiterzuentwickeln|weiterhin)/iu;
const EVENT =
  /\b(?:(?:wird|werden|soll|sollen)\b[^;]{0,120}?\b(?:stattfinden|ausrichten|ausgerichtet|abgehalten|veranstaltet|durchgeführt|empfangen|zusammenkommen|tagen|organisieren|abhalten|einberufen|veranstalten|durchführen)|findet\b[^;]{0,120}?\bstatt|(?:wird|ist)\b[^;]{0,40}?\bgastgeber)\b/giu;
/** Meetings set, planned or announced by their verb; they count only with a date ahead. */
const SCHEDULED_DE =
  /\b(?:(?:ist|sind|wurde|wurden)\b[^;]{0,80}?\b(?:geplant|angesetzt|anberaumt|vorgesehen)|setz\p{L}*\b[^;]{0,80}?\ban(?=[\s.,;]|$)|(?:wird|werden)\b[^;]{0,80}?\b(?:besuchen|zusammentreffen|sich\b[^;]{0,60}?\btreffen))/giu;
const PAST =
  /\b(?:fand|fanden|stattgefunden|wurde\s+(?:\p{L}+\s+){0,6}?(?:abgehalten|veranstaltet|durchgeführt)|wurden\s+(?:\p{L}+\s+){0,6}?(?:abgehalten|veranstaltet))\b/iu;
const NEGATIVE =
  /\b(?:begrüß\p{L}*|betont\p{L}*|unterstrich\p{L}*|unterstreich\p{L}*|würdig\p{L}*|bekräftig\p{L}*|hob\p{L}*\s+hervor|stellt\p{L}*\s+fest|forder\p{L}*|appellier\p{L}*|vorschlag|vorgeschlagen|schlug\p{L}*|dank\p{L}*|erwarte\p{L}*|könnte|würde)\b/iu;
const NEXT_MEETING =
  /(?:nächsten|kommenden|bevorstehenden|folgenden|dieses|diesem|dieser)\s+(\p{L}*(?:gipfel|treffen|sitzung|konferenz|forum|tagung))\p{L}*(?:\s+in\s+(\p{Lu}\p{L}+))?/giu;
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
  [/finanzminister/iu, 'finance ministers'],
  [/^(?:jede[rs]?\s+)?minister$/iu, 'ministers'],
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
      // The purpose clause (", um … zu fördern") does not make the undertaking vague.
      if (VAGUE_INFINITIVE.test(rest.split(/,\s*um\s/u)[0])) continue;
      // "…, das nächste Jahr zum Jahr X zu erklären und ein Programm zu verabschieden": two undertakings.
      const restStart = at + m[0].length;
      const and =
        /\s+und\s+(?=(?:[\p{L}-]+\s+){1,8}?(?:\p{L}+zu\p{L}+en|zu\s+\p{L}+en)(?![\p{L}]))/u.exec(
          rest,
        );
      const firstIsZu =
        and &&
        !/,\s*um\s/u.test(rest.slice(0, and.index)) &&
        /(?:\p{L}+zu\p{L}+en|zu\s+\p{L}+en)(?![\p{L}])/u.test(rest.slice(0, and.index));
      const parts =
        and && firstIsZu
          ? [
              { start: restStart, end: restStart + and.index },
              { start: restStart + and.index + and[0].length, end: scope.end },
            ]
          : [{ start: restStart, end: scope.end }];
      parts.forEach((part, i) => {
        const partText = text.slice(part.start, part.end);
        const isMeeting = /(?:abzuhalten|auszurichten|durchzuführen|zu\s+veranstalten)/iu.test(
          partText,
        );
        const meeting = isMeeting ? meetingIn(partText) : null;
        out.push({
          kind: meeting ? 'event' : 'pledge',
          trigger:
            i === 0
              ? { start: at, end: at + m[0].length }
              : { start: part.start, end: part.start + 3 },
          scope: i === 0 ? { start: scope.start, end: part.end } : part,
          actor: null,
          action: phrase(partText.replace(/^,\s*/u, '')),
          rule: `de.pledge.${m[1].toLowerCase().split(/\s+/)[0]}${i > 0 ? '.coordinated' : ''}`,
          confidence: i === 0 ? 0.8 : 0.7,
          ...(meeting ? { meeting } : {}),
        });
      });
    }

    for (const m of text.matchAll(INTENT)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      const before = text.slice(scope.start, at);
      if (negativeIn(scope.start, at) || NEGATIVE.test(m[2]) || VAGUE_INFINITIVE.test(m[0]))
        continue;
      if (/\b(?:nicht|kein\p{L}*)\b/iu.test(m[2]) || /\bwerden\s*$/u.test(m[0])) continue;
      if (out.some((o) => o.scope.start === scope.start)) continue;
      // The subject: the noun phrase opening the sub-clause, or the one right after an inverted verb.
      const subject =
        /^\s*((?:die|der|das)?\s*[\p{Lu}][^,;]{0,60}?)\s*$/u.exec(before)?.[1] ??
        /^\s*((?:die|der|das)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)/u.exec(m[2])?.[1] ??
        null;
      if (!subject || /^(?:es|das|dies|sie|er)$/iu.test(subject.trim())) continue;
      out.push({
        kind: 'pledge',
        trigger: { start: at, end: at + m[1].length },
        scope,
        actor: subject,
        action: phrase(text.slice(at + m[1].length, at + m[0].length)),
        rule: `de.pledge.intent.${m[1].toLowerCase()}`,
        confidence: 0.7,
      });
    }

    for (const m of text.matchAll(DUTY)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      const before = text.slice(scope.start, at);
      if (
        negativeIn(scope.start, at) ||
        /\b(?:werden|worden|nicht)\s*$/u.test(m[2]) ||
        /werden$/u.test(m[3])
      )
        continue;
      const after =
        /^\s*((?:die|der|den|alle|jede[rs]?)\s+[\p{L}-]+(?:\s+(?:\p{L}+\s+)?(?:Länder|Staaten|Seiten))?)/iu.exec(
          m[2],
        )?.[1];
      const front = /(?:^|,\s*)((?:jede[rs]?|die|der|alle)\s+[\p{L}-]+)\s*$/iu.exec(before)?.[1];
      const actor = translateInstitution(after ?? front ?? null, ACTOR_TERMS);
      if (!actor) continue;
      out.push({
        kind: 'mandate',
        trigger: { start: at, end: at + m[1].length },
        scope,
        actor,
        action: phrase(m[2] + ' ' + m[3]),
        rule: `de.mandate.${m[1].toLowerCase()}`,
        confidence: 0.75,
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
    for (const c of eventCandidates(clause, {
      trigger: SCHEDULED_DE,
      boundary: BOUNDARY,
      past: PAST,
      // "… werden Kasachstan besuchen", "werden sich … treffen": the verb is the meeting.
      meetingIn: (sub) =>
        meetingIn(sub) ??
        (/besuchen/iu.test(sub)
          ? {
              noun: 'visit',
              ordinal: null,
              place: /(\p{Lu}[\p{L}-]+)\s+besuchen/u.exec(sub)?.[1] ?? null,
            }
          : /treffen|zusammentreffen/iu.test(sub)
            ? {
                noun: 'meeting',
                ordinal: null,
                place: /\bin\s+(\p{Lu}\p{L}+)/u.exec(sub)?.[1] ?? null,
              }
            : null),
      rule: 'de.event.scheduled',
      weak: /./u,
      onePerScope: true,
    })) {
      if (!out.some((o) => o.kind === 'event' && o.scope.start === c.scope.start)) out.push(c);
    }
    return out;
  },
};
