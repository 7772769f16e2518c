import type { Clause } from '../engine/segment';
import type { DateHit, ReferenceDate } from '../engine/dates';
import type { CommitmentKind, LanguageCode } from '../types';

/** A commitment a language's rules found in one clause (offsets relative to the clause). */
export interface Candidate {
  kind: CommitmentKind;
  /** Where the trigger word(s) are. */
  trigger: { start: number; end: number };
  /** The sub-clause the trigger governs: where evidence and deadlines are looked for. */
  scope: { start: number; end: number };
  actor: string | null;
  action: string;
  rule: string;
  confidence: number;
  /** For events: the meeting noun, ordinal and place when the text gives them. */
  meeting?: MeetingRef;
  /** A weak event trigger ("hosting") counts only with a date after the reference date. */
  needsFutureDate?: boolean;
}

export interface MeetingRef {
  /** Canonical English meeting noun: summit, meeting, session, conference, forum, visit… */
  noun: string;
  ordinal: number | null;
  place: string | null;
}

/** A reference to another announced meeting ("for adoption at the next Summit in Bishkek"). */
export interface MeetingMention extends MeetingRef {
  start: number;
  end: number;
}

/**
 * Everything language-specific: triggers and negative cues, actor patterns,
 * time expressions. Adding a language is adding a folder with one of these.
 */
export interface LanguagePack {
  code: LanguageCode;
  candidates(clause: Clause): Candidate[];
  dates(text: string, ref: ReferenceDate): DateHit[];
  /** Mentions of a (next) meeting that a deadline can be resolved from. */
  meetingMentions(text: string): MeetingMention[];
  /** A clause that goes on with the task of the clause before it ("; to form a working group …"). */
  continuation?: RegExp;
  /** Where a clause embeds another ("…, that will report to the Meeting to be held in 2012"): its dates are not the task's. */
  embedded?: RegExp;
}
