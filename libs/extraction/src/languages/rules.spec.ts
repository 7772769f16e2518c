import { RuleBasedExtractor } from '../engine/rule-based.extractor';

// One sentence per rule: what each language's triggers find, what its negative
// cues suppress, and who the actor comes out as.
const sut = new RuleBasedExtractor();
const run = (language: string, text: string, published = '2025-06-01') =>
  sut
    .extract({ text, language, published })
    .commitments.map((c) => `${c.kind}|${c.actor}|${c.deadline ?? '-'}`);

describe('English rules', () => {
  it.each([
    [
      'They instructed the Ministers of Energy to draft a plan by 2026.',
      ['mandate|Ministers of Energy|2026'],
    ],
    ['The leaders tasked the Secretariat with preparing a report.', ['mandate|Secretariat|-']],
    ['The Working Group is entrusted with drafting the statute.', ['mandate|Working Group|-']],
    ['The parties agreed to create a joint venture in 2026.', ['pledge|parties|2026']],
    ['The Council decided to establish a Centre of Excellence.', ['pledge|Council|-']],
    ['Georgia will host the next summit in Tbilisi in October 2026.', ['event|Georgia|2026-10']],
    ['The third session will be held in Astana on 12 March 2026.', ['event|Kazakhstan|2026-03-12']],
    [
      'The sides agreed to hold the first session in Samarkand in July.',
      ['event|Uzbekistan|2025-07'],
    ],
  ])('%s', (text, expected) => {
    expect(run('en', text)).toEqual(expected);
  });

  it.each([
    'They welcomed the decision to establish a fund.',
    'They noted the agreement reached by the ministers.',
    'They reaffirmed their attachment to the principles of the Charter.',
    'They called on all states to cooperate.',
    'The President proposed to hold annual meetings of the ministers.',
    'The summit was held in Baku on 3 March 2025.',
    'They did not agree to extend the programme.',
    'They committed to the ideas of peace and stability.',
  ])('finds nothing in: %s', (text) => {
    expect(run('en', text)).toEqual([]);
  });

  it('carries a task on through the semicolon list that follows it', () => {
    expect(
      run(
        'en',
        'The two ministries were instructed to draft a transit treaty by the end of the year; to open a joint office in the port; to train border staff together.',
      ),
    ).toEqual([
      'mandate|two ministries|2025-12-31',
      'mandate|two ministries|-',
      'mandate|two ministries|-',
    ]);
  });

  it('splits coordinated undertakings of a creating verb, and a second meeting held', () => {
    expect(
      run(
        'en',
        'It had been decided during the talks to establish a youth fund and a research centre, to open a joint museum.',
      ),
    ).toEqual(['pledge|parties|-', 'pledge|parties|-', 'pledge|parties|-']);
    expect(
      run(
        'en',
        'The sides agreed to hold a fifth round in Baku and a sixth round in Tashkent.',
      ).map((r) => r.split('|')[0]),
    ).toEqual(['event', 'event']);
  });

  it.each([
    'We commit to strengthen our cooperation in trade.',
    'The parties agreed to continue the dialogue on energy.',
  ])('takes no pledge to go on with what exists: %s', (text) => {
    expect(run('en', text)).toEqual([]);
  });

  it('takes no date that dates a document for a deadline, nor the date of a meeting a relative clause mentions', () => {
    expect(run('en', 'They agreed to revise the accord dated March 2019.')).toEqual([
      'pledge|parties|-',
    ]);
    expect(
      run(
        'en',
        'We decide to set up a task force that will report to the forum to be held in 2027.',
      ),
    ).toEqual(['pledge|parties|-', 'event|parties|2027']);
  });

  it('keeps a trigger coordinated after a negative cue ("note … and agree to …")', () => {
    expect(run('en', 'They note the progress made and agree to launch a railway study.')).toEqual([
      'pledge|parties|-',
    ]);
  });

  it('resolves "the next Summit in X" from the event the document announces', () => {
    const text =
      'The Kyrgyz Republic will host the 11th Summit in Bishkek on October 24, 2025. ' +
      'They instruct the Secretariat to finalize the Charter for adoption at the next Summit in Bishkek.';
    expect(
      sut
        .extract({ text, published: '2025-06-01' })
        .commitments.map((c) => [c.kind, c.deadline, c.deadlineSource]),
    ).toEqual([
      ['event', '2025-10-24', 'explicit'],
      ['mandate', '2025-10-24', 'resolved'],
    ]);
  });

  it('splits a declaration list per clause and carries the governing subject', () => {
    const text = [
      'The Heads of State of the Organization of Turkic States,',
      'Declared that they:',
      '- agree to establish a Council of Elders;',
      '- welcome the progress in transport;',
      '- decide to launch a joint satellite programme;',
    ].join('\n');
    expect(run('en', text)).toEqual([
      'pledge|member states of the Organization of Turkic States|-',
      'pledge|member states of the Organization of Turkic States|-',
    ]);
  });
});

