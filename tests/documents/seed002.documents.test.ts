import { definitions, scenarioDocuments, scenariosOf } from './scenarioDocuments';
import { describeDocumentCases, KZ_ADDRESS, type DocumentCase } from './documentCases';

/**
 * Seed 002 (order No. 563 of 20.12.2012 of the Minister of Finance and the two e-service regulations it approves):
 * what the recipient reads on the screen, in kk and ru, for an issued result and a refusal of each service. Phrases
 * come from the regulations' own words (regulation 2, Annex 3 forms A and B; regulation 1, p.6), the citations from
 * the act registry (definitions/shared/acts/seed-002.json), the facts from the scenario's own values.
 */

const LEASE = 'state-property-lease-payment-certificate';
const LOOKUP = 'state-register-info-lookup';

/** How the law cites each regulation ("…бекітілген «…» регламентінің" / "Регламент …, утверждённый …"). */
const REG_BY_ORDER = {
  kk: 'Қазақстан Республикасы Қаржы министрінің 2012 жылғы 20 желтоқсандағы № 563 бұйрығымен бекітілген',
  ru: 'утверждённый приказом Министра финансов Республики Казахстан от 20 декабря 2012 года № 563',
};
const REG2_NAME = {
  kk: '«Мемлекеттік мүлікті жалға алушылармен (сенімгерлік басқарушылармен) жасасылған жалға алу (сенімгерлік басқару) шарттары бойынша',
  ru: 'Регламент электронной государственной услуги «Выдача справки из Реестра государственных предприятий и учреждений',
};
const REG1_NAME = {
  kk: '«Мемлекеттік кәсіпорындар мен мекемелердің, жарғылық капиталында мемлекет қатысуы бар заңды тұлғалардың тізілімінен ақпаратты',
  ru: 'Регламент электронной государственной услуги «Предоставление информации из Реестра',
};

