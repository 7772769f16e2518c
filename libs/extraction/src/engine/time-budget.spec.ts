import { RuleBasedExtractor } from './rule-based.extractor';

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
});