describe('Turkish rules', () => {
  it.each([
    [
      'Liderler, Ulaştırma Bakanlıklarını ortak bir yol haritası hazırlamakla görevlendirdi.',
      'mandate|ministries|-',
    ],
    ['Devlet Başkanları Sekretaryayı rapor hazırlamakla talimatlandırdı.', 'mandate|Secretariat|-'],
    ['Taraflar ortak bir fon kurulmasını kararlaştırdı.', 'pledge|parties|-'],
    ['Taraflar 2026 yılında ortak bir tatbikat yapmayı kabul etti.', 'pledge|parties|2026'],
    ["Bir sonraki Zirve 2026 yılında Bakü'de düzenlenecek.", 'event|Azerbaycan (Azerbaijan)|2026'],
    [
      'Kazakistan Ekim ayında Gençlik Forumuna ev sahipliği yapacak.',
      'event|Kazakistan (Kazakhstan)|2025-10',
    ],
  ])('%s', (text, expected) => {
    expect(run('tr', text)).toEqual([expected]);
  });

  it.each([
    'Liderler ekonomik işbirliğinin önemini vurguladı.',
    'Taraflar enerji projelerini memnuniyetle karşıladı.',
    'Zirve geçen yıl Astana’da düzenlendi.',
    'Üye devletlerin konumlarını göz önünde bulundurmayı kabul ettiklerini;',
  ])('finds nothing in: %s', (text) => {
    expect(run('tr', text)).toEqual([]);
  });
});

describe('German rules', () => {
  it.each([
    [
      'Die Delegationen haben sich schließlich geeinigt, bis Ende Mai einen Fahrplan zu erarbeiten.',
      'pledge|-|2026-05-31',
    ],
    [
      'Die Delegationen waren sich einig, im März 2026 ein Expertentreffen in Genf abzuhalten.',
      'event|Schweiz (Switzerland)|2026-03',
    ],
    [
      'Die Umsetzung des Plans sollen die Verkehrsminister beider Länder übernehmen.',
      'mandate|-|-',
    ],
    ['In jedem Ressort muss jeder Minister einen Beauftragten benennen.', 'mandate|ministers|-'],
    ['Die Beobachter werden einen gemeinsamen Bericht vorbereiten.', 'pledge|Beobachter|-'],
  ])('finds what a German sentence of its kind says: %s', (text, expected) => {
    const [kind, actor, deadline] = expected.split('|');
    const got = run('de', text, '2026-01-15').map((r) => r.split('|'));
    expect(got.map((g) => g[0])).toEqual([kind]);
    if (actor !== '-') expect(got[0][1]).toBe(actor);
    expect(got[0][2]).toBe(deadline);
  });

  it('splits two undertakings joined by "und … zu" but not a purpose clause', () => {
    expect(
      run(
        'de',
        'Es wurde vereinbart, eine Kommission einzurichten und ein gemeinsames Programm zu verabschieden.',
      ).length,
    ).toBe(2);
    expect(
      run(
        'de',
        'Es wurde vereinbart, einen Fonds einzurichten, um den Handel zu vereinfachen und die Zölle zu senken.',
      ).length,
    ).toBe(1);
  });

  it.each([
    'Die Seiten vereinbarten, den Dialog fortzusetzen.',
    'Wir werden unsere Abstimmung weiterhin vertiefen.',
  ])('takes no pledge to go on with what exists: %s', (text) => {
    expect(run('de', text)).toEqual([]);
  });

  it.each([
    [
      'Die Präsidenten beauftragten die Regierungen, bis Ende des Jahres ein Abkommen vorzulegen.',
      'mandate|governments|2025-12-31',
    ],
    ['Das Sekretariat wurde beauftragt, einen Bericht zu erstellen.', 'mandate|Secretariat|-'],
    ['Die Minister vereinbarten, eine gemeinsame Kommission zu gründen.', 'pledge|parties|-'],
    ['Es wurde beschlossen, im Mai 2026 ein Jugendforum abzuhalten.', 'event|parties|2026-05'],
    [
      'Der nächste Gipfel wird im Oktober 2026 in Baku stattfinden.',
      'event|Aserbaidschan (Azerbaijan)|2026-10',
    ],
  ])('%s', (text, expected) => {
    expect(run('de', text)).toEqual([expected]);
  });

  it.each([
    'Die Minister begrüßten den Beschluss, eine Kommission zu gründen.',
    'Der Gipfel fand im März in Astana statt.',
    'Kasachstan schlug vor, jährliche Treffen abzuhalten.',
  ])('finds nothing in: %s', (text) => {
    expect(run('de', text)).toEqual([]);
  });
});

