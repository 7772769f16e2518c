import { PlaceholderExtractor, sentences } from './placeholder.extractor';

describe(PlaceholderExtractor.name, () => {
  const sut = new PlaceholderExtractor();

  it('finds trigger sentences with evidence that matches the text at its offsets', () => {
    const text =
      'The leaders met in Astana. They instructed the Secretariat to prepare a report. Kazakhstan will host the next summit.';
    const result = sut.extract({ text });
    expect(result.commitments.map((c) => c.kind)).toEqual(['mandate', 'event']);
    for (const c of result.commitments) {
      expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    }
    expect(result.language).toBe('en');
    expect(result.engine).toEqual({ name: 'placeholder', version: '0.1.0' });
  });

  it('returns nothing for text without triggers and keeps a given language', () => {
    expect(sut.extract({ text: 'Nothing here.', language: 'de' })).toMatchObject({
      language: 'de',
      commitments: [],
    });
  });
});

describe(sentences.name, () => {
  it('splits on sentence punctuation and line breaks, dropping fragments', () => {
    expect(sentences('First sentence here.\nSecond one is here; ok').map((s) => s.text)).toEqual([
      'First sentence here.',
      'Second one is here;',
    ]);
  });
});
