import type { ReferenceDate } from '../../engine/dates';
import { turkishDates } from './dates';

const ref: ReferenceDate = { year: 2025, month: 11, day: 6, known: true };
const first = (text: string) => turkishDates(text, ref)[0]?.value;

describe(turkishDates.name, () => {
  it.each([
    ["24 Ekim 2024'te", '2024-10-24'],
    ['11-22 Kasım 2024 tarihlerinde', '2024-11-11'],
    ['31.12.2026 tarihine kadar', '2026-12-31'],
    ["Nisan 2026'da", '2026-04'],
    ['yıl sonuna kadar', '2025-12-31'],
    ["16 Ekim'de", '2026-10-16'],
    ['yarın', '2025-11-07'],
    ['2026 yılının sonuna kadar', '2026-12-31'],
    ['üç ay içinde', '2026-02'],
    ['iki hafta içerisinde', '2025-11-20'],
    ['2026 yılında', '2026'],
    ["2030'a kadar", '2030'],
    ['bu yıl', '2025'],
    ['gelecek yıl', '2026'],
    ['Mayıs ayında', '2026-05'],
    ["Aralık'ta", '2025-12'],
  ])('%s → %s', (text, iso) => {
    expect(first(`Çalışma ${text} tamamlanacak.`)).toBe(iso);
  });

  it.each(['en kısa zamanda', 'yakın gelecekte', 'önümüzdeki yıllarda'])(
    'treats "%s" as vague',
    (text) => {
      expect(turkishDates(`${text} yapılacak`, ref)).toEqual([
        expect.objectContaining({ value: null }),
      ]);
    },
  );

  it('does not take a plain number or a vision year as a date', () => {
    expect(turkishDates('121 maddelik Türk Dünyası 2040 Vizyonu', ref)).toEqual([]);
  });
});
