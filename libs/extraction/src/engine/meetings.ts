import type { MeetingMention } from '../languages/language-pack';

/**
 * Mentions of "the next <meeting> [in <place>]" found by a language's pattern,
 * whose first group is the meeting word and second the place, with the word
 * mapped to the canonical noun by the language's table.
 */
export function nextMeetingMentions(
  text: string,
  pattern: RegExp,
  nouns: readonly (readonly [RegExp, string])[],
): MeetingMention[] {
  return [...text.matchAll(pattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    noun: nouns.find(([re]) => re.test(m[1]))?.[1] ?? 'meeting',
    ordinal: null,
    place: m[2] ?? null,
  }));
}
