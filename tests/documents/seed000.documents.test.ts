import { simulate } from '@qyzmet/engine';
import { definitions, scenariosOf } from './scenarioDocuments';
import { describeDocumentCases, EMAIL, KZ_ADDRESS, type DocumentCase } from './documentCases';

/**
 * Seed 000 (order No. 144 of 22.04.2024 and the two Rules it sets out anew): what the authorized company receives,
 * in kk and ru, for a registration and a refusal of each procedure. Phrases come from the Rules' own words
 * (Rules A p.9-p.13, Rules B p.8-p.13), the citations from the act registry (definitions/shared/acts/seed-000.json:
 * the Rules as approved by orders No. 434 and No. 678), the facts and the reasoning from the scenario's own values.
 */

const OBJECT = 'shared-construction-object-registration';
const EXTRACT = 'shared-construction-contract-record-extract';

/** Rules A as the law cites them: approved by order No. 434 of the Minister of National Economy. */
const RULES_A = {
  kk:
    'Қазақстан Республикасы Ұлттық экономика министрінің 2016 жылғы 30 қыркүйектегі № 434 бұйрығымен бекітілген ' +
    'Жергілікті атқарушы органдардың тұрғын үй құрылысына үлестік қатысу туралы шарттарды, сондай-ақ олар бойынша ' +
    'талап ету құқықтарын басқаға беру туралы шарттарды есепке алуды жүргізу қағидаларының',
  ru:
    'Правила ведения учета местными исполнительными органами договоров о долевом участии в жилищном строительстве, ' +
    'а также договоров об уступке прав требований по ним, утверждённые приказом Министра национальной экономики ' +
    'Республики Казахстан от 30 сентября 2016 года № 434',
};
/** Rules B as the law cites them: approved by order No. 678 of the Minister of Industry and Infrastructural Dev. */
const RULES_B = {
  kk:
    'Қазақстан Республикасы Индустрия және инфрақұрылымдық даму министрінің 2019 жылғы 29 тамыздағы № 678 бұйрығымен ' +
    'бекітілген Тұрғын үй құрылысына үлестік қатысудың бірыңғай ақпараттық жүйесін жүргізу қағидаларының',
  ru:
    'Правила ведения единой информационной системы долевого участия в жилищном строительстве, утверждённые приказом ' +
    'Министра индустрии и инфраструктурного развития Республики Казахстан от 29 августа 2019 года № 678',
};

