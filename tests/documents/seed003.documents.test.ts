import { scenarioDocuments } from './scenarioDocuments';
import { describeDocumentCases, type DocumentCase } from './documentCases';

/**
 * Seed 003 (order No. 156 of the Minister of Justice, amended by order No. 65 of 2026): the documents its two services
 * issue, rendered in kk and ru from the real definitions, read as the applicant reads them. Each case names a scenario,
 * the document, and the words that must (and must not) be there: the act's fixed wording, the citation of each fired
 * ground as the law writes it, the fact with the scenario's own values, and the officer's reasoning.
 */

type Lang = 'kk' | 'ru';
type Words = Record<Lang, string[]>;

interface Case {
  name: string;
  service: 'cadastral-passport-duplicate' | 'new-real-estate-cadastre-entry';
  scenario: string;
  document: string;
  /** Documents the scenario must not issue (e.g. no preliminary decision for a three-day term). */
  notIssued?: string[];
  has: Words;
  hasNot?: Words;
}

/** The Rules as the law cites them (definitions/shared/acts/seed-003.json, moj-156-rules). */
const RULES: Record<Lang, string> = {
  kk: 'Қазақстан Республикасы Әділет министрінің 2013 жылғы 6 мамырдағы № 156 бұйрығымен бекітілген Жаңадан құрылған жылжымайтын мүлікке',
  ru: 'утверждённые приказом Министра юстиции Республики Казахстан от 6 мая 2013 года № 156',
};
const RULES_GENITIVE_END =
  '"Жылжымайтын мүлік объектісінің кадастрлық паспортының телнұсқасын беру" мемлекеттік қызмет көрсету қағидаларының';

