/**
 * The amendments-as-data issue's worked example, shared by the tests that apply it on disk and over HTTP: "Order
 * No. 999 of the Minister of Justice of 1 December 2026 amends order 156: in Annex 2, row 3, the term for housing
 * objects becomes the second working day; a refusal ground is added ('the object is under arrest recorded in the legal
 * cadastre'); in force ten calendar days after first official publication; published 10 December 2026." Not a real
 * act.
 */

export const ORDER = 'moj-order-999-2026';

/** Order 999 as the law cites it, with its date and number. */
export const order999Citation = {
  kk: 'Қазақстан Республикасы Әділет министрінің 2026 жылғы 1 желтоқсандағы № 999 бұйрығы',
  kkGenitive: 'Қазақстан Республикасы Әділет министрінің 2026 жылғы 1 желтоқсандағы № 999 бұйрығының',
  ru: 'приказ Министра юстиции Республики Казахстан от 1 декабря 2026 года № 999',
};

/** The acts-registry entry, published on 10 December 2026 (`publishedOn: null`: not yet published). */
export function order999Act(publishedOn: string | null = '2026-12-10') {
  return {
    type: 'order',
    issuer: { kk: 'Қазақстан Республикасы Әділет министрі', ru: 'Министр юстиции Республики Казахстан' },
    title: {
      kk: 'Қазақстан Республикасы Әділет министрінің 2013 жылғы 6 мамырдағы № 156 бұйрығына өзгерістер енгізу туралы',
      ru: 'О внесении изменений в приказ Министра юстиции Республики Казахстан от 6 мая 2013 года № 156',
    },
    number: '999',
    date: '2026-12-01',
    // How documents cite it (a ground of the example cites its p.1 sub. 2).
    citation: order999Citation,
    publication: publishedOn ? { date: publishedOn } : { date: null, note: 'Not yet published.' },
    entryIntoForce: { afterPublication: { act: ORDER, calendarDays: 10 } },
    status: 'in-force',
    amends: ['moj-order-156-2013'],
    note: "The amendments-as-data issue's worked example, not a real act.",
  };
}

/** The item of order 999 a change cites: p.1 sub. 1 (the term), sub. 2 (the ground). */
export const item = (subparagraph: string) => ({ act: ORDER, paragraph: '1', subparagraph });

export const underArrest = {
  id: 'object-under-arrest',
  kind: 'refusal',
  decidedBy: 'officer',
  text: {
    kk: 'объектіге құқықтық кадастрда тіркелген тыйым салынуы',
    ru: 'наличие ареста объекта, зарегистрированного в правовом кадастре',
  },
  message: {
    kk: 'Объектіге құқықтық кадастрда тіркелген тыйым салынған.',
    ru: 'На объект наложен арест, зарегистрированный в правовом кадастре.',
  },
  // The fact in words the refusal prints under the ground: the object by its cadastral number.
  fact: {
    kk: 'Кадастрлық нөмірі {{data.object.cadastralNumber}} объектіге құқықтық кадастрда тіркелген тыйым салынған.',
    ru: 'На объект с кадастровым номером {{data.object.cadastralNumber}} наложен арест, зарегистрированный в правовом кадастре.',
  },
  legalRef: item('2'),
  when: { fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true },
};

/** Order 999's version of cadastral-passport-duplicate, written as an amendment of order 65's. */
export const version999 = {
  id: '2026-order-999',
  label: { kk: '№ 999 бұйрықпен өзгертілген редакция', ru: 'Редакция с изменениями приказа № 999' },
  producedBy: ['moj-order-156-2013', 'moj-order-65-2026', ORDER],
  effectiveFrom: { actEntersIntoForce: ORDER },
  basedOn: '2026-order-65',
  changes: [
    { op: 'replace', path: '/deadlines/0/cases/0/duration', value: '2 workingDays', legalRef: item('1') },
    { op: 'add', path: '/refusalGrounds/-', value: underArrest, legalRef: item('2') },
  ],
};

/** An application for a duplicate of an apartment's passport (a housing object), as the demo applicant sends it. */
export const apartment = {
  applicant: { kind: 'individual', iin: '900101300017', fullName: 'Сейітова Айгүл' },
  object: { cadastralNumber: '20-321-001-123', kind: 'apartment' },
  request: { signedWith: 'eds' },
  payment: { viaGateway: true },
  consentToPersonalData: true,
};

/** What an application answers of its version and terms (POST /applications). */
export interface AppliedApplication {
  version: string;
  deadlines: Array<{ id: string; dueAt: string | null }>;
}

/**
 * The example's outcome, however order 999 was published (over the API or through the workbench's forms): registered
 * on 18.12.2026, before its entry into force on 21.12, an apartment keeps order 65 and the first working day; on
 * 22.12 it gets order 999's version and the second working day. `apply(at)` sends `apartment` at that instant.
 */
export async function expectAppliedByDate(apply: (at: string) => Promise<AppliedApplication>) {
  const before = await apply('2026-12-18T10:00:00+05:00');
  expect(before.version).toBe('2026-order-65');
  expect(before.deadlines).toContainEqual(expect.objectContaining({ id: 'service', dueAt: '2026-12-21T18:30:00+05:00' }));
  const after = await apply('2026-12-22T10:00:00+05:00');
  expect(after.version).toBe('2026-order-999');
  expect(after.deadlines).toContainEqual(expect.objectContaining({ id: 'service', dueAt: '2026-12-24T18:30:00+05:00' }));
}