const cases: DocumentCase[] = [
  // Rules B p.8 (lines 718-719): the body registers the object's data in the System.
  {
    service: OBJECT,
    scenario: '01-registration-approved-within-three-working-days.json',
    lang: 'kk',
    document: 'registration-notice',
    fixed: ['Объект туралы мәліметтерді Жүйеде тіркеу туралы хабарлама', 'Объект туралы мәліметтер Жүйеде тіркелді.'],
  },
  {
    service: OBJECT,
    scenario: '01-registration-approved-within-three-working-days.json',
    lang: 'ru',
    document: 'registration-notice',
    fixed: [
      'Уведомление о регистрации сведений об объекте в Системе',
      'Сведения об объекте зарегистрированы в Системе.',
    ],
  },
  // Rules B p.8-p.10 (lines 719-730): a reasoned refusal stating the ground; both grounds of p.9.
  {
    service: OBJECT,
    scenario: '05-both-grounds-refused.json',
    lang: 'kk',
    document: 'refusal-notice',
    fixed: [
      'Объект туралы мәліметтерді тіркеуден бас тарту туралы дәлелді жауап',
      'Дәлелді бас тартуда көрсетілген ескертулер жойылғаннан кейін уәкілетті компания Жүйеде объект туралы мәліметтерді тіркеу үшін өтінімді жергілікті атқарушы органға қайта жібереді.',
    ],
    citation: [`${RULES_B.kk} 9-тармағының 1) тармақшасы`, `${RULES_B.kk} 9-тармағының 2) тармақшасы`],
    fact: [
      'квартирограммадағы қабаттылығы — Жүйеде «12», рұқсат беру құжаттарында «9»',
      'үлескерлердің ақшасын тартуға рұқсат немесе Бірыңғай оператордың кепілдігі (№ Р-2025/118, 2025 жылғы 15 қыркүйек)',
    ],
    reasoning: ['Квартирограммадағы қабаттылық (12) сараптама қорытындысындағы қабаттылыққа (9 қабат) сәйкес келмейді'],
  },
  {
    service: OBJECT,
    scenario: '05-both-grounds-refused.json',
    lang: 'ru',
    document: 'refusal-notice',
    fixed: ['Мотивированный ответ об отказе в регистрации сведений об объекте'],
    citation: [`${RULES_B.ru}, пункт 9, подпункт 1)`, `${RULES_B.ru}, пункт 9, подпункт 2)`],
    fact: [
      'этажность по квартирограмме — в Системе «12», в разрешительных документах «9»',
      'разрешение на привлечение денег дольщиков или гарантия Единого оператора (№ Р-2025/118 от 15 сентября 2025 г.)',
    ],
    reasoning: ['Этажность в квартирограмме (12) не совпадает с заключением экспертизы (9 этажей)'],
  },
  // Rules B p.12 (lines 737-740): the refusal of corrected data is titled as a refusal to register CORRECTED data.
  {
    service: OBJECT,
    scenario: '07-correction-refused-mismatch.json',
    lang: 'kk',
    document: 'correction-refusal-notice',
    fixed: ['Объект туралы түзетілген мәліметтерді тіркеуден бас тарту туралы дәлелді жауап'],
    citation: [`${RULES_B.kk} 9-тармағының 1) тармақшасы`],
    fact: ['квартирограммадағы пәтерлер саны — Жүйеде «220», рұқсат беру құжаттарында «216»'],
    reasoning: ['Түзетілген квартирограммада 220 пәтер көрсетілген'],
  },
  {
    service: OBJECT,
    scenario: '07-correction-refused-mismatch.json',
    lang: 'ru',
    document: 'correction-refusal-notice',
    fixed: ['Мотивированный ответ об отказе в регистрации исправленных сведений об объекте'],
    absent: ['Мотивированный ответ об отказе в регистрации сведений об объекте'],
    citation: [`${RULES_B.ru}, пункт 9, подпункт 1)`],
    fact: ['количество квартир по квартирограмме — в Системе «220», в разрешительных документах «216»'],
  },
  // Rules A p.12 part 1 (lines 243-247): the extract is sent to the shareholder's e-mail and web-portal cabinet.
  {
    service: EXTRACT,
    scenario: '01-electronic-contract-qazreestr-registered-next-day.json',
    lang: 'kk',
    document: 'record-extract',
    fixed: [
      'Тұрғын үй құрылысына үлестік қатысу туралы шарттың есептік жазбасы туралы үзінді-көшірме',
      'үлескердің веб-порталдағы жеке кабинетіне жіберілді',
    ],
    absent: ['қолма-қол ұсынады'],
  },
  {
    service: EXTRACT,
    scenario: '01-electronic-contract-qazreestr-registered-next-day.json',
    lang: 'ru',
    document: 'record-extract',
    fixed: [
      'Выписка из учетной записи договора о долевом участии в жилищном строительстве',
      'в личный кабинет дольщика на веб-портале',
    ],
    absent: ['нарочно'],
  },
  // Rules A p.12 part 2 (lines 248-250): only a shareholder without e-mail gets it by hand, within 3 working days.
  {
    service: EXTRACT,
    scenario: '05-shareholder-without-email-hand-over-pending.json',
    lang: 'kk',
    document: 'record-extract',
    fixed: [
      'Үлескердің электрондық поштасы болмаған кезде Көрсетілетін қызметті алушы үлескерге үзінді көшірмені алған сәттен бастап 3 (үш) жұмыс күні ішінде',
    ],
    absent: ['электрондық поштасына ('],
  },
  {
    service: EXTRACT,
    scenario: '12-supplementary-agreement-electronic-copy-registered.json',
    lang: 'ru',
    document: 'record-extract',
    fixed: ['Поставлено на учет в Системе: дополнительное соглашение № 1', 'office@nurinvest.example.kz'],
    absent: ['нарочно'],
  },
  // Rules A p.9-p.10 (lines 220-239): a reasoned refusal stating the grounds; ground 1 and ground 2 fired together.
  {
    service: EXTRACT,
    scenario: '18-two-grounds-unreliable-and-third-party-rights.json',
    lang: 'kk',
    document: 'refusal-notice',
    fixed: [
      'Шартты есепке қоюдан бас тарту туралы дәлелді жауап',
      'Көрсетілетін қызметті алушы дәлелді бас тартуда көрсетілген ескертулер жойылғаннан кейін Жүйеде Көрсетілетін қызметті берушіге Шартты есепке қою үшін өтінімді қайта жібереді.',
    ],
    citation: [`${RULES_A.kk} 10-тармағының 1) тармақшасы`, `${RULES_A.kk} 10-тармағының 2) тармақшасы`],
    fact: [
      'анық еместігі анықталды: Шарт № ҮҚ-2-57.',
      '№ 57 үй-жай үлесіне үшінші тұлғалардың құқықтары бұрын есепке қойылған (есептік жазба № ЖАО-АЛМ-2025-003871, 2025 жылғы 11 маусым)',
    ],
    reasoning: ['Подпись дольщика в электронной копии Договора не совпадает с подписью в его заявлении о согласии'],
  },
  {
    service: EXTRACT,
    scenario: '18-two-grounds-unreliable-and-third-party-rights.json',
    lang: 'ru',
    document: 'refusal-notice',
    fixed: ['Мотивированный ответ об отказе в постановке Договора на учет'],
    citation: [`${RULES_A.ru}, пункт 10, подпункт 1)`, `${RULES_A.ru}, пункт 10, подпункт 2)`],
    fact: [
      'недостоверность представленных услугополучателем документов и (или) сведений в них: Договор № ҮҚ-2-57.',
      'ранее поставлены на учет права третьих лиц (учетная запись № ЖАО-АЛМ-2025-003871 от 11 июня 2025 г.)',
    ],
    reasoning: ['на помещение № 57 уже поставлен на учет договор другого дольщика'],
  },
  // Rules B p.13 (lines 741-742): an object not yet registered is what the Rules say, not a breach of the Law.
  {
    service: EXTRACT,
    scenario: '17-object-not-registered-refused.json',
    lang: 'kk',
    document: 'refusal-notice',
    fixed: [
      'Жүйеде Шарттарды есепке қоюды уәкілетті компания жергілікті атқарушы орган Жүйеде объект туралы мәліметтерді тіркегеннен кейін ғана жүзеге асырады',
    ],
    absent: ['Заңда белгіленген талаптарға', '10-тармағының 2) тармақшасы'],
    citation: [`${RULES_B.kk} 13-тармағы`],
    fact: [
      '«Алатау Резиденс» тұрғын үй кешені, 2-блок объектісі туралы мәліметтерді жергілікті атқарушы орган Жүйеде тіркемеген',
    ],
    reasoning: ['объект тіркелгеннен кейін Шартты есепке қою үшін өтінімді қайта жіберіңіз'],
  },
  {
    service: EXTRACT,
    scenario: '17-object-not-registered-refused.json',
    lang: 'ru',
    document: 'refusal-notice',
    fixed: ['Мотивированный ответ об отказе в постановке Договора на учет'],
    absent: ['требованиям, установленным Законом', 'пункт 10, подпункт 2)'],
    citation: [`${RULES_B.ru}, пункт 13`],
    fact: [
      'Сведения об объекте «Алатау Резиденс» тұрғын үй кешені, 2-блок не зарегистрированы местным исполнительным органом в Системе',
    ],
    reasoning: ['после их регистрации направьте заявку на постановку Договора на учет повторно'],
  },
  // Rules A p.13 (lines 251-259): a refusal to deregister is titled as such, never as a refusal to register.
  {
    service: EXTRACT,
    scenario: '30-deregister-on-termination-refused-titled-as-deregistration.json',
    lang: 'kk',
    document: 'deregistration-refusal-notice',
    fixed: [
      'Шартты есептен шығарудан бас тарту туралы дәлелді жауап',
      'Шарттың есептік жазбасы № ЖАО-АЛМ-2025-004512.',
    ],
    absent: ['есепке қоюдан бас тарту'],
    citation: [`${RULES_A.kk} 10-тармағының 1) тармақшасы`],
    fact: ['анық еместігі анықталды: Шарттың бұзылғанын растайтын құжат.'],
    reasoning: ['Шартты бұзу туралы келісімге үлескердің атынан қол қойған адамның сенімхаты жоқ'],
  },
  {
    service: EXTRACT,
    scenario: '30-deregister-on-termination-refused-titled-as-deregistration.json',
    lang: 'ru',
    document: 'deregistration-refusal-notice',
    fixed: ['Мотивированный ответ об отказе в снятии Договора с учета'],
    absent: ['в постановке Договора на учет'],
    citation: [`${RULES_A.ru}, пункт 10, подпункт 1)`],
    fact: ['сведений в них: документ, подтверждающий расторжение Договора.'],
    reasoning: ['Соглашение о расторжении Договора подписано от имени дольщика лицом без доверенности'],
  },
  // Rules A p.10(3) (lines 234-236): the court decision named by its court and date.
  {
    service: EXTRACT,
    scenario: '14-court-ban-on-activity-refused.json',
    lang: 'ru',
    document: 'refusal-notice',
    fixed: ['Мотивированный ответ об отказе в постановке Договора на учет'],
    citation: [`${RULES_A.ru}, пункт 10, подпункт 3)`],
    fact: [
      'В отношении «Есіл Құрылыс Компаниясы» ЖШС (БИН 210340004561) имеется вступившее в законную силу решение суда (суд: Астана қаласының мамандандырылған ауданаралық экономикалық соты; решение от 4 августа 2025 г. № 7194-25-00-2/1523)',
    ],
    reasoning: ['шешім 2025 жылғы 4 тамызда заңды күшіне енген'],
  },
];

