import { clauses } from './segment';

describe(clauses.name, () => {
  it('keeps abbreviations and ordinals inside their sentence', () => {
    const text =
      'Mr. Aliyev met on Dec. 31 in Baku. Der 11. Gipfel fand statt. Türk Devletleri 8. Zirvesi toplandı.';
    expect(clauses(text, 'en').map((c) => c.text)).toEqual([
      'Mr. Aliyev met on Dec. 31 in Baku.',
      'Der 11. Gipfel fand statt.',
      'Türk Devletleri 8. Zirvesi toplandı.',
    ]);
  });

  it('splits list items and semicolons, with offsets into the original text', () => {
    const text =
      'The Heads of State of the OTS,\nDeclared that they:\n- agree to A; decide to B\n– welcome C;';
    const result = clauses(text, 'en');
    expect(result.map((c) => [c.text, c.listItem, c.governing])).toEqual([
      ['The Heads of State of the OTS,', false, null],
      ['Declared that they:', false, null],
      ['agree to A;', true, 'Heads of State of the OTS'],
      ['decide to B', true, 'Heads of State of the OTS'],
      ['welcome C;', true, 'Heads of State of the OTS'],
    ]);
    for (const c of result) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
  });

  it('segments a very long line piece by piece, every sentence once and at its offset', () => {
    const sentence = (i: number) => `The Ministers agreed on point ${i} of the plan. `;
    const line = Array.from({ length: 3000 }, (_, i) => sentence(i)).join('');
    const found = clauses(line, 'en');
    expect(found).toHaveLength(3000);
    for (const [i, c] of found.entries()) {
      expect(c.text).toBe(sentence(i).trim());
      expect(line.slice(c.start, c.start + c.text.length)).toBe(c.text);
    }
  });
});
