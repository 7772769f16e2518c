import type { Candidate, MeetingRef } from '../languages/language-pack';
import { phrase, subClause } from './scope';
import type { Clause } from './segment';

/**
 * Event candidates for languages whose event triggers are verb phrases
 * ("wird … stattfinden", "пройдёт"): each trigger's sub-clause must name a
 * meeting and must not be in the past; then the sub-clause is the event.
 */
export function eventCandidates(
  clause: Clause,
  o: {
    trigger: RegExp;
    boundary: RegExp;
    past: RegExp;
    meetingIn: (text: string) => MeetingRef | null;
    rule: string;
    /** Weak triggers (a present tense) count only with a future date. */
    weak?: RegExp;
    /** Keep one event per sub-clause even when several triggers match in it. */
    onePerScope?: boolean;
  },
): Candidate[] {
  const text = clause.text;
  const out: Candidate[] = [];
  for (const m of text.matchAll(o.trigger)) {
    const at = m.index;
    const scope = subClause(clause, at, o.boundary);
    const sub = text.slice(scope.start, scope.end);
    if (o.past.test(sub)) continue;
    const meeting = o.meetingIn(sub);
    if (!meeting) continue;
    if (o.onePerScope && out.some((c) => c.scope.start === scope.start)) continue;
    out.push({
      kind: 'event',
      trigger: { start: at, end: at + m[0].length },
      scope,
      actor: null,
      action: phrase(sub),
      rule: o.rule,
      confidence: 0.8,
      meeting,
      ...(o.weak ? { needsFutureDate: o.weak.test(m[0]) } : {}),
    });
  }
  return out;
}
