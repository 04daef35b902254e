import { scenarioDocuments } from './scenarioDocuments';
import { describeDocumentCases, KZ_ADDRESS, type DocumentCase } from './documentCases';

/**
 * Seed 004 (order No. 384/НҚ of 20.12.2013 and the four e-licence regulations it approves): what the applicant reads,
 * in kk and ru, for an issued licence and a refusal (or return) of each of the four services. The fixed phrases are
 * the regulations' own words (p.3, p.6(2), Annex 1), the citations come from the act registry
 * (definitions/shared/acts/seed-004.json: each regulation is its own act, approved by the order), the facts from the
 * scenario's own values, the reasoning from the officer's event.
 */

const SURVEY = 'licence-survey-activity';
const SHARED_HOUSING = 'licence-shared-housing-construction';
const DESIGN = 'licence-design-activity';
const CONSTRUCTION = 'licence-construction-installation-works';

/** How the law cites a regulation of the order: "…бекітілген «…» регламентінің" / "Регламент …, утверждённый …". */
const BY_ORDER = {
  kk: 'Қазақстан Республикасы Өңірлік даму министрінің міндетін атқарушының 2013 жылғы 20 желтоқсандағы № 384/НҚ бұйрығымен бекітілген',
  ru: 'утверждённый приказом исполняющего обязанности Министра регионального развития Республики Казахстан от 20 декабря 2013 года № 384/НҚ',
};
const REGULATION: Record<string, { kk: string; ru: string }> = {
  [SURVEY]: {
    kk: '«Іздестіру қызметіне лицензия беру, қайта ресімдеу, лицензияға телнұсқасын беру» электрондық мемлекеттік көрсетілетін қызметтің регламентінің',
    ru: 'Регламент электронной государственной услуги «Выдача лицензии, переоформление, выдача дубликата лицензии на изыскательскую деятельность»',
  },
  [SHARED_HOUSING]: {
    kk: '«Үлескерлердің ақшасын тарту есебінен тұрғын жайлар құрылысын ұйымдастыру жөніндегі қызметке лицензия беру, қайта ресімдеу, лицензияға телнұсқасын беру» электрондық мемлекеттік көрсетілетін қызметтің регламентінің',
    ru: 'Регламент электронной государственной услуги «Выдача лицензии, переоформление, выдача дубликата лицензии на деятельность по организации строительства жилых зданий за счёт привлечения денег дольщиков»',
  },
  [DESIGN]: {
    kk: '«Жобалау қызметіне лицензия беру, қайта ресімдеу, лицензияның телнұсқасын беру» электрондық мемлекеттік көрсетілетін қызметтің регламентінің',
    ru: 'Регламент электронной государственной услуги «Выдача лицензии, переоформление, выдача дубликата лицензии на проектную деятельность»',
  },
  [CONSTRUCTION]: {
    kk: '«Құрылыс-монтаж жұмыстарына лицензия беру, қайта ресімдеу, лицензияға телнұсқасын беру» электрондық мемлекеттік көрсетілетін қызметтің регламентінің',
    ru: 'Регламент электронной государственной услуги «Выдача лицензии, переоформление, выдача дубликата лицензии на строительно-монтажные работы»',
  },
};
/** The citation of a clause of a service's regulation, as a refusal prints it. */
function cites(service: string, lang: 'kk' | 'ru', clause: { kk: string; ru: string }): string {
  return lang === 'kk'
    ? `${BY_ORDER.kk} ${REGULATION[service].kk} ${clause.kk}`
    : `${REGULATION[service].ru}, ${BY_ORDER.ru}, ${clause.ru}`;
}
const P6_2 = { kk: '6-тармағының 2) тармақшасы', ru: 'пункт 6, подпункт 2)' };
const P12_14 = { kk: '12-тармағының 14) тармақшасы', ru: 'пункт 12, подпункт 14)' };
const P12_11 = { kk: '12-тармағының 11) тармақшасы', ru: 'пункт 12, подпункт 11)' };

