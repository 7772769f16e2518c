import { detectLanguage } from './language-detect';

describe(detectLanguage.name, () => {
  it.each([
    ['The leaders agreed to establish a fund for the development of the region.', 'en'],
    ['Liderler bölgenin kalkınması için bir fon kurulmasını kararlaştırdı ve bunu açıkladı.', 'tr'],
    ['Die Präsidenten vereinbarten, einen Fonds für die Entwicklung der Region zu gründen.', 'de'],
    ['Президенты договорились создать фонд развития региона.', 'ru'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
