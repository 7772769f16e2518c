import type { ReferenceDate } from '../../engine/dates';
import { russianDates } from './dates';

const ref: ReferenceDate = { year: 2025, month: 11, day: 6, known: true };
const first = (text: string) => russianDates(text, ref)[0]?.value;

describe(russianDates.name, () => {
  it.each([
    ['24 октября 2024 года', '2024-10-24'],
    ['3–4 июня 2026 г.', '2026-06-03'],
    ['до 31.12.2026', '2026-12-31'],
    ['в мае 2026 года', '2026-05'],
    ['до конца года', '2025'],
    ['до конца текущего года', '2025'],
    ['до конца 2027 года', '2027'],
    ['в течение трёх месяцев', '2026-02'],
    ['в течение двух недель', '2025-11-20'],
    ['в мае', '2026-05'],
    ['в декабре', '2025-12'],
    ['в этом году', '2025'],
    ['в следующем году', '2026'],
    ['до 2030 года', '2030'],
    ['в 2026 году', '2026'],
  ])('%s → %s', (text, iso) => {
    expect(first(`Работа будет завершена ${text}.`)).toBe(iso);
  });

  it.each(['в ближайшее время', 'в ближайшие годы', 'в перспективе'])(
    'treats "%s" as vague',
    (text) => {
      expect(russianDates(`Стороны займутся этим ${text}.`, ref)).toEqual([
        expect.objectContaining({ value: null }),
      ]);
    },
  );
});
