import { add, emptyCounts, figures, type Counts, type DocumentScore } from './score';

const pct = (x: number) => x.toFixed(2);

function line(label: string, c: Counts): string {
  const f = figures(c);
  return `${label.padEnd(10)} P ${pct(f.precision)} R ${pct(f.recall)} F1 ${pct(f.f1)}  deadline ${pct(f.deadlineAccuracy)} actor ${pct(f.actorAccuracy)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
}

const clip = (s: string | null | undefined, n = 90) => (s ?? '').replace(/\s+/g, ' ').slice(0, n);

/** Per document (misses, false alarms, wrong deadlines and actors), then per language, per kind, and in all. */
export function printReport(
  title: string,
  scores: DocumentScore[],
  o: { verbose: boolean; out: (line: string) => void },
): void {
  const { out } = o;
  out(`\n== ${title}: ${scores.length} documents`);
  if (o.verbose) {
    for (const s of scores) {
      const c = s.counts;
      out(
        `${s.id} [${s.language}] tp ${c.tp} fp ${c.fp} fn ${c.fn}${s.failed ? ` FAILED: ${s.failed}` : ''}`,
      );
      for (const g of s.misses) out(`  missed ${g.kind}: ${clip(g.evidence)}`);
      for (const a of s.falseAlarms) out(`  extra  ${a.kind}: ${clip(a.evidence)}`);
      for (const w of s.wrongDeadlines)
        out(
          `  deadline: got ${w.got} want ${w.gold.deadline ?? null} :: ${clip(w.gold.evidence, 60)}`,
        );
      for (const w of s.wrongActors) out(`  actor: got "${w.got}" want "${w.gold.actor}"`);
    }
  }
  const group = (key: (s: DocumentScore) => string[]) => {
    const by = new Map<string, Counts>();
    for (const s of scores)
      for (const k of key(s)) {
        const c = k.startsWith('kind:') ? s.byKind[k.slice(5)] : s.counts;
        if (c) add(by.get(k) ?? by.set(k, emptyCounts()).get(k)!, c);
      }
    return [...by].sort(([a], [b]) => a.localeCompare(b));
  };
  out('-- per language');
  for (const [k, c] of group((s) => [s.language])) out(line(k, c));
  out('-- per kind');
  for (const [k, c] of group((s) => Object.keys(s.byKind).map((x) => `kind:${x}`)))
    out(line(k.slice(5), c));
  const total = scores.reduce((t, s) => add(t, s.counts), emptyCounts());
  const failed = scores.filter((s) => s.failed).length;
  out(line('all', total) + (failed ? `  ${failed} documents failed` : ''));
}