describeDocumentCases(cases, {
  citationTitle: 'cites the Rules approved by order No. 434 or No. 678, with the clause, as the law writes it',
  // A ground is a clause of the Rules, never of the order that approved or amended them.
  notCited: [/№ (434|678|144) бұйрығының|№ 144, пункт/, /(?<!утверждённые приказом Министра [^№]*)№ (434|678), пункт/],
  // The extract names the e-mail it was sent to and the System's address (www.qazreestr.kz).
  internal: { allow: [EMAIL, KZ_ADDRESS] },
});

/** Runs a scenario's events on changed application data: the form decides before anything is registered. */
async function runWith(service: string, scenario: string, change: (data: Record<string, unknown>) => void) {
  const s = scenariosOf(service).get(scenario)!;
  const data = structuredClone(s.data) as Record<string, unknown>;
  change(data);
  return simulate(definitions().services.get(service)!, data, s.events, s.at, {
    lang: 'ru',
    renderDocuments: false,
    channel: s.channel,
  });
}

describe('Rules A p.12: the hand-over duty only for a shareholder who truly has no e-mail', () => {
  test('a supplementary agreement names its shareholder (the extract goes to the e-mail given in the Contract)', async () => {
    await expect(
      runWith(EXTRACT, '12-supplementary-agreement-electronic-copy-registered.json', (d) => delete d.shareholder),
    ).rejects.toThrow(/do not fit the form/);
  });

  test('a shareholder with neither an e-mail nor the mark "has no e-mail" is not accepted', async () => {
    await expect(
      runWith(EXTRACT, '01-electronic-contract-qazreestr-registered-next-day.json', (d) => {
        delete (d.shareholder as Record<string, unknown>).email;
      }),
    ).rejects.toThrow(/do not fit the form/);
  });

  test('a shareholder with an e-mail cannot also be marked as having none', async () => {
    await expect(
      runWith(EXTRACT, '01-electronic-contract-qazreestr-registered-next-day.json', (d) => {
        (d.shareholder as Record<string, unknown>).hasNoEmail = true;
      }),
    ).rejects.toThrow(/do not fit the form/);
  });

  test('with an e-mail the extract is sent, and no hand-over is awaited', async () => {
    const r = await runWith(EXTRACT, '12-supplementary-agreement-electronic-copy-registered.json', () => undefined);
    expect(r.state).toBe('recorded');
  });
});
