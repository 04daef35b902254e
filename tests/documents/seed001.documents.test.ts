import { describeDocumentCases, KZ_ADDRESS, type DocumentCase } from './documentCases';

/**
 * Seed 001 (East Kazakhstan akimat resolution No. 247 of 22.09.2015 and the two regulations it approves): what the
 * applicant receives, in kk and ru, for an issued result and a refusal or return of each service. Phrases come from the
 * regulations' own words (Reg. 1 p.3-p.11, Reg. 2 p.3 and p.8), the citations from the act registry
 * (definitions/shared/acts/seed-001.json), the facts and the reasoning from the scenario's own values.
 */

const QUEUE = 'housing-queue-registration';
const PRESENCE = 'housing-presence-certificate';

/** How the law cites a regulation approved by resolution No. 247. */
const BY_247 = {
  kk: 'Шығыс Қазақстан облысы әкімдігінің 2015 жылғы 22 қыркүйектегі № 247 қаулысымен бекітілген',
  ru: 'утверждённый постановлением акимата Восточно-Казахстанской области от 22 сентября 2015 года № 247',
};
const REG1 = {
  kk: 'сондай-ақ жергілікті атқарушы органдардың тұрғын үй беру туралы шешім қабылдауы" мемлекеттік көрсетілетін қызмет регламентінің',
  ru: 'Регламент государственной услуги «Постановка на учет и очередность граждан',
};
const REG2 = {
  kk: 'тұрғын үйдің болуы (болмауы) туралы анықтама беру" мемлекеттік көрсетілетін қызмет регламентінің',
  ru: 'Регламент государственной услуги «Выдача справки о наличии (отсутствии) в постоянном пользовании жилища',
};

