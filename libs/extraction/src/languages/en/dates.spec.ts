import type { ReferenceDate } from '../../engine/dates';
import { englishDates } from './dates';

const ref: ReferenceDate = { year: 2025, month: 11, day: 6, known: true };
const first = (text: string) => englishDates(text, ref)[0]?.value;

describe(englishDates.name, () => {
  it.each([
    ['on October 24, 2024', '2024-10-24'],
    ['from November 11-22, 2024', '2024-11-11'],
    ['on 3–4 June 2025', '2025-06-03'],
    ['by 30 April 2026', '2026-04-30'],
    ['by 31.12.2026', '2026-12-31'],
    ['in May 2026', '2026-05'],
    ['by the end of the year', '2025-12-31'],
    ['by the end of next year', '2026-12-31'],
    ['by the end of 2027', '2027-12-31'],
    ['by the end of March', '2026-03-31'],
    ['by 1 March', '2026-03-01'],
    ['tomorrow', '2025-11-07'],
    ['next week', '2025-11-13'],
    ['within three months', '2026-02'],
    ['within the next 6 months', '2026-05'],
    ['within two weeks', '2025-11-20'],
    ['in the first half of 2026', '2026-06'],
    ['in the third quarter of 2026', '2026-09'],
    ['in May', '2026-05'],
    ['in December', '2025-12'],
    ['this year', '2025'],
    ['next year', '2026'],
    ['by 2030', '2030'],
    ['in 2026', '2026'],
  ])('%s → %s', (text, iso) => {
    expect(first(`The work will be done ${text}.`)).toBe(iso);
  });

  it.each(['shortly', 'in the near future', 'in the coming years', 'as soon as possible'])(
    'treats "%s" as vague: a hit without a date',
    (text) => {
      expect(englishDates(`They will act ${text}.`, ref)).toEqual([
        expect.objectContaining({ value: null, rule: 'vague' }),
      ]);
    },
  );

  it('ignores years that are not time expressions', () => {
    expect(englishDates('the 1967 borders and Vision 2040', ref)).toEqual([]);
  });
});
