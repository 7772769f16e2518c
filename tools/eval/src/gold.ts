import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One annotated item, as the gold files of `../shared/eval/` write it (GUIDELINES.md). */
const GoldItem = z.object({
  kind: z.enum(['mandate', 'pledge', 'event']),
  actor: z.string().nullable().optional(),
  evidence: z.string(),
  deadline: z.string().nullable().optional(),
  deadline_source: z.string().optional(),
  optional: z.boolean().optional(),
});

const GoldDocument = z.object({
  id: z.string(),
  language: z.string().optional(),
  published: z.string().nullable().optional(),
  file: z.string().optional(),
  text: z.string().optional(),
  items: z.array(GoldItem),
});

const GoldFile = z.object({ documents: z.array(GoldDocument) });

export type GoldItem = z.infer<typeof GoldItem>;
export type GoldDocument = z.infer<typeof GoldDocument> & { text: string };

/**
 * A gold file's documents with their texts: inline, or read from `docsDir`
 * (the seeds gold names files; the dev gold carries the texts).
 */
export function readGold(path: string, docsDir: string): GoldDocument[] {
  const parsed = GoldFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.documents.map((d) => ({
    ...d,
    text: d.text ?? readFileSync(`${docsDir}/${d.file ?? `${d.id}.txt`}`, 'utf8'),
  }));
}

/**
 * Tuning discipline: every third document (index 2, 5, 8 …) is held out, to be
 * looked at only to check that a rule tuned on the others generalises.
 */
export type Split = 'all' | 'tune' | 'holdout';

export function inSplit(index: number, split: Split): boolean {
  if (split === 'all') return true;
  const heldOut = index % 3 === 2;
  return split === 'holdout' ? heldOut : !heldOut;
}
