import type { GoldDocument, GoldItem } from './gold';

/** What an engine answered for one document, in the CLI's `--json` item shape. */
export interface AnsweredItem {
  kind: string;
  actor: string | null;
  evidence: string;
  deadline: string | null;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Matched items whose deadline / actor agree with the gold. */
  deadlineOk: number;
  actorOk: number;
}

export interface DocumentScore {
  id: string;
  language: string;
  counts: Counts;
  byKind: Record<string, Counts>;
  misses: GoldItem[];
  falseAlarms: AnsweredItem[];
  wrongDeadlines: { gold: GoldItem; got: string | null }[];
  wrongActors: { gold: GoldItem; got: string | null }[];
  /** The engine threw on this document: every required item is a miss. */
  failed?: string;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, deadlineOk: 0, actorOk: 0 });

// Words that carry no identity in an actor name ("the Republic of …").
const FILLER = new Set([
  'the',
  'of',
  'and',
  'a',
  'an',
  'to',
  'in',
  'on',
  'for',
  'ots',
  'republic',
  'its',
  'their',
]);

function actorWords(s: string | null | undefined): string[] {
  return (s ?? '')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !FILLER.has(w));
}

/**
 * The gold actor is named when at least half of its words appear in the
 * answer, a long word also by its first five letters ("Kazakhstan" for
 * "Kazakhstani"). The shared scorer applies the same test.
 */
export function actorAgrees(gold: string | null | undefined, got: string | null): boolean {
  const want = actorWords(gold);
  if (want.length === 0) return true;
  const have = actorWords(got);
  const found = want.filter(
    (w) => have.includes(w) || (w.length >= 5 && have.some((h) => h.startsWith(w.slice(0, 5)))),
  );
  return found.length * 2 >= want.length;
}

type Span = [number, number] | null;
const spanOf = (text: string, evidence: string | null | undefined): Span => {
  const at = evidence ? text.indexOf(evidence) : -1;
  return at < 0 ? null : [at, at + evidence!.length];
};
const overlap = (a: [number, number], b: [number, number]) =>
  Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/**
 * Strict matching, as GUIDELINES.md scores it: a required gold item is found
 * by the unused answer of the same kind whose verbatim evidence overlaps it
 * most; an optional one absorbs any answer that overlaps it (neither a hit
 * nor a false alarm); answers left over are false alarms.
 */
export function scoreDocument(doc: GoldDocument, answers: AnsweredItem[] | Error): DocumentScore {
  const score: DocumentScore = {
    id: doc.id,
    language: doc.language ?? '?',
    counts: emptyCounts(),
    byKind: {},
    misses: [],
    falseAlarms: [],
    wrongDeadlines: [],
    wrongActors: [],
  };
  const kind = (k: string) => (score.byKind[k] ??= emptyCounts());
  const required = doc.items.filter((g) => !g.optional);
  if (answers instanceof Error) {
    score.failed = answers.message;
    for (const g of required) {
      score.counts.fn++;
      kind(g.kind).fn++;
      score.misses.push(g);
    }
    return score;
  }
  const pool = answers.map((a) => ({ a, span: spanOf(doc.text, a.evidence), used: false }));
  const best = (g: GoldItem, sameKind: boolean) => {
    const gs = spanOf(doc.text, g.evidence);
    if (!gs) return null;
    let pick: (typeof pool)[number] | null = null;
    let most = 0;
    for (const p of pool) {
      if (p.used || !p.span || (sameKind && p.a.kind !== g.kind)) continue;
      const ov = overlap(p.span, gs);
      if (ov > most) [pick, most] = [p, ov];
    }
    return pick;
  };
  for (const g of required) {
    const p = best(g, true);
    if (!p) {
      score.counts.fn++;
      kind(g.kind).fn++;
      score.misses.push(g);
      continue;
    }
    p.used = true;
    for (const c of [score.counts, kind(g.kind)]) {
      c.tp++;
      if ((p.a.deadline ?? null) === (g.deadline ?? null)) c.deadlineOk++;
      if (actorAgrees(g.actor, p.a.actor)) c.actorOk++;
    }
    if ((p.a.deadline ?? null) !== (g.deadline ?? null))
      score.wrongDeadlines.push({ gold: g, got: p.a.deadline });
    if (!actorAgrees(g.actor, p.a.actor)) score.wrongActors.push({ gold: g, got: p.a.actor });
  }
  for (const g of doc.items.filter((i) => i.optional)) {
    const p = best(g, false);
    if (p) p.used = true;
  }
  for (const p of pool.filter((x) => !x.used)) {
    score.counts.fp++;
    kind(p.a.kind).fp++;
    score.falseAlarms.push(p.a);
  }
  return score;
}

export function add(into: Counts, c: Counts): Counts {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
  into.deadlineOk += c.deadlineOk;
  into.actorOk += c.actorOk;
  return into;
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  /** Of the matched items, those whose deadline (actor) agrees with the gold. */
  deadlineAccuracy: number;
  actorAccuracy: number;
}

export function figures(c: Counts): Figures {
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    deadlineAccuracy: c.deadlineOk / (c.tp || 1),
    actorAccuracy: c.actorOk / (c.tp || 1),
  };
}
