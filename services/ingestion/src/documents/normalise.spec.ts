import { contentHash, normaliseText } from './normalise';

describe(normaliseText.name, () => {
  it('unifies line breaks, spaces and Unicode composition', () => {
    expect(normaliseText('  A\r\nb \t c\n\n\n\nd  ')).toBe('A\nb c\n\nd');
    expect(normaliseText('Bs\u0327')).toBe(normaliseText('B\u015f'));
  });
});

describe(contentHash.name, () => {
  it('hashes copies that differ only in whitespace alike, and different texts apart', () => {
    expect(contentHash('Summit  in Bishkek.\r\n')).toBe(contentHash('Summit in Bishkek.'));
    expect(contentHash('Summit in Bishkek.')).not.toBe(contentHash('Summit in Baku.'));
    expect(contentHash('x')).toMatch(/^[a-f0-9]{64}$/);
  });
});