const cases: DocumentCase[] = [
  // Regulation 2, Annex 3 form B: the certificate with the contract data (approval).
  {
    service: LEASE,
    scenario: '01-egov-individual-lessee-certificate-saturday.json',
    lang: 'kk',
    document: 'certificate',
    fixed: [
      'Республикалық мүлікті жалдауға (сенімгерлік басқаруға) беру туралы шарты бойынша анықтама',
      'Сіз берген іздеу критериясы бойынша: шарттың № - 17-А және БСН/ЖСН - 850305300123',
      'Кешіктірілген ақы төлеудің өсімпұлы, теңге (бір күннің өсімпұлының сомасы х кешіктіріп төленген күндер саны)',
      'өсімпұл, тг.: 1 080',
      'қағаз тасымалдағыштағы құжатқа теңдес',
    ],
  },
  {
    service: LEASE,
    scenario: '01-egov-individual-lessee-certificate-saturday.json',
    lang: 'ru',
    document: 'certificate',
    fixed: [
      'Справка по договору о передаче республиканского имущества в аренду (доверительное управление)',
      'По заданным Вами критериям поиска: № договора - 17-А и БИН/ИИН - 850305300123',
      'пеня, тг.: 1 080',
      'равнозначен документу на бумажном носителе',
    ],
  },
  // Regulation 2 p.6(5): authorisation refused because the recipient's data are wrong.
  {
    service: LEASE,
    scenario: '02-egov-wrong-password-authorisation-refused.json',
    lang: 'kk',
    document: 'authorisation-refusal-message',
    fixed: [
      'Авторизациялау кезінде бас тарту туралы хабарлама',
      'Алушының қате деректеріне орай авторизациялауда бас тартылды',
    ],
    citation: [
      REG_BY_ORDER.kk,
      REG2_NAME.kk,
      'электрондық мемлекеттік қызметтің регламентінің 6-тармағының 5) тармақшасы',
    ],
    fact: ['ЭҮП 120340005670 ЖСН/БСН мен енгізілген пароль бойынша тіркелген алушы туралы деректерді растамады'],
  },
  {
    service: LEASE,
    scenario: '02-egov-wrong-password-authorisation-refused.json',
    lang: 'ru',
    document: 'authorisation-refusal-message',
    fixed: ['Сообщение об отказе в авторизации'],
    citation: [REG2_NAME.ru, `${REG_BY_ORDER.ru}, пункт 6, подпункт 5)`],
    fact: ['ВЭП не подтвердил данные зарегистрированного получателя по ИИН/БИН 120340005670 и введённому паролю'],
  },
  // Regulation 2 p.6(8)-(9): condition 2 checks the EDS and its registration certificate's validity period.
  {
    service: LEASE,
    scenario: '03-egov-expired-eds-certificate-refused.json',
    lang: 'kk',
    document: 'eds-refusal-message',
    fixed: ['Алушының ЭЦҚ-ның дұрыстығы расталмағанына орай сұралған электронды мемлекеттік қызметте бас тартылды'],
    citation: [REG_BY_ORDER.kk, 'регламентінің 6-тармағының 9) тармақшасы'],
    fact: ['Алушының ЭЦҚ тіркеу куәлігінің қолдану мерзімі аяқталған: оның соңғы күні — 2013 жылғы 12 қараша.'],
  },
  {
    service: LEASE,
    scenario: '16-egov-eds-forged-and-expired-one-ground.json',
    lang: 'ru',
    document: 'eds-refusal-message',
    fixed: ['Сообщение об отказе в оказании электронной государственной услуги'],
    citation: [`${REG_BY_ORDER.ru}, пункт 6, подпункт 9)`],
    fact: [
      'Подлинность ЭЦП, которой подписан запрос, не подтверждена.',
      '15 апреля 2013 г. истёк срок действия регистрационного свидетельства ЭЦП получателя.',
    ],
  },
  // Regulation 2, Annex 3 form A: no data for the contract number and BIN/IIN (the reasoned refusal of p.6(13)).
  {
    service: LEASE,
    scenario: '05-egov-contract-not-found-form-a.json',
    lang: 'kk',
    document: 'no-data-certificate',
    fixed: [
      'Республикалық мүлікті жалға беру туралы шарт жөніндегі анықтама',
      'шарттың № - 5/2011 және БСН/ЖИН - 850305300123',
      'дерекқорында мәліметтер табылған жоқ',
    ],
    citation: [REG_BY_ORDER.kk, 'регламентінің 6-тармағының 12) тармақшасы'],
    fact: ['Шарттың № 5/2011 және БСН/ЖСН 850305300123 бойынша'],
  },
  {
    service: LEASE,
    scenario: '08-gosreestr-portal-legal-entity-no-data.json',
    lang: 'ru',
    document: 'no-data-certificate',
    fixed: ['№ договора - ЖШ-2012/045 и БИН/ИИН - 120340005670', 'сведений не найдено'],
    citation: [`${REG_BY_ORDER.ru}, пункт 6, подпункт 12)`],
    fact: ['По договору № ЖШ-2012/045 и БИН/ИИН 120340005670 в базе данных Реестра'],
  },
  // Regulation 1 p.6(6): the list displayed (approval).
  {
    service: LOOKUP,
    scenario: '01-entities-list-gosreestr-found.json',
    lang: 'kk',
    document: 'register-information',
    fixed: [
      'Қызметті көрсету нәтижесі: мемлекет бақылайтын акционерлік қоғамдар мен жауапкершілігі шектеулі серіктестіктердің, сондай-ақ мемлекеттік заңды тұлғалардың тізімі',
    ],
  },
  {
    service: LOOKUP,
    scenario: '02-privatisation-info-egov-found.json',
    lang: 'ru',
    document: 'register-information',
    fixed: ['Результат оказания услуги: информация об объектах приватизации'],
  },
  // Regulation 1 p.6(5): the requested information is absent (Annex 2: «Дәлелденген бас тартуды қалыптастыру»).
  {
    service: LOOKUP,
    scenario: '03-entities-list-absent-reasoned-refusal.json',
    lang: 'kk',
    document: 'absence-message',
    fixed: ['Сұралатын ақпараттың жоқ болуы туралы хабарлама'],
    citation: [
      REG_BY_ORDER.kk,
      REG1_NAME.kk,
      'электрондық мемлекеттік қызметтің регламентінің 6-тармағының 5) тармақшасы',
    ],
    fact: [
      'Сауал бойынша (тіркелген күні мен уақыты: 2013 жылғы 20 қараша 11:15) тізілімнің дерекқорында сұралған ақпарат жоқ: мемлекет бақылайтын акционерлік қоғамдар',
    ],
  },
  {
    service: LOOKUP,
    scenario: '03-entities-list-absent-reasoned-refusal.json',
    lang: 'ru',
    document: 'absence-message',
    fixed: ['Сообщение об отсутствии запрашиваемой информации'],
    citation: [REG1_NAME.ru, `${REG_BY_ORDER.ru}, пункт 6, подпункт 5)`],
    fact: [
      'По запросу (дата и время регистрации: 20 ноября 2013 г. 11:15) в базе данных Реестра отсутствует запрошенная информация: перечень акционерных обществ',
    ],
  },
];