describe('deadlines resolved from the next meeting, in every language', () => {
  it.each([
    [
      'de',
      'Der nächste Gipfel wird am 3. Mai 2025 in Baku stattfinden. Die Minister beauftragten das Sekretariat, den Entwurf bis zum nächsten Gipfel in Baku vorzulegen.',
    ],
    [
      'ru',
      'Следующий саммит пройдёт в Баку 3 мая 2025 года. Президенты поручили Секретариату подготовить проект к следующему саммиту.',
    ],
    [
      'tr',
      "Bir sonraki Zirve 3 Mayıs 2025'te Bakü'de düzenlenecek. Liderler Sekretaryayı, Bakü'de düzenlenecek bir sonraki Zirveye kadar taslağı hazırlamakla görevlendirdi.",
    ],
  ])('%s', (language, text) => {
    const found = sut.extract({ text, language, published: '2025-01-01' }).commitments;
    expect(found.map((c) => [c.kind, c.deadline, c.deadlineSource])).toEqual([
      ['event', '2025-05-03', 'explicit'],
      ['mandate', '2025-05-03', 'resolved'],
    ]);
    expect(found[1].dependsOn).toEqual(expect.objectContaining({ noun: 'summit' }));
  });
});

describe('Russian rules', () => {
  it.each([
    [
      'Президенты поручили правительствам разработать дорожную карту до конца года.',
      'mandate|governments|2025-12-31',
    ],
    ['Секретариату поручено подготовить доклад.', 'mandate|Secretariat|-'],
    ['Стороны договорились создать совместную комиссию.', 'pledge|Стороны|-'],
    ['Стороны договорились о создании инвестиционного фонда в 2026 году.', 'pledge|Стороны|2026'],
    [
      'Следующий саммит пройдёт в Баку в октябре 2026 года.',
      'event|Азербайджан (Azerbaijan)|2026-10',
    ],
  ])('%s', (text, expected) => {
    expect(run('ru', text)).toEqual([expected]);
  });

  it.each([
    'Лидеры приветствовали решение создать фонд.',
    'Саммит прошёл в Астане в марте.',
    'Стороны отметили важность сотрудничества.',
  ])('finds nothing in: %s', (text) => {
    expect(run('ru', text)).toEqual([]);
  });
});

