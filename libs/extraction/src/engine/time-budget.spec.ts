import { MAX_COMMITMENTS, RuleBasedExtractor } from './rule-based.extractor';

describe('extraction time budget', () => {
  const text = Array.from(
    { length: 400 },
    (_, i) =>
      `The Heads of State instructed the Secretariat to prepare report number ${i} by 2026.`,
  ).join(' ');

  it('stops reading when the budget is spent and says so', () => {
    const result = new RuleBasedExtractor(0).extract({ text, language: 'en' });
    expect(result.truncated).toBe(true);
    expect(result.commitments.length).toBeLessThan(400);
  });

  it('reads a whole ordinary document within the default budget', () => {
    const result = new RuleBasedExtractor().extract({ text, language: 'en' });
    expect(result.truncated).toBeUndefined();
    expect(result.commitments.length).toBeGreaterThan(0);
  });

  it('stops at MAX_COMMITMENTS, so comparing findings stays cheap whatever the text repeats', () => {
    const sentence = 'The Ministers agreed to host the summit in 2027. ';
    const flood = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const result = new RuleBasedExtractor(60_000).extract({ text: flood, language: 'en' });
    expect(result.truncated).toBe(true);
    expect(result.commitments.length).toBeLessThanOrEqual(MAX_COMMITMENTS);
  });
});