const cases: DocumentCase[] = [
  // Reg. 1 p.3 (lines 105-106): the notification of registration WITH the sequence number in the queue.
  {
    service: QUEUE,
    scenario: '01-sc-in-person-approved-queue-number.json',
    lang: 'kk',
    document: 'queue-notification',
    fixed: ['Кезектің реттік нөмірін көрсетумен есепке қою туралы хабарлама', 'Кезектің реттік нөмірі: 1542.'],
  },
  {
    service: QUEUE,
    scenario: '01-sc-in-person-approved-queue-number.json',
    lang: 'ru',
    document: 'queue-notification',
    fixed: [
      'Уведомление о постановке на учет с указанием порядкового номера очереди',
      'Порядковый номер очереди: 1542.',
    ],
  },
  // Reg. 1 p.10(1) (lines 304-306, 317-319): the receipt names the computed end of the 30-day term, whatever it is.
  {
    service: QUEUE,
    scenario: '01-sc-in-person-approved-queue-number.json',
    lang: 'kk',
    document: 'acceptance-receipt',
    // The due instant as computed (end of working hours of 31.10.2018), never a fixed "23:59".
    fixed: [
      'Тиісті құжаттар қабылданғаны туралы қолхат',
      '30 (отыз) күнтізбелік күн',
      'электрондық кезек',
      'Нәтижені алуға жүгінудің соңғы мерзімі: 2018 жылғы 31 қазан 18:30.',
    ],
  },
  {
    service: QUEUE,
    scenario: '01-sc-in-person-approved-queue-number.json',
    lang: 'ru',
    document: 'acceptance-receipt',
    fixed: ['Расписка о приеме соответствующих документов', 'Обратиться за результатом: до 31 октября 2018 г. 18:30.'],
  },
  // Reg. 1 p.9, condition 1 and process 4 (lines 273-277): the message names the power of attorney БНАЖ does not hold.
  {
    service: QUEUE,
    scenario: '06-sc-power-of-attorney-not-in-enis.json',
    lang: 'ru',
    document: 'data-unavailable-message',
    fixed: ['Сообщение о невозможности получения данных'],
    citation: [REG1.ru, BY_247.ru + ', пункт 9'],
    fact: [
      'Данные доверенности № 2-418 от 20 сентября 2018 г. (представитель: Омарова Гүлнар Сәкенқызы) отсутствуют в ЕНИС.',
    ],
  },
  {
    service: QUEUE,
    scenario: '05-sc-applicant-not-in-individuals-database.json',
    lang: 'kk',
    document: 'data-unavailable-message',
    fixed: ['Деректерді алу мүмкіндігінің жоқтығы туралы хабарлама'],
    citation: [BY_247.kk, REG1.kk + ' 9-тармағы'],
    fact: ['бойынша көрсетілетін қызмет алушының деректері ЖТ МДҚ-да жоқ.'],
  },
  // Reg. 1 p.11, condition 1 and process 2 (lines 335-342).
  {
    service: QUEUE,
    scenario: '10-portal-authorisation-refused.json',
    lang: 'kk',
    document: 'portal-authorisation-refusal',
    fixed: ['Порталда авторландырудан бас тарту туралы хабарлама'],
    citation: [REG1.kk + ' 11-тармағы'],
    fact: [
      'және пароль арқылы тіркелген көрсетілетін қызмет алушы туралы деректердің түпнұсқалығы порталда расталмады (сұраным уақыты: 2019 жылғы 12 ақпан 14:00).',
    ],
  },
  // Reg. 1 p.3 and action 3 (lines 112-115, 145-150): reasoned refusal on the grounds of p.10 of the Standard.
  {
    service: QUEUE,
    scenario: '08-sc-refused-standard-paragraph-10.json',
    lang: 'kk',
    document: 'reasoned-refusal',
    fixed: ['Мемлекеттік қызмет көрсетуден бас тарту туралы уәжделген жауап'],
    citation: [BY_247.kk, REG1.kk + ' 3-тармағы'],
    fact: [
      'Стандарттың 10-тармағының 1) тармақшасында көзделген негіз',
      'Абай көшесі, 12-үй, 5-пәтер меншік құқығымен тіркелген',
    ],
    reasoning: ['Жылжымайтын мүлік тізілімінен алынған мәліметке сәйкес өтініш берушінің меншігінде'],
  },
  {
    service: QUEUE,
    scenario: '08-sc-refused-standard-paragraph-10.json',
    lang: 'ru',
    document: 'reasoned-refusal',
    fixed: ['Мотивированный ответ об отказе в оказании государственной услуги'],
    citation: [REG1.ru, BY_247.ru + ', пункт 3'],
    fact: ['подпунктом 1) пункта 10 Стандарта', 'г. Усть-Каменогорск, ул. Абая, д. 12, кв. 5'],
    reasoning: ['По сведениям регистра недвижимости за заявителем числится квартира'],
  },
  // Reg. 1 p.10(1) (lines 306-311): receipt refusing to accept an incomplete package, naming the missing document.
  {
    service: QUEUE,
    scenario: '03-sc-incomplete-package-refusal-receipt.json',
    lang: 'kk',
    document: 'intake-refusal-receipt',
    fixed: ['Құжаттарды қабылдаудан бас тарту туралы қолхат'],
    citation: [BY_247.kk, REG1.kk + ' 10-тармағының 1) тармақшасы'],
    fact: ['мына құжаттар ұсынылмады: отбасы мүшелерінің табысы туралы мәліметтер.'],
    reasoning: ['Өтініш беруші Омарова Г.С.'],
  },
  {
    service: QUEUE,
    scenario: '03-sc-incomplete-package-refusal-receipt.json',
    lang: 'ru',
    document: 'intake-refusal-receipt',
    fixed: ['Расписка об отказе в приеме документов'],
    citation: [REG1.ru, BY_247.ru + ', пункт 10, подпункт 1)'],
    fact: [
      'Не представлены документы по перечню, предусмотренному пунктом 9 Стандарта: сведения о доходах членов семьи.',
    ],
    reasoning: ['Заявитель Омарова Г.С. не представила сведения о доходах членов семьи'],
  },
  // Expired document: the receipt names the document and the day its validity ended.
  {
    service: QUEUE,
    scenario: '04-sc-expired-document-refusal-receipt.json',
    lang: 'ru',
    document: 'intake-refusal-receipt',
    fixed: ['Расписка об отказе в приеме документов'],
    citation: [BY_247.ru + ', пункт 10, подпункт 1)'],
    fact: ['документ, удостоверяющий личность (последний день срока действия: 15 сентября 2018 г.)'],
    reasoning: ['Срок действия представленного удостоверения личности истек 15 сентября 2018 года'],
  },
  {
    service: QUEUE,
    scenario: '04-sc-expired-document-refusal-receipt.json',
    lang: 'kk',
    document: 'intake-refusal-receipt',
    fixed: ['Құжаттарды қабылдаудан бас тарту туралы қолхат'],
    citation: [REG1.kk + ' 10-тармағының 1) тармақшасы'],
    fact: ['жеке басын куәландыратын құжат (қолданылу мерзімінің соңғы күні: 2018 жылғы 15 қыркүйек).'],
    reasoning: ['Ұсынылған жеке куәліктің қолданылу мерзімі 2018 жылғы 15 қыркүйекте өткен'],
  },
  // Reg. 1 p.4 (lines 126-133): a representative's application is a basis only under a notarised power of attorney.
  {
    service: QUEUE,
    scenario: '23-sc-representative-poa-not-notarised-not-accepted.json',
    lang: 'kk',
    document: 'representative-not-accepted-notice',
    fixed: ['(не нотариалды куәландырылған сенімхат бойынша оның өкілінің) өтініші негіз болып табылады'],
    citation: [BY_247.kk, REG1.kk + ' 4-тармағы'],
    fact: [
      'Өкіл Омарова Гүлнар Сәкенқызы (ЖСН 850312400019) ұсынған сенімхат № 17 (2018 жылғы 1 қазан) нотариалды куәландырылмаған.',
    ],
  },
  {
    service: QUEUE,
    scenario: '23-sc-representative-poa-not-notarised-not-accepted.json',
    lang: 'ru',
    document: 'representative-not-accepted-notice',
    fixed: ['(либо его представителя по нотариально удостоверенной доверенности)'],
    citation: [REG1.ru, BY_247.ru + ', пункт 4'],
    fact: [
      'Доверенность № 17 от 1 октября 2018 г. (представитель: Омарова Гүлнар Сәкенқызы, ИИН 850312400019) не удостоверена нотариально.',
    ],
  },
  // Reg. 1 p.11 (lines 343-356): a portal request must be certified with the applicant's EDS certificate.
  {
    service: QUEUE,
    scenario: '24-portal-request-without-eds-refused.json',
    lang: 'kk',
    document: 'eds-refusal',
    fixed: ['ЭЦҚ түпнұсқалылығы расталмауына байланысты сұратылған қызметтен бас тарту туралы хабарлама'],
    citation: [BY_247.kk, REG1.kk + ' 11-тармағы'],
    fact: ['Сұранымды куәландыру (қол қою) үшін көрсетілетін қызметті алушының ЭЦҚ тіркеу куәлігі таңдалмаған'],
  },
  {
    service: QUEUE,
    scenario: '11-portal-eds-certificate-expired.json',
    lang: 'ru',
    document: 'eds-refusal',
    fixed: ['Сообщение об отказе в запрашиваемой услуге в связи с неподтверждением подлинности ЭЦП'],
    citation: [REG1.ru, BY_247.ru + ', пункт 11'],
    fact: ['Срок действия регистрационного свидетельства ЭЦП истек (последний день: 28 февраля 2018 г.).'],
  },
  {
    service: QUEUE,
    scenario: '13-portal-eds-iin-mismatch.json',
    lang: 'kk',
    document: 'eds-refusal',
    fixed: ['ЭЦҚ түпнұсқалылығы расталмады'],
    citation: [REG1.kk + ' 11-тармағы'],
    fact: [
      'Сұранымда көрсетілген ЖСН (850312400019) ЭЦҚ тіркеу куәлігінде көрсетілген ЖСН-ге (880505300027) сәйкес келмейді',
    ],
  },
  // Reg. 2 p.3 (lines 495-499): the certificate of absence.
  {
    service: PRESENCE,
    scenario: '01-absence-in-person.json',
    lang: 'kk',
    document: 'certificate-absence',
    fixed: [
      'АНЫҚТАМА',
      'жергілікті атқарушы орган жеке тұрғын үй қорынан жалдаған тұрғын үйдің жоқ екені туралы анықтама',
    ],
  },
  {
    service: PRESENCE,
    scenario: '01-absence-in-person.json',
    lang: 'ru',
    document: 'certificate-absence',
    fixed: [
      'СПРАВКА',
      'Настоящая справка подтверждает, что у гражданина — Сейітов Нұрлан Бекұлы, ИИН 900101300017, — в постоянном пользовании отсутствует жилище',
    ],
  },
  // Reg. 2 p.8(1) (lines 575-578, as amended by No. 93): the office refuses to accept an incomplete package.
  {
    service: PRESENCE,
    scenario: '03-incomplete-package-not-accepted.json',
    lang: 'kk',
    document: 'intake-refusal-notice',
    fixed: ['кеңсе қызметкері өтінішті қабылдаудан бас тартады'],
    citation: [BY_247.kk, REG2.kk + ' 8-тармағының 1) тармақшасы'],
    fact: ['мына құжаттар ұсынылмады: жеке басын куәландыратын құжат.'],
    reasoning: ['Омарова Г.С. өтінішпен бірге жеке басын куәландыратын құжатты ұсынбады'],
  },
  {
    service: PRESENCE,
    scenario: '04-expired-document-not-accepted.json',
    lang: 'ru',
    document: 'intake-refusal-notice',
    fixed: ['сотрудник канцелярии отказывает в приеме заявления'],
    citation: [REG2.ru, BY_247.ru + ', пункт 8, подпункт 1)'],
    fact: [
      'Представлены документы с истекшим сроком действия: удостоверение личности (последний день срока действия: 31 августа 2018 г.).',
    ],
    reasoning: ['Срок действия удостоверения личности, представленного Сейітовым Н.Б., истек 31 августа 2018 года'],
  },
];

describeDocumentCases(cases, {
  citationTitle: 'cites the regulation approved by resolution No. 247, with the clause, as the law writes it',
  // The resolution's own articles only approve: a ground is the regulation's, never "resolution No. 247, art. 1".
  notCited: [/қаулысының 1-бабы|№ 247, статья 1/],
  // The portal's address (www.egov.kz).
  internal: { allow: [KZ_ADDRESS] },
});
