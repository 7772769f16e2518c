import type { ReferenceDate } from '../../engine/dates';
import { germanDates } from './dates';

const ref: ReferenceDate = { year: 2025, month: 11, day: 6, known: true };
const first = (text: string) => germanDates(text, ref)[0]?.value;

describe(germanDates.name, () => {
  it.each([
    ['am 24. Oktober 2024', '2024-10-24'],
    ['vom 3.–4. Juni 2026', '2026-06-03'],
    ['bis zum 31.12.2026', '2026-12-31'],
    ['im Mai 2026', '2026-05'],
    ['bis Ende des Jahres', '2025-12-31'],
    ['bis Ende April', '2026-04-30'],
    ['morgen', '2025-11-07'],
    ['bis zum Jahresende', '2025-12-31'],
    ['bis Ende 2027', '2027-12-31'],
    ['innerhalb der nächsten drei Monate', '2026-02'],
    ['binnen zwei Wochen', '2025-11-20'],
    ['im ersten Halbjahr 2026', '2026-06'],
    ['im Mai', '2026-05'],
    ['in diesem Jahr', '2025'],
    ['im nächsten Jahr', '2026'],
    ['bis 2030', '2030'],
    ['im Jahr 2026', '2026'],
  ])('%s → %s', (text, iso) => {
    expect(first(`Die Arbeit soll ${text} abgeschlossen werden.`)).toBe(iso);
  });

  it.each(['in Kürze', 'demnächst', 'in den kommenden Jahren'])('treats "%s" as vague', (text) => {
    expect(germanDates(`Sie wollen ${text} handeln.`, ref)).toEqual([
      expect.objectContaining({ value: null }),
    ]);
  });
});
