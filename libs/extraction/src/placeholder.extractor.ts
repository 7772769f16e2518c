import type { ExtractedCommitment, ExtractionInput, ExtractionResult, Extractor } from './types';

/**
 * Stand-in for the real multilingual engine (its own issue): it only spots
 * sentences with an obvious trigger verb so the pipeline has something to
 * carry. It reports its name and version with every result, so items it
 * produced can be told apart and re-extracted later.
 */
const TRIGGERS: { kind: ExtractedCommitment['kind']; pattern: RegExp; language: string }[] = [
  { kind: 'mandate', pattern: /\binstruct(?:s|ed)?\b/i, language: 'en' },
  { kind: 'pledge', pattern: /\bagree[ds]? to\b/i, language: 'en' },
  { kind: 'event', pattern: /\bwill (?:be )?host(?:ed)?\b/i, language: 'en' },
  { kind: 'mandate', pattern: /talimatland[ıi]r/i, language: 'tr' },
  { kind: 'mandate', pattern: /beauftrag/i, language: 'de' },
  { kind: 'mandate', pattern: /поруч/i, language: 'ru' },
];

export class PlaceholderExtractor implements Extractor {
  readonly name = 'placeholder';
  readonly version = '0.1.0';

  extract(input: ExtractionInput): ExtractionResult {
    const commitments: ExtractedCommitment[] = [];
    const languages = new Map<string, number>();
    for (const { text, start } of sentences(input.text)) {
      const hit = TRIGGERS.find((t) => t.pattern.test(text));
      if (!hit) continue;
      languages.set(hit.language, (languages.get(hit.language) ?? 0) + 1);
      const evidence = text.length > 200 ? text.slice(0, 200) : text;
      commitments.push({
        kind: hit.kind,
        actor: 'unresolved',
        action: text.slice(0, 300),
        evidence: { text: evidence, start, end: start + evidence.length },
        deadline: null,
        deadlineSource: 'none',
        confidence: 0.2,
      });
    }
    const language = input.language ?? [...languages].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'und';
    return { language, commitments, engine: { name: this.name, version: this.version } };
  }
}

/** Sentences with their offsets in the original text (trimmed, at least 10 characters). */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^.!?;\n]+[.!?;]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length >= 10) out.push({ text: trimmed, start: m.index + lead });
  }
  return out;
}