/** Paragraph 3 of every regulation: the result is an e-document with the EDS of the provider's authorised person. */
const P3 = {
  kk: 'порталда көрсетілетін қызметті берушінің уәкілетті тұлғасының электрондық цифрлық қолтаңбасы (ЭЦҚ) қойылған электрондық құжат нысанында беріледі',
  ru: 'выдается на портале в форме электронного документа, удостоверенного электронной цифровой подписью (ЭЦП) уполномоченного лица услугодателя',
};
const P3_PAPER = {
  kk: 'басып шығарылады және көрсетілетін қызметті берушінің мөрімен және басшысының қолымен расталады',
  ru: 'распечатываются и заверяются печатью и подписью руководителя услугодателя',
};
/** Annex 1, item 15: the verdict of the licensing-control conclusion. */
const ITEM_15 = {
  kk: '15. Құжаттарды қарау нәтижесінде өтініш беруші (лицензиат):',
  ru: '15. По результатам рассмотрения документов заявитель (лицензиат):',
};

/** A case of the shared runner, its reasoning one sentence as the officer's event writes it. */
type Case = Omit<DocumentCase, 'reasoning'> & { reasoning?: string };

const cases: Case[] = [];
for (const lang of ['kk', 'ru'] as const) {
  const kk = lang === 'kk';
  cases.push(
    // Survey (regulation 1): an electronic licence on the portal; a centre package whose copies are neither notarised
    // nor compared with the originals, and an individual's tax-certificate copy likewise (p.10(4), L274-277).
    {
      service: SURVEY,
      scenario: '01-portal-llp-issue-every-step-issued-electronically.json',
      lang,
      document: 'licence',
      fixed: [
        kk ? 'Лицензия' : 'Лицензия',
        P3[lang],
        kk ? 'Лицензиат: «Құрылыс-Жоба» ЖШС, БСН 040440000000' : 'Лицензиат: «Құрылыс-Жоба» ЖШС, БИН 040440000000',
      ],
      absent: [P3_PAPER[lang]],
    },
    {
      service: SURVEY,
      scenario: '01-portal-llp-issue-every-step-issued-electronically.json',
      lang,
      document: 'conclusion',
      fixed: [
        kk
          ? 'Жүзеге асырылған лицензиялық бақылаудың нәтижелері бойынша қорытынды'
          : 'Заключение по результатам осуществленного лицензионного контроля',
        `${ITEM_15[lang]} ${kk ? 'біліктілік талаптарға сәйкес келеді' : 'соответствует квалификационным требованиям'}`,
      ],
      absent: [
        kk
          ? 'сәйкес келеді, біліктілік талаптарға сәйкес келмейді) Қорытынды'
          : 'не соответствует квалификационным требованиям) Заключение',
      ],
    },
    {
      service: SURVEY,
      scenario: '14-centre-copies-not-notarised-originals-not-shown-returned.json',
      lang,
      document: 'return-notice',
      fixed: [
        kk
          ? 'ұсынылған құжаттар толық болмаған жағдайда сұрауды одан әрі қараудан бас тартуы'
          : 'в случае неполноты представленных документов – отказ в дальнейшем рассмотрении запроса',
      ],
      // p.6(2)'s words are quoted under their citation, not printed alone as a sentence without a predicate.
      absent: [kk ? 'Ұсынылған құжаттар толық болмаған жағдайда' : 'В случае неполноты'],
      citation: [cites(SURVEY, lang, P6_2)],
      fact: [
        kk
          ? 'көшірмелер нотариалды куәландырылмаған, ал салыстырып тексеру үшін түпнұсқалары берілмеген'
          : 'копии не засвидетельствованы нотариально, а оригиналы для сверки не представлены',
      ],
      reasoning: kk
        ? 'Жарғының және салық органында есепке қою туралы куәліктің көшірмелері нотариалды куәландырылмаған, ал түпнұсқалары салыстырып тексеру үшін берілмеген.'
        : 'Копии устава и свидетельства о постановке на учёт в налоговом органе не засвидетельствованы нотариально, а оригиналы для сверки не представлены.',
    },
    {
      service: SURVEY,
      scenario: '18-centre-individual-tax-certificate-copy-not-notarised-returned.json',
      lang,
      document: 'return-notice',
      fixed: [kk ? 'Әлиев Нұрлан' : 'Әлиев Нұрлан'],
      citation: [cites(SURVEY, lang, P6_2)],
      fact: [
        kk
          ? 'көшірмелер нотариалды куәландырылмаған, ал салыстырып тексеру үшін түпнұсқалары берілмеген'
          : 'копии не засвидетельствованы нотариально, а оригиналы для сверки не представлены',
      ],
      reasoning: kk ? 'бұл талап жеке тұлғаға да қолданылады' : 'это требование распространяется и на физическое лицо',
    },
    // Design (regulation 3): a licence re-issued on the portal; a refusal for the qualification requirements with
    // item 15 of the conclusion saying so and the failing item named.
    {
      service: DESIGN,
      scenario: '10-portal-reissue-after-renaming-llp-issued.json',
      lang,
      document: 'licence',
      fixed: [P3[lang]],
    },
    {
      service: DESIGN,
      scenario: '08-portal-qualification-requirements-not-met-reasoned-refusal.json',
      lang,
      document: 'conclusion',
      fixed: [
        `${ITEM_15[lang]} ${kk ? 'біліктілік талаптарға сәйкес келмейді' : 'не соответствует квалификационным требованиям'}`,
        // Items 5–14 filled from the findings: the item found non-compliant takes the act's negative option, the others
        // its positive one; the applicant's name stands where the form asks for it in the state language.
        kk
          ? 'Мамандар құрамы (қажет болған жағдайда): біліктілік талаптарға сәйкес келмейді Іске асырылған объектілердің болуы (қажет болған жағдайда): біліктілік талаптарға сәйкес келеді'
          : 'Состав специалистов (при необходимости): не соответствует квалификационным требованиям Наличие реализованных объектов (при необходимости): соответствует',
        kk ? '13. Сапаны бақылау бойынша ереже: бар' : '13. Положение по контролю качества: имеется',
        kk
          ? 'мемлекеттік тілде: «Құрылыс-Жоба» ЖШС; орыс тілінде: ______'
          : 'на государственном языке: «Құрылыс-Жоба» ЖШС; на русском языке: ______',
      ],
      reasoning: kk
        ? 'Мамандар құрамы І санат үшін біліктілік талаптарына сәйкес келмейді'
        : 'Состав специалистов не соответствует квалификационным требованиям для I категории',
    },
    {
      service: DESIGN,
      scenario: '08-portal-qualification-requirements-not-met-reasoned-refusal.json',
      lang,
      document: 'refusal',
      fixed: [
        kk
          ? 'көрсетілетін қызметті алушының деректерінде бұзушылықтардың болғандықтан сұрау салынған қызметті көрсетуден бас тарту'
          : 'отказ в оказании запрашиваемой услуги в связи с нарушениями в данных услугополучателя',
      ],
      citation: [cites(DESIGN, lang, P12_14)],
      fact: [
        kk
          ? 'Лицензиялық бақылау қорытындысының 15-тармағы бойынша өтініш беруші «Құрылыс-Жоба» ЖШС біліктілік талаптарына сәйкес келмейді; сәйкес келмейтін немесе расталмаған тармақтар: 5-тармақ – мамандар құрамы'
          : 'По пункту 15 заключения лицензионного контроля заявитель «Құрылыс-Жоба» ЖШС не соответствует квалификационным требованиям; не соответствуют или не подтверждены пункты: пункт 5 – состав специалистов',
      ],
      reasoning: kk
        ? 'Лицензиялық комиссия лицензиялық бақылау қорытындысын қарап, мамандар құрамының біліктілік талаптарына сәйкес келмейтінін растады.'
        : 'Лицензионная комиссия рассмотрела заключение лицензионного контроля и подтвердила, что состав специалистов не соответствует квалификационным требованиям.',
    },
    // Construction and installation works (regulation 4): a paper licence collected at the centre; the portal's EDS
    // check rejects a request whose certificate names another BIN (p.12(11)).
    {
      service: CONSTRUCTION,
      scenario: '02-centre-ie-paper-issue-collected-within-15-minutes.json',
      lang,
      document: 'licence',
      fixed: [P3[lang], P3_PAPER[lang], kk ? 'ЖСН 900101300017' : 'ИИН 900101300017'],
    },
    {
      service: CONSTRUCTION,
      scenario: '05-portal-eds-iin-bin-mismatch-refusal-message.json',
      lang,
      document: 'system-message',
      fixed: [
        kk
          ? 'көрсетілетін қызметті алушының ЭЦҚ түпнұсқасы расталмағандықтан сұрау салынған көрсетілетін қызметтен бас тарту'
          : 'отказ в запрашиваемой услуге в связи с неподтверждением подлинности ЭЦП услугополучателя',
      ],
      citation: [cites(CONSTRUCTION, lang, P12_11)],
      fact: [
        kk
          ? 'куәліктегі ЖСН/БСН сұрауда көрсетілген нөмірге (БСН 040440000000) сәйкес келмейді'
          : 'ИИН/БИН в свидетельстве не совпадает с указанным в запросе (БИН 040440000000)',
      ],
    },
    // Shared-housing construction (regulation 2): a first-stage licence on paper; a second-stage package without the
    // zero-cycle act, and a first-stage one whose commissioning acts and sub-contracts are not notarised (L924-933).
    {
      service: SHARED_HOUSING,
      scenario: '01-department-stage-1-paper-every-step-issued.json',
      lang,
      document: 'licence',
      fixed: [P3_PAPER[lang]],
    },
    {
      service: SHARED_HOUSING,
      scenario: '02-centre-stage-2-zero-cycle-act-missing-returned.json',
      lang,
      document: 'return-notice',
      fixed: [
        kk
          ? 'Сұрауды одан әрі қараудан бас тарту туралы дәлелді жауап'
          : 'Мотивированный ответ об отказе в дальнейшем рассмотрении запроса',
      ],
      citation: [cites(SHARED_HOUSING, lang, P6_2)],
      fact: [
        kk
          ? 'құрылыстың нөлдік циклінің аяқталғаны туралы аралық қабылдау актісінің көшірмесі'
          : 'копия акта промежуточной приёмки о завершении нулевого цикла',
      ],
      reasoning: kk
        ? 'Екінші кезеңдегі лицензияға сұрауға құрылыстың нөлдік циклінің аяқталғаны туралы аралық қабылдау актісінің көшірмесі қоса берілмеген.'
        : 'К запросу на лицензию второго этапа не приложена копия акта промежуточной приёмки о завершении нулевого цикла строительства.',
    },
    // A gateway rejection: the clause cited, then its words; the fact ends its sentence (not with ';').
    {
      service: DESIGN,
      scenario: '05-portal-eds-iin-bin-mismatch-refusal-message.json',
      lang,
      document: 'system-message',
      fixed: [],
      citation: [
        `${cites(DESIGN, lang, P12_11)} ${
          kk ? 'көрсетілетін қызметті алушының ЭЦҚ түпнұсқасы расталмағандықтан' : ''
        }`.trim(),
      ],
      fact: [kk ? 'сұрауда көрсетілген нөмірге (БСН 040440000000) сәйкес келмейді.' : '(БИН 040440000000).'],
      absent: [kk ? 'сәйкес келмейді;' : '040440000000);'],
    },
    // The receipt gives the term as the law cites it: the Standard that regulation p.4 names (L86-90), with the
    // resolution approving it, not the regulation's own short name "Стандарт".
    {
      service: SURVEY,
      scenario: '17-centre-refusal-collected-at-the-centre-within-15-minutes.json',
      lang,
      document: 'receipt',
      fixed: [
        kk
          ? 'Нәтижені берудің жоспарланған күні: Қазақстан Республикасы Үкіметінің 2012 жылғы 31 тамыздағы № 1128 қаулысымен бекітілген «Іздестіру қызметіне лицензия беру, қайта ресімдеу, лицензияға телнұсқасын беру» мемлекеттік қызмет стандартының 4-тармағымен белгіленген мерзімде.'
          : 'Планируемая дата выдачи результата: в срок, установленный пунктом 4 Стандарта государственной услуги «Выдача лицензии, переоформление, выдача дубликата лицензии на изыскательскую деятельность», утверждённого постановлением Правительства Республики Казахстан от 31 августа 2012 года № 1128.',
      ],
    },
    {
      service: DESIGN,
      scenario: '02-centre-ie-paper-issue-collected-within-15-minutes.json',
      lang,
      document: 'receipt',
      fixed: [
        kk
          ? 'Қазақстан Республикасы Үкіметінің 2010 жылғы 7 қазандағы № 1036 қаулысымен бекітілген «Жобалау қызметіне лицензия беру, қайта ресімдеу, лицензияның телнұсқасын беру» мемлекеттік қызмет стандартының 4-тармағымен белгіленген мерзімде.'
          : 'пунктом 4 Стандарта государственной услуги «Выдача лицензии, переоформление, выдача дубликата лицензии на проектную деятельность», утверждённого постановлением Правительства Республики Казахстан от 7 октября 2010 года № 1036.',
      ],
      absent: [kk ? 'Стандарттың 4-тармағымен' : 'пунктом 4 Стандарта.'],
    },
    {
      service: SHARED_HOUSING,
      scenario: '14-department-stage-1-commissioning-acts-not-notarised-returned.json',
      lang,
      document: 'return-notice',
      fixed: [],
      citation: [cites(SHARED_HOUSING, lang, P6_2)],
      fact: [
        kk
          ? 'пайдалануға беру актілерінің және қосалқы мердігерлік шарттарының көшірмелері нотариалды куәландырылмаған'
          : 'копии актов ввода в эксплуатацию и договоров субподряда не засвидетельствованы нотариально',
      ],
      reasoning: kk
        ? 'Құрылтайшының тәжірибесін растайтын пайдалануға беру актілерінің және қосалқы мердігерлік шарттарының көшірмелері нотариалды куәландырылмаған.'
        : 'Копии актов ввода в эксплуатацию и договоров субподряда, подтверждающих опыт учредителя, нотариально не засвидетельствованы.',
    },
  );
}