describeDocumentCases(cases, {
  citationTitle: 'cites the regulation approved by order No. 563, with the clause, as the law writes it',
  // The approving order's own paragraphs only approve: the ground is the regulation's, never "the order, annex 2".
  notCited: [/бұйрығының 2-қосымшасы|приказ[^,]*, приложение 2/],
  // The portals' addresses (www.gosreestr.kz, www.e.gov.kz).
  internal: { allow: [KZ_ADDRESS] },
});

/**
 * Both e-services are fully automated (regulation 1 p.3, line 86-87; regulation 2 p.3, lines 369-370): every check is
 * made by ЭҮП or the provider's IS, no officer records findings, so no refusal of seed 002 carries an officer's
 * reasoning: the fact and the citation motivate it. This holds as long as no event of theirs records findings.
 */
test.each([LEASE, LOOKUP])('%s: no officer records findings, so its refusals are motivated by the fact alone', (id) => {
  const service = definitions().services.get(id)!;
  for (const version of service.def.versions)
    for (const [name, event] of Object.entries(version.machine.events ?? {}))
      expect([name, event.records]).not.toEqual([name, 'findings']);
  for (const [file, scenario] of scenariosOf(id))
    for (const event of scenario.events) expect([file, event.data ?? {}]).not.toHaveProperty([1, 'reasoning']);
});

/**
 * The step norms of Annex 2 (Table 1, row 5) in seconds as the act writes them («30 секунд», «1,5 мин»): a step that
 * ends at its due second is on time, and the refusal-message norms (regulation 2 actions 2 and 5, regulation 1 action
 * 3) are judged only when their branch is taken (row 6: «…бұзушылықтардың болуына байланысты»), never on the way to the
 * result.
 */
const stepCases: Array<{ service: string; scenario: string; overdue: string[]; set: Record<string, string> }> = [
  {
    service: LEASE,
    scenario: '19-egov-each-action-ends-at-its-due-second-on-time.json',
    overdue: [],
    set: {
      'a1-login': '2013-10-08T10:01:00+06:00',
      'a2-authorisation-refusal-message': '2013-10-08T10:01:30+06:00',
      'a3-query-data': '2013-10-08T10:02:30+06:00',
      'a4-identification-and-certificate': '2013-10-08T10:04:00+06:00',
      'a5-eds-refusal-message': '2013-10-08T10:05:00+06:00',
      'a6-send-to-provider': '2013-10-08T10:05:00+06:00',
    },
  },
  {
    service: LEASE,
    scenario: '20-egov-eds-not-authentic-at-last-second-of-action-4.json',
    overdue: [],
    set: {
      'a4-identification-and-certificate': '2013-10-08T15:03:30+06:00',
      'a5-eds-refusal-message': '2013-10-08T15:04:30+06:00',
    },
  },
  {
    service: LEASE,
    scenario: '21-egov-authorisation-refused-one-second-late.json',
    overdue: ['a1-login', 'a2-authorisation-refusal-message'],
    set: { 'a1-login': '2013-10-09T09:01:00+06:00', 'a2-authorisation-refusal-message': '2013-10-09T09:01:30+06:00' },
  },
  {
    service: LOOKUP,
    scenario: '18-absence-message-at-its-due-second-on-time.json',
    overdue: [],
    set: { 'a3-absence-message': '2013-10-10T16:01:30+06:00', 'a4-result-displayed': '2013-10-10T16:11:00+06:00' },
  },
];

describe.each(stepCases)('step norms: $service › $scenario', (c) => {
  test('each step is due at the second the act gives, and only a step that ran past it is overdue', async () => {
    const { result } = await scenarioDocuments(c.service, c.scenario, 'ru');
    const timers = result.trace.flatMap((t) => (t.kind === 'timer' ? [t] : []));
    const due = Object.fromEntries(timers.filter((t) => t.action === 'set').map((t) => [t.id, t.dueAt]));
    for (const [id, dueAt] of Object.entries(c.set)) expect({ id, dueAt: due[id] }).toEqual({ id, dueAt });
    expect(timers.filter((t) => t.action === 'overdue').map((t) => t.id)).toEqual(c.overdue);
  });
});