describe('Russian and Turkish forms found on unseen text', () => {
  it.each([
    ['Стороны достигли договорённости о создании совместной комиссии.', 'pledge'],
    ['Министерству транспорта было поручено подготовить план до 1 марта.', 'mandate|2026-03-01'],
    ['Заседание Совета запланировано на 12 мая в Самарканде.', 'event|2026-05-12'],
    ['Переговоры министров в Казани 3 февраля будут посвящены транзиту.', 'event|2026-02-03'],
    ['Министр собирается с визитом в Ташкент 20 апреля.', 'event|2026-04-20'],
  ])('ru: %s', (text, expected) => {
    const [kind, deadline] = expected.split('|');
    const got = run('ru', text, '2026-01-15').map((r) => r.split('|'));
    expect(got.map((g) => g[0])).toEqual([kind]);
    if (deadline) expect(got[0][2]).toBe(deadline);
  });

  it.each([
    'Делегации договорились продолжать консультации по энергетике.',
    'По поручению президента будет создан штаб.',
    'Работа ведётся во исполнение поручений глав государств.',
  ])('ru finds nothing in: %s', (text) => {
    expect(run('ru', text, '2026-01-15')).toEqual([]);
  });

  it('ru: the host of talks is the state of the city they are held in', () => {
    expect(
      run(
        'ru',
        'Переговоры президентов Армении и Грузии в Москве 5 марта будут носить рабочий характер.',
        '2026-01-15',
      ),
    ).toEqual(['event|Россия (Russia)|2026-03-05']);
  });

  it.each([
    [
      "Bakanlar, bir sonraki Genel Kurulun Özbekistan'da yapılmasına karar verdi.",
      'event|Özbekistan (Uzbekistan)|-',
    ],
    ["Bakan, heyetin 5 Mart'ta Bakü'ye gideceğini söyledi.", 'event|heyetin|2026-03-05'],
    ["Sayın Yılmaz'a raporu hazırlamaları için talimatlarımızı verdik.", 'mandate|-|-'],
  ])('tr: %s', (text, expected) => {
    const [kind, actor, deadline] = expected.split('|');
    const got = run('tr', text, '2026-01-15').map((r) => r.split('|'));
    expect(got.map((g) => g[0])).toEqual([kind]);
    if (actor !== '-') expect(got[0][1]).toBe(actor);
    expect(got[0][2]).toBe(deadline);
  });

  it.each([
    'Dün gereken talimatı verdik.',
    'Bakan, ülkesinin yeni bir toplantıya ev sahipliği yapmaya hazır olduğunu belirtti.',
  ])('tr finds nothing in: %s', (text) => {
    expect(run('tr', text, '2026-01-15')).toEqual([]);
  });

  it("tr: the most precise date before a verb-final trigger (a day before 'bu yılki')", () => {
    expect(
      run('tr', "Bakan, 16 Mayıs'ta bu yılki zirvenin yapılacağını söyledi.", '2026-01-15'),
    ).toEqual([expect.stringMatching(/^event\|.*\|2026-05-16$/)]);
  });
});

describe('meetings and visits announced by their verb, counted only with a date ahead', () => {
  it.each([
    ['en', 'The foreign ministers will meet in Baku on 5 May 2026.', 'event|Azerbaijan|2026-05-05'],
    [
      'en',
      'President Tokayev is due to visit Ankara on 12 March 2026.',
      'event|President Tokayev|2026-03-12',
    ],
    ['en', 'The summit is scheduled for 3 October 2026 in Astana.', 'event|Kazakhstan|2026-10-03'],
    [
      'de',
      'Die Außenminister werden sich am 5. Mai 2026 in Wien treffen.',
      'event|Österreich (Austria)|2026-05-05',
    ],
    ['de', 'Sie setzten eine Sondersitzung am 30. Juni an.', 'event|parties|2026-06-30'],
    [
      'ru',
      'Министры иностранных дел встретятся в Баку 5 мая.',
      'event|Азербайджан (Azerbaijan)|2026-05-05',
    ],
    [
      'ru',
      'Стороны планируют провести форум в Ташкенте в сентябре.',
      'event|Узбекистан (Uzbekistan)|2026-09',
    ],
    [
      'tr',
      "Bakanlar 5 Mayıs'ta Bakü'de bir araya gelecek.",
      'event|Azerbaycan (Azerbaijan)|2026-05-05',
    ],
  ])('%s: %s', (language, text, expected) => {
    expect(run(language, text, '2026-01-10')).toEqual([expected]);
  });

  it.each([
    ['en', 'The ministers will meet regularly.'],
    ['en', 'They will visit the exhibition.'],
    ['de', 'Die Minister werden sich regelmäßig treffen.'],
    ['ru', 'Министры встретятся позже.'],
    ['tr', 'Liderler yakında görüşecek.'],
  ])('%s finds nothing in: %s', (language, text) => {
    expect(run(language, text, '2026-01-10')).toEqual([]);
  });
});