describe('seed 004 documents read as the regulations write them', () => {
  describeDocumentCases(
    cases.map((c) => ({ ...c, reasoning: c.reasoning === undefined ? undefined : [c.reasoning] })),
    {
      citationTitle: 'cites the regulation approved by order No. 384/НҚ, with the clause, as the law writes it',
      // The portal's address (www.egov.kz); the shared refusal grounds quote the regulation with an elision
      // («біліктілік талаптарына ... сәйкестігін тексеруі», definitions/shared/licences-2013/version.json).
      internal: { allow: [KZ_ADDRESS], allowEllipsis: true },
    },
  );
});

describe('seed 004 procedure items of issue 15', () => {
  test.each([SURVEY, DESIGN, CONSTRUCTION])(
    '%s: a portal request the payment check rejects ends before registration: no registration instant, no term',
    async (service) => {
      const { result } = await scenarioDocuments(service, '04-portal-payment-not-confirmed-refusal-message.json', 'ru');
      expect(result.state).toBe('portal-rejected');
      expect(result.registeredAt).toBeNull();
      expect(result.deadlines).toEqual([]);
      // A registered request of the same service does run its terms (the check above is not vacuous).
      const registered = await scenarioDocuments(
        service,
        '14-centre-copies-not-notarised-originals-not-shown-returned.json',
        'ru',
      );
      expect(registered.result.deadlines.map((d) => d.id).sort()).toEqual(['completeness-check', 'procedure-steps']);
      expect(registered.result.registeredAt).toBe('2016-02-15T10:00:00+06:00');
    },
  );

  test.each([SURVEY, DESIGN, CONSTRUCTION])(
    '%s: a reasoned refusal of a centre application is collected at the centre (p.3, p.11)',
    async (service) => {
      const waiting = await scenarioDocuments(service, '09-centre-licence-basis-not-met-paper-refusal.json', 'kk');
      expect(waiting.result.state).toBe('refusal-awaiting-collection');
      expect(waiting.result.documents.map((d) => d.id)).toContain('refusal');
      const collected = await scenarioDocuments(
        service,
        '17-centre-refusal-collected-at-the-centre-within-15-minutes.json',
        'kk',
      );
      expect(collected.result.state).toBe('refusal-handed-over');
      expect(collected.result.status).toBe('refused');
    },
  );

  test.each([SURVEY, DESIGN, CONSTRUCTION])(
    '%s: no licence copy is asked at the centre for an annex within an existing licence (L264-284)',
    async (service) => {
      const { result } = await scenarioDocuments(
        service,
        '19-centre-annex-within-existing-licence-no-licence-copy-asked.json',
        'ru',
      );
      expect(result.state).toBe('licensing-control');
      expect(result.refusal).toBeNull();
    },
  );
});
