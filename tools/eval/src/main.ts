import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { datelineDate, RuleBasedExtractor } from '@ct/extraction';
import { inSplit, readGold, type Split } from './gold';
import { printReport } from './report';
import { scoreDocument, type AnsweredItem, type DocumentScore } from './score';

/**
 * `npm run eval`: the engine on the evaluation sets of `../shared/eval/`,
 * in-process and exactly as `commitments extract --json` runs it (the
 * document's text, its publication date or else its dateline, language
 * detected).
 *
 *   npm run eval [-- --split tune|holdout|all] [--set seeds|dev|dev-long] [--quiet]
 */
interface Set {
  name: string;
  gold: string;
  docs: string;
}

export function sets(evalDir: string): Set[] {
  return [
    { name: 'seeds', gold: `${evalDir}/seeds.gold.json`, docs: resolve(evalDir, '../seeds') },
    { name: 'dev', gold: `${evalDir}/dev.gold.json`, docs: evalDir },
    { name: 'dev-long', gold: `${evalDir}/dev-long.gold.json`, docs: evalDir },
  ];
}

function answer(text: string, published: string | null): AnsweredItem[] | Error {
  try {
    // As the CLI and ingestion do: the given date, else the document's dateline.
    const result = new RuleBasedExtractor().extract({
      text,
      published: published ?? datelineDate(text),
      language: null,
    });
    return result.commitments.map((c) => ({
      kind: c.kind,
      actor: c.actor,
      evidence: c.evidence.text,
      deadline: c.deadline,
    }));
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

export function main(argv: string[]): number {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const evalDir = resolve(
    opt('--dir') ?? process.env.EVAL_DIR ?? resolve(__dirname, '../../../../../shared/eval'),
  );
  const split = (opt('--split') ?? 'all') as Split;
  if (!['all', 'tune', 'holdout'].includes(split)) {
    process.stderr.write(`eval: --split must be all, tune or holdout, got "${split}"\n`);
    return 1;
  }
  const wanted = opt('--set');
  const chosen = sets(evalDir).filter((s) => (wanted ? s.name === wanted : s.name !== 'dev-long'));
  if (chosen.length === 0 || !existsSync(chosen[0].gold)) {
    process.stderr.write(`eval: no gold files under ${evalDir} (set EVAL_DIR or --dir)\n`);
    return 1;
  }
  for (const set of chosen) {
    const docs = readGold(set.gold, set.docs);
    const scores: DocumentScore[] = docs
      .map((d, i) => ({ d, i }))
      .filter(({ i }) => set.name === 'seeds' || inSplit(i, split))
      .map(({ d }) => scoreDocument(d, answer(d.text, d.published ?? null)));
    printReport(`${set.name}${set.name === 'seeds' ? '' : ` (${split})`}`, scores, {
      verbose: !argv.includes('--quiet'),
      out: (line) => process.stdout.write(`${line}\n`),
    });
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
