import { actorNames, documentActors } from './parties';
import { findActors, findNames, stateOf } from './matcher';

const keys = (text: string) => findActors(text).map((m) => m.key);

describe('actor registry', () => {
  it.each([
    ['Kazakhstan and Kyrgyzstan signed a memorandum.', ['KZ', 'KG']],
    ["Kazakistan'ın ve Kırgızistan'ın bakanları", ['KZ', 'KG']],
    ['Die Präsidenten Kasachstans und Usbekistans', ['KZ', 'UZ']],
    ['делегации Казахстана и Кыргызстана', ['KZ', 'KG']],
    ['казахстанская сторона и российские партнёры', ['KZ', 'RU']],
    ['the Armenian-Georgian commission', ['AM', 'GE']],
    ['a Kazak diplomat', ['KZ']],
  ])('names the states in %s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('takes the longest name: an organisation before the state inside it', () => {
    expect(keys('Türk Devletleri Teşkilatı zirvesi')).toEqual(['OTS']);
    expect(keys('the Organization of Turkic States and Türkiye')).toEqual(['OTS', 'TR']);
  });

  it('reads acronyms only as written', () => {
    expect(keys("AB'nin dışişleri bakanları")).toEqual(['EU']);
    expect(keys('Die Sitzung ab Montag')).toEqual([]);
    expect(keys('ШОС и СНГ')).toEqual(['SCO', 'CIS']);
  });

  it('reads no name of one language that is a common word of another', () => {
    // "Island" is Iceland in German.
    expect(keys('the Island nations of the Pacific Islands Forum')).toEqual(['PIF']);
  });

  it('does not take a longer word for a shorter name', () => {
    expect(keys('Nigeria and Niger')).toEqual(['NG', 'NE']);
    expect(keys('mali işbirliği')).toEqual([]);
  });

  it('knows the state of a host city in each language', () => {
    const cities = (t: string) => findNames(t).map((m) => stateOf(m.key));
    expect(cities('in Gabala')).toEqual(['AZ']);
    expect(cities("Bişkek'te")).toEqual(['KG']);
    expect(cities('в Бишкеке')).toEqual(['KG']);
    expect(cities('in Wien')).toEqual(['AT']);
  });

  it('finds the parties in the lead of a bilateral report', () => {
    const doc = documentActors(
      'The presidents of Georgia and Armenia met in Tbilisi. Later, a Turkish delegation arrived.',
    );
    expect(doc.parties).toEqual(['GE', 'AM']);
    expect(actorNames(doc.parties, 'en')).toBe('Georgia and Armenia');
    expect(actorNames(doc.parties, 'tr')).toBe('Gürcistan ve Ermenistan');
  });

  it('finds the organisation a document is about', () => {
    expect(documentActors('The SCO summit. SCO ministers and the EU.').organisation).toBe('SCO');
  });
});
