import { datelineDate } from './dateline';

describe('datelineDate', () => {
  it.each([
    ['Bishkek, 6 November 2024 — The Heads of State met.', 'en', '2024-11-06'],
    ['ANKARA, 12 Kasım 2023\nDışişleri Bakanları toplandı.', 'tr', '2023-11-12'],
    ['Berlin, den 3. Mai 2024. Die Minister vereinbarten', 'de', '2024-05-03'],
    ['Астана, 3 июля 2024 года. Главы государств', 'ru', '2024-07-03'],
    [
      'Communiqué on Energy Cooperation\n\nAstana, 3 July 2024\n\nThe Ministers agreed',
      'en',
      '2024-07-03',
    ],
  ])('reads the date a text opens with: %s', (text, lang, date) => {
    expect(datelineDate(text, lang)).toBe(date);
  });

  it('takes no deadline or later date for a dateline', () => {
    expect(datelineDate('The ministers agreed to finish the study by 2025.', 'en')).toBeNull();
    expect(
      datelineDate(
        'Summit communiqué\n\nThe leaders, meeting for the fourth time, agreed to meet again on 6 November 2030 in Baku.',
        'en',
      ),
    ).toBeNull();
  });

  it('completes a yearless dateline with the year the document gives that day, not today', () => {
    expect(
      datelineDate(
        'On March 4, the ministers signed a memorandum in Khiva.\nThe meeting, held on March 4, 2023, in Khiva, was the first of its kind.',
        'en',
      ),
    ).toBe('2023-03-04');
    expect(
      datelineDate(
        'Am 12. Mai trafen sich die Minister in Wien, um den Plan für 2021 zu beraten.',
        'de',
      ),
    ).toBe('2021-05-12');
  });

  it('leaves the date unknown when nothing in the text fixes the year', () => {
    expect(
      datelineDate('On March 4, the ministers signed a memorandum in Khiva.', 'en'),
    ).toBeNull();
    expect(
      datelineDate('On March 4, the ministers met. They spoke of 2019 and of 2022.', 'en'),
    ).toBeNull();
  });
});
