import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../definitions/exampleCopy';
import { startTestServer, type TestServer } from './testServer';
import { apartment } from './cadastralFixtures';

const SCENARIOS = join(REPO, 'definitions/services/licence-survey-activity/scenarios');

/**
 * What the applicant is told about registration (C6), over real HTTP: an application that arrives after working
 * hours, on a weekend or on a public holiday is registered at the next opening, and the view says so in words — the
 * day and time it arrived, each day off skipped and why (the holiday's name from the calendar), when it was
 * registered, and the rule: the act's clause as documents cite it, or the project's assumption marked as such. One
 * that arrives within working hours is registered at once: `moved: false`, no reason.
 */

let clock = new Date('2026-02-11T10:00:00+05:00');
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ now: () => clock });
}, 90_000);
afterAll(() => t?.server.close());

/** Submits the cadastral passport duplicate at `at` (Almaty time) and reads the application back. */
async function submitAt(at: string, serviceId = 'cadastral-passport-duplicate', data: unknown = apartment) {
  clock = new Date(at);
  // Sessions expire: sign in again at the new time.
  t.forget();
  const made = await t.as('applicant', 'POST', '/applications', { serviceId, data });
  expect(made.status).toBe(201);
  const read = await t.as('applicant', 'GET', `/applications/${made.body.id}`);
  expect(read.status).toBe(200);
  return read.body;
}

/** The clause of the service's registration rule as the documents cite it, read from the loaded definition. */
function citedRule(serviceId: string) {
  const service = t.server.ctx.repo.services.get(serviceId)!;
  const ref = service.def.registration.legalRef!;
  return { ref, act: service.acts[ref.act] as { citation?: { kk?: string; ru?: string } } };
}

/** No internal words: no id, UUID, code, key or JSON pointer in what the applicant reads. */
function expectPlainWords(text: string, id: string) {
  expect(text).not.toContain(id);
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(text).not.toMatch(/registration\.|day\.skipped|next-working-day|dayOff|afterHours|moj-156|\/data\//);
}

test('within working hours: registered at once, moved false and no reason', async () => {
  const app = await submitAt('2026-02-11T10:00:00+05:00');
  expect(app.registration).toEqual({
    arrivedAt: '2026-02-11T10:00:00+05:00',
    registeredAt: '2026-02-11T10:00:00+05:00',
    moved: false,
    reason: null,
  });
});

test('on a Saturday: registered Monday 09:00, the reason names the day off and cites the rule', async () => {
  const app = await submitAt('2026-02-14T14:20:00+05:00');
  expect(app.registration.arrivedAt).toBe('2026-02-14T14:20:00+05:00');
  expect(app.registration.registeredAt).toBe('2026-02-16T09:00:00+05:00');
  expect(app.registration.moved).toBe(true);
  expect(app.registeredAt).toBe(app.registration.registeredAt);
  const { kk, ru, en } = app.registration.reason;
  // The arrival, the Saturday and the Sunday skipped as days off, the registration instant.
  expect(kk).toContain('14.02.2026, сағат 14:20');
  expect(kk).toContain('14.02.2026 (сенбі) — демалыс күні');
  expect(kk).toContain('15.02.2026 (жексенбі) — демалыс күні');
  expect(kk).toContain('16.02.2026, сағат 09:00');
  expect(ru).toContain('14.02.2026 (суббота) — выходной день');
  expect(ru).toContain('Время регистрации: 16.02.2026, 09:00.');
  expect(en).toContain('2026-02-14 (Saturday) — weekly rest day');
  // The rule: the Rules approved by order No. 156, annex 2, row 7, subparagraph 2 — as the law cites them.
  const { ref, act } = citedRule('cadastral-passport-duplicate');
  expect(ref).toMatchObject({ annex: '2', row: '7', subparagraph: '2' });
  expect(ru).toContain(`Основание: ${act.citation!.ru}`);
  expect(ru).toMatch(/приложение 2.*строка 7.*подпункт 2\)/);
  expect(kk).toMatch(/Негізі: .*№ 156/);
  expect(en).toContain(`Basis: ${act.citation!.ru}`);
  for (const text of [kk, ru, en]) expectPlainWords(text, app.id);
});

