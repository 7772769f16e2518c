import type { Clause } from '../../engine/segment';
import { phrase, subClause } from '../../engine/scope';
import type { Candidate, LanguagePack, MeetingMention, MeetingRef } from '../language-pack';
import { englishDates } from './dates';
import { CLAUSE_VERBS, MEETING, NEGATIVE, ORDINALS, RECURRING } from './lexicon';

const BOUNDARY = new RegExp(
  `[;:]|,?\\s+and\\s+(?=(?:also\\s+|further\\s+)?(?:${CLAUSE_VERBS})(?:s|d|ed)?\\b)|\\bto this end,|\\bin this regard,`,
  'gi',
);

const ADDRESSEE =
  '((?:the|its|their|all|relevant|respective|competent|national|[A-Z])[^;:]{0,140}?)';

/** Case-insensitive first letter, for patterns that must stay case-sensitive elsewhere. */
const cap = (w: string) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`;
const MANDATE_ACTIVE = new RegExp(
  `\\b(${cap('instruct')}(?:s|ed)?|${cap('task')}(?:s|ed)?|${cap('entrust')}(?:s|ed)?|${cap('direct')}(?:s|ed)?|${cap('mandate')}[sd]?|${cap('request')}(?:s|ed)?|${cap('commission')}(?:s|ed)?|${cap('authori')}[sz]e[sd]?)\\s+${ADDRESSEE}\\s+(to|with)\\s+(\\w)`,
  'g',
);
const MANDATE_PASSIVE =
  /\b(?:is|are|was|were|has been|have been|shall be|will be|be)\s+(instructed|tasked|entrusted|charged|requested|mandated|directed|commissioned)\s+(to|with)\s+(\w)/gi;
const PLEDGE =
  /\b(agree[sd]?|decide[sd]?|resolve[sd]?|undert(?:ake|akes|ook)|commit(?:s|ted)?(?:\s+themselves)?|pledge[sd]?|determined)(?:\s+(?:at|during)\s+(?:the\s+)?\w+(?:\s+\w+)?)?\s+(to|on|upon)\s+(\w+)/gi;
const ACTION_NOUN =
  /^(?:the\s+|a\s+|an\s+)?(?:implementation|establishment|creation|launch|development|adoption|introduction|organi[sz]ation|holding|preparation|formation|conclusion|signing|opening|setting up|elaboration|drafting|construction)\b/i;
const DETERMINER =
  /^(?:the|a|an|its|their|his|her|these|those|this|that|principles?|ideas?|values?)$/i;

const EVENT_FUTURE = new RegExp(
  `\\b(?:(?:will|shall|to|would)\\s+(?:also\\s+)?(?:be\\s+)?(?:host(?:ed)?|hold|held|convene[d]?|organi[sz]ed?|take\\s+place)|readiness\\s+to\\s+host|plans?\\s+to\\s+(?:hold|host|convene)|(?:success\\s+in\\s+)?hosting|(?:will|shall)\\s+(?:pay|make)\\s+an?\\s+(?:\\w+\\s+)?visit)\\b`,
  'gi',
);
/** Meetings and visits announced by their verb: "the ministers will meet in Baku on 5 May", "is due to visit Astana". */
const MEET_OR_VISIT =
  /\b(?:will|shall|(?:is|are)\s+(?:set|scheduled|due)\s+to|(?:is|are)\s+to)\s+(?:also\s+)?(meet|convene|gather|visit|travel\s+to|pay\s+a\s+visit\s+to)\b/gi;
const SCHEDULED =
  /\b(?:(?:is|are|was|were)\s+)?(?:scheduled|planned|set)\s+(?:for|to\s+take\s+place)\b|\b(?:is|are)\s+(?:set|scheduled|due)\s+to\s+(?:host|hold|take\s+place|be\s+held|convene)\b/gi;
const PAST_EVENT =
  /\b(?:was|were|has been|have been|had been)\s+(?:successfully\s+)?(?:held|hosted|convened|organi[sz]ed)\b|\bsuccessful\s+organi[sz]ation\b/i;

const MEETING_RE = new RegExp(
  `\\b(?:(\\d{1,3})(?:st|nd|rd|th)|(${Object.keys(ORDINALS).join('|')}))?\\s*(?:[A-Z][\\w-]*\\s+){0,5}?${MEETING}\\b`,
  'gi',
);
const NEXT_MEETING = new RegExp(
  `\\b(?:the\\s+)?(?:next|upcoming|forthcoming|following)\\s+(?:[A-Z][\\w-]*\\s+){0,3}?${MEETING}(?:\\s+(?:in|of)\\s+([A-Z][\\p{L}-]+))?`,
  'giu',
);

function meetingIn(text: string): MeetingRef | null {
  for (const m of text.matchAll(MEETING_RE)) {
    const noun = m[3].toLowerCase().replace(/^cop\d*$/, 'conference');
    if (/s$/.test(m[3]) && !/^(talks|consultations|games)$/i.test(m[3])) continue;
    const ordinal = m[1] ? Number(m[1]) : m[2] ? ORDINALS[m[2].toLowerCase()] : null;
    const place = /\bin\s+([A-Z][\p{L}-]+)/u.exec(text.slice(m.index))?.[1] ?? null;
    return { noun, ordinal, place };
  }
  return null;
}

function hasPluralMeeting(text: string): boolean {
  return /\b(?:meetings|summits|sessions|conferences)\b/i.test(text);
}

/** Verbs of a pledge that only goes on with what exists. */
const VAGUE_ACTION =
  /^(?:continue|coordinate|renew|work|strengthen|deepen|enhance|promote|foster|intensify|maintain|support|respect|uphold|pursue|keep|remain|stay|further\s+(?:develop|strengthen|expand))\b/i;
/** Verbs that create something: their coordinated objects are separate undertakings ("a fund and a museum"). */
const CREATION = /^(?:establish|create|set\s+up|found|launch|open|build|form)\b/i;

/**
 * The coordinated parts of an undertaking: "to establish X, to create Y and
 * a Z" are three; for verbs that create or hold something, "X and a Y" two.
 */
function coordinatedParts(
  text: string,
  start: number,
  end: number,
  splitObjects: boolean,
): { start: number; end: number }[] {
  const sep = splitObjects
    ? /,\s*(?:and\s+)?(?=to\s+\p{L})|\s+and\s+(?=(?:to\s+\p{L}|(?:a|an)\s+\p{L}))/giu
    : /,\s*(?:and\s+)?(?=to\s+\p{L})|\s+and\s+(?=to\s+\p{L})/giu;
  const parts: { start: number; end: number }[] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(sep)) {
    const cut = start + m.index;
    if (cut - from < 12) continue;
    parts.push({ start: from, end: cut });
    from = cut + m[0].length;
  }
  parts.push({ start: from, end });
  return parts;
}

/** The noun phrase that ends right before `at` and starts the sub-clause: a passive or host subject. */
function subjectBefore(text: string): string | null {
  const t = text
    .replace(/\s+(?:are|is|were|remain|stand|will|shall)\s*$/i, '')
    .replace(/^.*,\s*(?=(?:we|they)\s*$)/i, '')
    .replace(/\s+(?:therefore|also|further|furthermore|jointly|today|hereby|thus)\s*$/i, '')
    .replace(/^(?:it\s+)?(?:has|had|have|was|were)?\s*(?:also\s+)?been\s*$/i, '')
    .replace(/^(?:they|it)\s+/i, '')
    .replace(
      /\s+(?:reaffirms?|confirms?|expressed|expresses|announced|announces|declared|declares|has|have|had)\b.*$/i,
      '',
    )
    .trim();
  if (!t || t.length > 120 || /^(?:they|we|it|which|who|that)$/i.test(t)) return null;
  return t;
}

export const english: LanguagePack = {
  code: 'en',

  dates: englishDates,

  embedded: /\b(?:that|which|who)\s+(?:will|shall)\b|\bto\s+be\s+held\b/i,

  continuation: /^(?:and\s+)?to\s+(?!the\b|a\b|an\b|be\b)\p{L}+/iu,

  meetingMentions(text: string): MeetingMention[] {
    return [...text.matchAll(NEXT_MEETING)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      noun: m[1].toLowerCase(),
      ordinal: null,
      place: m[2] ?? null,
    }));
  },

  candidates(clause: Clause): Candidate[] {
    const text = clause.text;
    const out: Candidate[] = [];
    const negatedBefore = (at: number) =>
      /\b(?:not|never|no longer)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, at - 20), at));
    const negativeIn = (scope: { start: number }, at: number) =>
      NEGATIVE.test(text.slice(scope.start, at));

    for (const m of text.matchAll(MANDATE_ACTIVE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      if (negativeIn(scope, at) || negatedBefore(at)) continue;
      const addressee = m[2].trim();
      if (/^(?:that|whether|us|them|themselves|ourselves)\b/i.test(addressee)) continue;
      const actionStart = at + m[0].length - 1;
      out.push({
        kind: 'mandate',
        trigger: { start: at, end: at + m[1].length },
        scope,
        actor: addressee,
        action: phrase(text.slice(actionStart, scope.end)),
        rule: `en.mandate.${m[1].toLowerCase()}`,
        confidence: 0.9,
      });
    }

    for (const m of text.matchAll(MANDATE_PASSIVE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      if (negativeIn(scope, at) || negatedBefore(at)) continue;
      const subject = subjectBefore(text.slice(scope.start, at)) ?? clause.governing;
      if (!subject) continue;
      const actionStart = at + m[0].length - 1;
      out.push({
        kind: 'mandate',
        trigger: { start: at, end: at + m[0].length - m[3].length },
        scope,
        actor: subject,
        action: phrase(text.slice(actionStart, scope.end)),
        rule: `en.mandate.passive.${m[1].toLowerCase()}`,
        confidence: 0.85,
      });
    }

    for (const m of text.matchAll(PLEDGE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      if (negativeIn(scope, at) || negatedBefore(at)) continue;
      const restStart = at + m[0].length - m[3].length;
      const rest = text.slice(restStart, scope.end);
      const prep = m[2].toLowerCase();
      if (prep !== 'to' && !ACTION_NOUN.test(rest)) continue;
      if (prep === 'to' && DETERMINER.test(m[3]) && !ACTION_NOUN.test(rest)) continue;
      // "commit to coordinate our policies", "agree to continue the dialogue": no new concrete action.
      if (prep === 'to' && VAGUE_ACTION.test(rest)) continue;
      const hosting = /^(?:hold|host|convene|organi[sz]e)\b/i.test(rest);
      const subject = subjectBefore(text.slice(scope.start, at));
      const parts = coordinatedParts(text, restStart, scope.end, hosting || CREATION.test(rest));
      parts.forEach((part, i) => {
        const partText = text.slice(part.start, part.end);
        const holds =
          i === 0
            ? hosting
            : /^(?:to\s+)?(?:hold|host|convene|organi[sz]e)\b|^(?:a|an)\s/i.test(partText) &&
              (hosting || /^to\s/i.test(partText));
        const meeting = holds ? meetingIn(partText) : null;
        out.push({
          kind: meeting ? 'event' : 'pledge',
          trigger:
            i === 0
              ? { start: at, end: at + m[1].length }
              : { start: part.start, end: part.start + 2 },
          scope: i === 0 ? { start: scope.start, end: part.end } : part,
          actor: subject ?? clause.governing,
          action: phrase(partText),
          rule: `en.pledge.${m[1].toLowerCase()}${i > 0 ? '.coordinated' : ''}`,
          confidence: i === 0 ? 0.85 : 0.75,
          ...(meeting ? { meeting } : {}),
        });
      });
    }

    for (const m of text.matchAll(MEET_OR_VISIT)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      if (out.some((c) => c.kind === 'event' && c.scope.start === scope.start)) continue;
      const before = text.slice(scope.start, at);
      if (negativeIn(scope, at) || negatedBefore(at) || /\bpropos/i.test(before)) continue;
      const rest = text.slice(at + m[0].length, scope.end);
      const visit = /visit|travel/i.test(m[1]);
      const place =
        /^\s*(?:in\s+|to\s+)?([A-Z][\p{L}-]+)/u.exec(
          visit ? rest : (/\bin\s+([A-Z][\p{L}-]+)/u.exec(rest)?.[0] ?? ''),
        )?.[1] ?? null;
      if (visit && !place) continue;
      out.push({
        kind: 'event',
        trigger: { start: at, end: at + m[0].length },
        scope,
        // A visit is the visitor's; a meeting is hosted where it is held.
        actor: visit ? subjectBefore(before) : null,
        action: phrase(text.slice(at, scope.end), 160),
        rule: `en.event.${m[1].toLowerCase().replace(/\s+/g, '-')}`,
        confidence: 0.75,
        meeting: { noun: visit ? 'visit' : 'meeting', ordinal: null, place },
        // Without a date, "will meet" is a habit or an intention, not an announced meeting.
        needsFutureDate: true,
      });
    }

    for (const m of text.matchAll(SCHEDULED)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      if (out.some((c) => c.kind === 'event' && c.scope.start === scope.start)) continue;
      const before = text.slice(scope.start, at);
      const meeting = meetingIn(before) ?? meetingIn(text.slice(at, scope.end));
      if (!meeting || negativeIn(scope, at)) continue;
      out.push({
        kind: 'event',
        trigger: { start: at, end: at + m[0].length },
        scope,
        actor: null,
        action: phrase(text.slice(scope.start, scope.end), 160),
        rule: 'en.event.scheduled',
        confidence: 0.8,
        meeting,
        needsFutureDate: true,
      });
    }

    for (const m of text.matchAll(EVENT_FUTURE)) {
      const at = m.index;
      const scope = subClause(clause, at, BOUNDARY);
      const before = text.slice(scope.start, at);
      const rest = text.slice(at, scope.end);
      if (out.some((c) => c.kind === 'event' && c.scope.start === scope.start)) continue;
      if (PAST_EVENT.test(before + rest.slice(0, 40)) || /\bpropos/i.test(before)) continue;
      // "host … the meeting" or "the summit will be held": the meeting is named after or before.
      const meeting = meetingIn(rest.slice(0, 160)) ?? meetingIn(before);
      if (!meeting) continue;
      if ((hasPluralMeeting(rest.slice(0, 80)) || RECURRING.test(rest)) && !meeting.ordinal)
        continue;
      out.push({
        kind: 'event',
        trigger: { start: at, end: at + m[0].length },
        scope,
        actor: null,
        action: phrase(rest.replace(/^(?:success\s+in\s+)/i, ''), 160),
        rule: `en.event.${m[0].toLowerCase().replace(/\s+/g, '-')}`,
        confidence: /^hosting|success/i.test(m[0]) ? 0.7 : 0.85,
        meeting,
        needsFutureDate: /^(?:success\s+in\s+)?hosting$/i.test(m[0]),
      });
    }
    return out;
  },
};
