import type { Candidate } from '../languages/language-pack';
import type { Clause } from './segment';

const MIN = 10;
const MAX = 200;

/**
 * A verbatim window of the document (10–200 characters) that holds the
 * trigger and as much of its sub-clause as fits, cut on word boundaries.
 */
export function evidenceWindow(
  text: string,
  clause: Clause,
  c: Candidate,
): { text: string; start: number; end: number } {
  const scopeStart = clause.start + c.scope.start;
  const scopeEnd = clause.start + c.scope.end;
  const tStart = clause.start + c.trigger.start;
  const tEnd = clause.start + c.trigger.end;
  let start = scopeStart;
  let end = scopeEnd;
  if (end - start > MAX) {
    // Verb-final clauses (the trigger near the end) keep what precedes it; others what follows.
    const triggerNearEnd = scopeEnd - tEnd < 30;
    if (triggerNearEnd) {
      end = Math.min(scopeEnd, Math.max(tEnd, end));
      start = Math.max(scopeStart, end - MAX);
    } else {
      start = Math.max(scopeStart, Math.min(tStart - 40, tStart));
      end = Math.min(scopeEnd, start + MAX);
    }
    start = snapForward(text, start, tStart);
    end = snapBack(text, end, tEnd);
  }
  while (start < end && /[\s,;:–—-]/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  if (end - start < MIN) end = Math.min(text.length, start + MIN);
  return { text: text.slice(start, end), start, end };
}

function snapForward(text: string, at: number, limit: number): number {
  if (at === 0 || /\s/.test(text[at - 1])) return at;
  const next = text.slice(at, limit).search(/\s/);
  return next >= 0 ? at + next + 1 : at;
}

function snapBack(text: string, at: number, limit: number): number {
  if (at >= text.length || /\s/.test(text[at])) return at;
  const prev = text.slice(limit, at).lastIndexOf(' ');
  return prev >= 0 ? limit + prev : at;
}
