import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RuleBasedExtractor } from './engine/rule-based.extractor';

// Documents written for this project (not the seeds) in each language, with
// the commitments a reader finds in them: paraphrases, other summits, lists,
// passives, relative deadlines and documents that hold none.
interface Expected {
  kind: string;
  evidence: string;
  deadline: string | null;
  actor?: string;
}
interface FixtureDoc {
  id: string;
  published: string | null;
  text: string;
  items: Expected[];
}

const dir = resolve(__dirname, '../../../test/fixtures/extraction');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        language: string;
        documents: FixtureDoc[];
      },
  );

describe('extraction fixtures', () => {
  const sut = new RuleBasedExtractor();

  for (const { language, documents } of fixtures) {
    describe(language, () => {
      it.each(documents.map((d) => [d.id, d] as const))('%s', (_id, doc) => {
        const result = sut.extract({ text: doc.text, published: doc.published });
        expect(result.language).toBe(language);
        const found = result.commitments.map((c) => ({
          kind: c.kind,
          deadline: c.deadline,
          actor: c.actor,
          span: [c.evidence.start, c.evidence.end] as const,
        }));
        for (const c of result.commitments) {
          expect(doc.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
          expect(c.evidence.text.length).toBeGreaterThanOrEqual(10);
          expect(c.evidence.text.length).toBeLessThanOrEqual(200);
        }
        const matched = doc.items.map((e) => {
          const start = doc.text.indexOf(e.evidence);
          const end = start + e.evidence.length;
          const hit = found.find((f) => f.kind === e.kind && f.span[0] < end && f.span[1] > start);
          return {
            expected: `${e.kind}: ${e.evidence.slice(0, 50)}`,
            deadline: hit ? hit.deadline : 'MISSING',
            actorOk:
              !e.actor || (hit ? hit.actor.toLowerCase().includes(e.actor.toLowerCase()) : false),
          };
        });
        expect(matched).toEqual(
          doc.items.map((e) => ({
            expected: `${e.kind}: ${e.evidence.slice(0, 50)}`,
            deadline: e.deadline,
            actorOk: true,
          })),
        );
        expect(found).toHaveLength(doc.items.length);
      });
    });
  }
});