test('after working hours on a weekday: registered the next morning, the reason says after hours', async () => {
  const app = await submitAt('2026-02-11T19:05:00+05:00');
  expect(app.registration.registeredAt).toBe('2026-02-12T09:00:00+05:00');
  expect(app.registration.moved).toBe(true);
  expect(app.registration.reason.kk).toContain('жұмыс уақыты аяқталғаннан кейін түсті (11.02.2026, сағат 19:05)');
  expect(app.registration.reason.ru).toContain('после окончания рабочего времени (11.02.2026, 19:05)');
  expect(app.registration.reason.ru).toContain('Основание:');
  expectPlainWords(app.registration.reason.kk, app.id);
});

test('on the Nauryz holidays: the reason names the holiday from the calendar', async () => {
  const app = await submitAt('2026-03-23T11:00:00+05:00');
  expect(app.registration.moved).toBe(true);
  expect(Date.parse(app.registration.registeredAt)).toBeGreaterThan(Date.parse('2026-03-23T18:30:00+05:00'));
  const { kk, ru } = app.registration.reason;
  expect(kk).toContain('Өтініш жұмыс емес күні түсті (23.03.2026, сағат 11:00)');
  expect(kk).toMatch(/23\.03\.2026 \(дүйсенбі\) — мереке күні: «Наурыз/);
  expect(ru).toMatch(/23\.03\.2026 \(понедельник\) — праздничный день «Наурыз/);
  expect(ru).toContain('Основание:');
  expectPlainWords(kk, app.id);
});

test("where the act does not state the rule, the reason gives the project's assumption, marked as such", async () => {
  // A survey licence request on a Saturday: Regulation 1 registers it "on the day of receipt" and leaves the
  // after-hours rule to a Standard not in the seeds, so the definition states the project's assumption.
  const scenario = JSON.parse(
    readFileSync(join(SCENARIOS, '01-portal-llp-issue-every-step-issued-electronically.json'), 'utf8'),
  );
  // The Saturday before the scenario's Monday, under the 2014 regulation in force then.
  const app = await submitAt('2014-10-04T12:00:00+06:00', 'licence-survey-activity', scenario.data);
  expect(app.registration.moved).toBe(true);
  expect(app.registration.registeredAt).toBe('2014-10-06T09:00:00+06:00');
  const assumption = t.server.ctx.repo.services.get('licence-survey-activity')!.def.registration.assumption!;
  const { kk, ru, en } = app.registration.reason;
  // That Saturday was also Kurban Ait: the calendar names the holiday.
  expect(kk).toContain('04.10.2014 (сенбі) — мереке күні: «Құрбан айт');
  expect(kk).toContain(`Негізі (актінің нормасы емес, жобаның болжамы): ${assumption.kk}`);
  expect(ru).toContain(`Основание (не норма акта, а допущение проекта): ${assumption.ru}`);
  expect(en).toContain("the project's assumption");
  // Not the regulation's clause, which says only "on the day of receipt".
  expect(ru).not.toMatch(/пункт 6, подпункт 1\)/);
  expectPlainWords(kk, app.id);
});

test('the next step: the provider acts, by the due instant of the term', async () => {
  const app = await submitAt('2026-02-11T10:30:00+05:00');
  const due = app.deadlines.find((d: { id: string }) => d.id === 'service').dueAt as string;
  const day = due.slice(0, 10).split('-').reverse().join('.');
  expect(app.nextStep.kk).toContain('Әрекет көрсетілетін қызметті берушіде');
  expect(app.nextStep.kk).toContain(`${day}, сағат ${due.slice(11, 16)} дейін`);
  expect(app.nextStep.ru).toContain(`Действует услугодатель, срок — до ${day} ${due.slice(11, 16)}`);
  const list = await t.as('applicant', 'GET', '/applications?limit=500');
  expect(list.body.items.find((i: { id: string }) => i.id === app.id).nextStep).toEqual(app.nextStep);
  expectPlainWords(app.nextStep.kk, app.id);
});
