import type { Clause } from './segment';

/**
 * The sub-clause around a trigger: from the last boundary before it to the
 * first boundary after it. Boundaries are language-specific (coordinated
 * verbs, semicolons) and keep "Note X and agree to Y" apart.
 */
export function subClause(
  clause: Clause,
  at: number,
  boundary: RegExp,
): { start: number; end: number } {
  let start = 0;
  let end = clause.text.length;
  const re = new RegExp(
    boundary.source,
    boundary.flags.includes('g') ? boundary.flags : `${boundary.flags}g`,
  );
  for (const m of clause.text.matchAll(re)) {
    const bStart = m.index;
    const bEnd = bStart + m[0].length;
    if (bEnd <= at) start = bEnd;
    else if (bStart > at) {
      end = bStart;
      break;
    }
  }
  return { start, end };
}

/** Trim a phrase for use as an action: collapse spaces, cut at `max` on a word boundary. */
export function phrase(text: string, max = 160): string {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,:;–—-]+|[\s,:;.–—-]+$/g, '')
    .replace(/^(?:ve|and|und|и)\s+/iu, '');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