const cases: Case[] = [
  {
    name: 'duplicate issued: the mark «Телнұсқа» and the copy from the inventory file (p.9, p.11)',
    service: 'cadastral-passport-duplicate',
    scenario: '01-apartment-individual-eds-gateway-approved-first-working-day.json',
    document: 'duplicate',
    has: {
      kk: ['«Телнұсқа»', 'Кадастрлық паспорттың көшірмесі түгендеу ісінен шығарылды', 'ЭЦҚ пайдалана отырып қол қойды'],
      ru: ['«Дубликат»', 'Дубликат кадастрового паспорта объекта недвижимости', 'из инвентарного дела'],
    },
  },
  {
    name: 'duplicate returned for an expired document: the notice names it and its date, not a missing payment',
    service: 'cadastral-passport-duplicate',
    scenario: '29-expired-documents-returned-at-examination.json',
    document: 'return-notice',
    has: {
      kk: [
        'Құжаттарды одан әрі қараудан бас тарту туралы хабарлама',
        `${RULES_GENITIVE_END} 9-тармағы`,
        'Қолданылу мерзімі өтіп кеткен құжаттар ұсынылған: жеке басын куәландыратын құжат (қолданылу мерзімінің соңғы күні: 2026 жылғы 20 ақпан).',
        'жеке куәлігінің қолданылу мерзімі 2026 жылғы 20 ақпанда',
      ],
      ru: [
        'Уведомление об отказе в дальнейшем рассмотрении документов',
        `${RULES.ru}, пункт 9.`,
        'Представлены документы с истекшим сроком действия: документ, удостоверяющий личность (срок действия истёк 20 февраля 2026 г.).',
        'срок действия удостоверения личности заявителя истёк 20 февраля 2026 года',
      ],
    },
    hasNot: { kk: ['төлемді растайтын', 'толық топтамасын'], ru: ['подтверждающего оплату', 'неполного пакета'] },
  },
  {
    name: 'duplicate returned for a missing payment copy: the notice says so, not expired documents',
    service: 'cadastral-passport-duplicate',
    scenario: '09-return-no-gateway-payment-no-receipt-copy.json',
    document: 'return-notice',
    has: {
      kk: [
        `${RULES_GENITIVE_END} 9-тармағы`,
        'төлемді растайтын құжаттың электрондық көшірмесі сұрау салуға қоса берілмеген',
      ],
      ru: [`${RULES.ru}, пункт 9.`, 'электронная копия документа, подтверждающего оплату'],
    },
    hasNot: { kk: ['мерзімі өтіп кеткен'], ru: ['истекшим сроком', 'истёк'] },
  },
  {
    name: 'duplicate refused on two grounds (annex 2 row 9 subparagraphs 1 and 2): each cited, each fact, the reasoning',
    service: 'cadastral-passport-duplicate',
    scenario: '16-refused-two-grounds-term-over-moved-8-march.json',
    document: 'refusal-notice',
    has: {
      kk: [
        `${RULES_GENITIVE_END} 2-қосымшасының 9-жолының 1) тармақшасы`,
        `${RULES_GENITIVE_END} 2-қосымшасының 9-жолының 2) тармақшасы`,
        'сұрау салуда көрсетілген 20-321-013-440 кадастрлық нөмірі түгендеу ісі бойынша басқа объектіге тиесілі',
        '"Агро-Тұрақ" ЖШС түгендеу ісі бойынша 800 шаршы метр объектінің құқық иеленушісі болып табылмайды',
        '"Агро-Тұрақ" ЖШС-ның 800 шаршы метр объектісіне емес',
      ],
      ru: [
        `${RULES.ru}, приложение 2, строка 9, подпункт 1)`,
        `${RULES.ru}, приложение 2, строка 9, подпункт 2)`,
        'ТОО «Агро-Тұрақ» по инвентарному делу не является правообладателем объекта площадью 800 кв. м',
        'кадастровый номер 20-321-013-440, указанный в запросе, по инвентарному делу принадлежит другому объекту',
        'принадлежит не объекту ТОО «Агро-Тұрақ» площадью 800 кв. м',
      ],
    },
  },
  {
    name: 'duplicate refused on a court ban (subparagraph 3): the court, date and number of the decision in words',
    service: 'cadastral-passport-duplicate',
    scenario: '13-refused-court-ban-on-activity-legal-entity.json',
    document: 'refusal-notice',
    has: {
      kk: [
        `${RULES_GENITIVE_END} 2-қосымшасының 9-жолының 3) тармақшасы`,
        'Алматы қаласының мамандандырылған ауданаралық экономикалық сотының заңды күшіне енген шешімімен (үкімімен)',
        '2026 жылғы 15 қаңтар, № 7527-25-00-2/1041',
      ],
      ru: [
        `${RULES.ru}, приложение 2, строка 9, подпункт 3)`,
        'Специализированного межрайонного экономического суда города Алматы от 15 января 2026 г. № 7527-25-00-2/1041',
      ],
    },
  },
  {
    name: 'duplicate refused on ground 4: its text ends with the act’s «бойынша» (L553)',
    service: 'cadastral-passport-duplicate',
    scenario: '14-refused-court-deprivation-of-special-right.json',
    document: 'refusal-notice',
    has: {
      kk: [
        `${RULES_GENITIVE_END} 2-қосымшасының 9-жолының 4) тармақшасы`,
        'мемлекеттік көрсетілетін қызметті алумен байланысты арнаулы құқығынан айырылуы бойынша',
        'риэлторлық қызметпен айналысу құқығынан айырылған',
      ],
      ru: [
        `${RULES.ru}, приложение 2, строка 9, подпункт 4)`,
        'лишён права заниматься риэлторской деятельностью',
        'Алмалинского районного суда города Алматы от 20 ноября 2025 г.',
      ],
    },
  },
  {
    name: 'duplicate of exactly three working days (3,200 m²) refused at once: no preliminary decision (note three-days)',
    service: 'cadastral-passport-duplicate',
    scenario: '11-refused-unreliable-documents-shopping-centre.json',
    document: 'refusal-notice',
    notIssued: ['preliminary-decision'],
    has: {
      kk: ['Төлемді растайтын құжаттағы мәліметтердің дәйексіздігі анықталды', '№ 004512'],
      ru: ['Установлена недостоверность сведений в документе, подтверждающем оплату', '№ 004512'],
    },
  },
  {
    name: 'discrepancy conclusion (Annex 3): the facts of changes, each with the title document and the actual data (L121)',
    service: 'new-real-estate-cadastre-entry',
    scenario: '03-conclusion-legal-entity-office-2500-m2-contract-works-act.json',
    document: 'discrepancy-conclusion',
    has: {
      kk: [
        'қағидаларына 3-қосымша',
        'алшақтықтарын белгілеу туралы қорытынды',
        'Ғимараттың жалпы ауданы: құқық белгілейтін құжатта — 2 380 шаршы метр; нақты деректер — 2 500 шаршы метр',
        'құқық белгілейтін құжатта жоқ 120 шаршы метр жапсарлас құрылыс салынған',
        'Қабат саны: құқық белгілейтін құжатта — 4 қабат; нақты деректер — 5 қабат',
      ],
      ru: [
        'Приложение 3 к Правилам',
        'Общая площадь здания: в правоустанавливающем документе — 2 380 кв. м; фактические данные — 2 500 кв. м',
        'надстроен мансардный этаж',
      ],
    },
  },
  {
    name: 'data entered (p.6, L87): the notice of entry into the cadastre information system',
    service: 'new-real-estate-cadastre-entry',
    scenario: '01-data-entry-individual-house-tuesday-first-working-day.json',
    document: 'data-entry-notice',
    has: {
      kk: ['жылжымайтын мүліктің бірыңғай мемлекеттік кадастрының ақпараттық жүйесіне енгізілді'],
      ru: ['внесены в информационную систему единого государственного кадастра недвижимости'],
    },
  },
  {
    name: 'passport issued: the tables per Annexes 9 and 10, legal force kept when the owner changes (p.7)',
    service: 'new-real-estate-cadastre-entry',
    scenario: '09-passport-individual-garage-fifth-working-day.json',
    document: 'cadastral-passport',
    has: {
      kk: ['кадастрлық паспорт'],
      ru: ['приложению 9', 'сохраняет юридическую силу'],
    },
  },
  {
    name: 'preliminary decision (p.5-1, L77): its ground cited with the fact, the reasoning, the hearing’s time and place',
    service: 'new-real-estate-cadastre-entry',
    scenario: '35-house-passport-preliminary-decision-hearing-time-and-place.json',
    document: 'preliminary-decision',
    has: {
      kk: [
        'бас тарту туралы алдын ала шешім',
        `${RULES_GENITIVE_END} 1-қосымшасының 9-жолының 1) тармақшасы`,
        'Жылжымайтын мүлік объектісіне құқық белгілейтін құжат бойынша мәліметтердің дәйексіздігі анықталды',
        'Қабанбай батыр даңғылы, 9',
        'Тыңдауды өткізу уақыты: 2026 жылғы 5 маусым 11:00.',
        'Тыңдауды өткізу орны: "Азаматтарға арналған үкімет" мемлекеттік корпорациясының Астана қаласы бойынша филиалы, Сарыарқа даңғылы, 6, 12-кабинет.',
        'сондықтан бас тарту туралы алдын ала шешім қабылданды',
      ],
      ru: [
        `${RULES.ru}, приложение 1, строка 9, подпункт 1)`,
        'Время проведения заслушивания: 5 июня 2026 г. 11:00.',
        'Место проведения заслушивания: филиал Государственной корпорации «Правительство для граждан» по городу Астане, проспект Сарыарка, 6, кабинет 12.',
        'поэтому принято предварительное решение об отказе',
      ],
    },
  },
  {
    name: 'preliminary decision kept as issued after the hearing lifted its ground: the ground, the notice’s reasoning',
    service: 'new-real-estate-cadastre-entry',
    scenario: '05b-warehouse-800-m2-objection-accepted-passport-issued.json',
    document: 'preliminary-decision',
    has: {
      kk: [
        `${RULES_GENITIVE_END} 1-қосымшасының 9-жолының 1) тармақшасы`,
        'құқық белгілейтін құжатта қойманың жалпы ауданы 650 шаршы метр деп көрсетілген',
        'тыңдау 2026 жылғы 20 сәуірде 15:00-де өткізіледі',
        'Тыңдауды өткізу уақыты: 2026 жылғы 20 сәуір 15:00.',
      ],
      ru: [
        `${RULES.ru}, приложение 1, строка 9, подпункт 1)`,
        'в правоустанавливающем документе общая площадь склада указана 650 кв. м',
        'заслушивание проводится 20 апреля 2026 года в 15:00',
      ],
    },
    // The hearing's later reasoning belongs to the decision taken after it, not to this notice.
    hasNot: { kk: ['основание для отказа отпало'], ru: ['основание для отказа отпало'] },
  },
  {
    name: 'refusal after the hearing on ground 4: «бойынша» (L454), the court decision in words, the hearing’s reasoning',
    service: 'new-real-estate-cadastre-entry',
    scenario: '21-passport-house-court-deprivation-hearing-without-objection.json',
    document: 'refusal-notice',
    has: {
      kk: [
        `${RULES_GENITIVE_END} 1-қосымшасының 9-жолының 4) тармақшасы`,
        'арнаулы құқығынан айырылуы бойынша',
        'Астана қаласы Есіл аудандық сотының заңды күшіне енген шешімінің негізінде',
        '2026 жылғы 12 ақпан, № 7110-26-00-2/902',
        'Услугополучатель на заслушивание не явился',
      ],
      ru: [
        `${RULES.ru}, приложение 1, строка 9, подпункт 4)`,
        'Есильского районного суда города Астаны от 12 февраля 2026 г. № 7110-26-00-2/902',
        'Услугополучатель на заслушивание не явился, возражение не подал',
      ],
    },
  },
  {
    name: 'apartment passport of exactly three working days refused at once, without a hearing (note three-days)',
    service: 'new-real-estate-cadastre-entry',
    scenario: '23-apartment-exactly-three-days-refused-at-once-without-hearing.json',
    document: 'refusal-notice',
    notIssued: ['preliminary-decision'],
    has: {
      kk: [
        `${RULES_GENITIVE_END} 1-қосымшасының 9-жолының 2) тармақшасы`,
        'пәтерде көтергіш қабырғаны бұзу арқылы қайта жоспарлау жүргізілген',
        'рұқсатсыз қайта жоспарлау анықталды',
      ],
      ru: [
        `${RULES.ru}, приложение 1, строка 9, подпункт 2)`,
        'проведена перепланировка со сносом несущей стены',
        'выявлена перепланировка без разрешения',
      ],
    },
  },
  {
    name: 'return without the title document (p.4, L33): the notice names the missing document only',
    service: 'new-real-estate-cadastre-entry',
    scenario: '04-return-apartment-passport-without-title-document.json',
    document: 'return-notice',
    has: {
      kk: [
        `${RULES_GENITIVE_END} 4-тармағы`,
        'мына құжаттар ұсынылмаған: жылжымайтын мүлік объектісіне құқық белгілейтін құжаттың электрондық көшірмесі;',
      ],
      ru: [`${RULES.ru}, пункт 4.`, 'электронная копия правоустанавливающего документа на объект недвижимости;'],
    },
    hasNot: {
      kk: ['пайдалануға қабылдау актісінің', 'мерзімі өтіп кеткен'],
      ru: ['акта приемки', 'истёк'],
    },
  },
  {
    name: 'return for an expired identity document found after acceptance: the document and its date',
    service: 'new-real-estate-cadastre-entry',
    scenario: '18-return-expired-identity-document-found-by-operator.json',
    document: 'return-notice',
    has: {
      kk: [
        'жеке басын куәландыратын құжат (қолданылу мерзімінің соңғы күні: 2026 жылғы 30 сәуір)',
        'жеке куәлігінің қолданылу мерзімі 2026 жылғы 30 сәуірде өтіп кеткен',
      ],
      ru: ['документ, удостоверяющий личность (срок действия истёк 30 апреля 2026 г.)'],
    },
    hasNot: { kk: ['ұсынылмаған'], ru: ['Не представлены'] },
  },
];

describeDocumentCases(
  cases.flatMap(({ service, scenario, document, notIssued, has, hasNot }) =>
    (['kk', 'ru'] as const).map((lang): DocumentCase => ({
      service,
      scenario,
      lang,
      document,
      notIssued,
      fixed: has[lang],
      absent: hasNot?.[lang],
    })),
  ),
  {
    citationTitle: 'cites the Rules order 156 approves, with the clause, as the law writes it',
    // Every document the scenario issues is free of internal text, not only the one asserted on; none of these
    // documents holds a URL or a Latin proper name, so no address is set aside.
    everyDocument: true,
  },
);

test('the Rules are cited as the Rules order 156 approves, with that order’s date and number, in both languages', async () => {
  const { documents: kk } = await scenarioDocuments('cadastral-passport-duplicate', cases[3].scenario, 'kk');
  const { documents: ru } = await scenarioDocuments('cadastral-passport-duplicate', cases[3].scenario, 'ru');
  expect(kk[0].text).toContain(RULES.kk);
  expect(ru[0].text).toContain(
    'Правила и сроки внесения в информационную систему правового кадастра идентификационных и технических сведений недвижимого имущества',
  );
  expect(ru[0].text).toContain(RULES.ru);
});
