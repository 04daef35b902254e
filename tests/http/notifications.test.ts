import { hashPassword } from '../../runtime/src/auth/passwords';
import { startTestServer, type TestServer } from './testServer';
import {
  DUE_AT,
  definitionsWithTimerService,
  REGISTERED_AT,
  TIMER_SERVICE_DATA,
  TIMER_SERVICE_ID,
} from './timerFixture';
import { apartment } from './cadastralFixtures';

/**
 * Notifications (C6) on a real server: an applicant opts in (e-mail and SMS, validated, located 400s), submits, an
 * officer acts; the application's notification log then holds one message per channel for each status change, with
 * the number and the status in Kazakh words and never an id. A user who did not opt in gets nothing; the log is the
 * applicant's and the officers' to read, another applicant gets 404. The default sender only logs: the audit trail
 * holds each message as `notification.sent` with the address masked.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ now: () => new Date('2026-03-03T10:00:00+05:00') });
  await t.server.ctx.store.createUser({
    id: 'applicant-two',
    username: 'applicant2',
    passwordHash: await hashPassword('demo'),
    roles: ['applicant'],
    actorRoles: [],
    providers: [],
    displayName: 'Нұржан Тоқтаров',
    createdAt: '2026-03-01T10:00:00+05:00',
  });
}, 90_000);
afterAll(() => t?.server.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface Sent {
  at: string;
  channel: 'email' | 'sms';
  to: string;
  text: string;
}

/** The application's log once it holds `count` messages (sending runs after the answer; the wait is bounded). */
async function logOf(user: string, id: string, count: number): Promise<Sent[]> {
  for (let i = 0; i < 200; i++) {
    const res = await t.as(user, 'GET', `/applications/${id}/notifications`);
    expect(res.status).toBe(200);
    if (res.body.items.length >= count) return res.body.items;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the log of ${id} never held ${count} messages`);
}

async function submit(user: string) {
  const made = await t.as(user, 'POST', '/applications', {
    serviceId: 'cadastral-passport-duplicate',
    data: apartment,
  });
  expect(made.status).toBe(201);
  return made.body as { id: string; number: string; state: string };
}

test('settings: none at first; e-mail and +7 number saved (spaces dropped); a bad phone or e-mail is a located 400', async () => {
  expect((await t.as('applicant', 'GET', '/me/notifications')).body).toEqual({ email: null, sms: null });
  expect((await t.as(null, 'GET', '/me/notifications')).status).toBe(401);
  const bad = await t.as('applicant', 'PUT', '/me/notifications', {
    email: 'aigul@example.kz',
    sms: '8 701 234 56 78',
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([
    expect.objectContaining({
      pointer: '/sms',
      code: 'format',
      messages: expect.objectContaining({ kk: expect.stringContaining('+7') }),
    }),
  ]);
  const both = await t.as('applicant', 'PUT', '/me/notifications', { email: 'not an address', sms: '+7 701 23' });
  expect(both.status).toBe(400);
  expect(both.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/email', '/sms']);
  // Nothing was saved by a refused request.
  expect((await t.as('applicant', 'GET', '/me/notifications')).body).toEqual({ email: null, sms: null });
  const ok = await t.as('applicant', 'PUT', '/me/notifications', {
    email: 'aigul@example.kz',
    sms: '+7 701 234 56 78',
  });
  expect(ok.status).toBe(200);
  expect(ok.body).toEqual({ email: 'aigul@example.kz', sms: '+77012345678' });
  expect((await t.as('applicant', 'GET', '/me/notifications')).body).toEqual(ok.body);
});

test('submission and the officer’s step each send one message per channel, in Kazakh, with the number and the status', async () => {
  // First a user who did not opt in: their changes are committed before the opted-in user's.
  const silent = await submit('applicant2');
  const silentStep = await t.as('officer', 'POST', `/applications/${silent.id}/events`, { type: 'FILE_HANDED_OVER' });
  expect(silentStep.status).toBe(200);

  const app = await submit('applicant');
  expect(app.state).toBe('archive-search');
  const step = await t.as('officer', 'POST', `/applications/${app.id}/events`, { type: 'FILE_HANDED_OVER' });
  expect(step.status).toBe(200);
  expect(step.body.state).toBe('examination');

  const log = await logOf('applicant', app.id, 4);
  expect(log).toHaveLength(4);
  expect(log.map((m) => m.channel)).toEqual(['email', 'sms', 'email', 'sms']);
  // Masked addresses, never the whole of either.
  for (const m of log) expect(m.to).toBe(m.channel === 'email' ? 'ai***@example.kz' : '+7 *** *** 56 78');
  const [submitted, , handedOver] = log.map((m) => m.text);
  expect(submitted).toContain(`№ ${app.number} өтініш`);
  expect(submitted).toContain('03.03.2026, сағат 10:00 тіркелді');
  expect(submitted).toContain('Мәртебесі: «Орындалуда»');
  expect(submitted).toContain('Мұрағат түгендеу ісін іздестіреді');
  expect(handedOver).toContain(`№ ${app.number} өтініш`);
  expect(handedOver).toContain('Мәртебесі: «Орындалуда»');
  // The next step in words: the examination step, by the provider, by the due instant of the term.
  expect(handedOver).toContain('Қазіргі қадам: «Жауапты орындаушы');
  expect(handedOver).toContain('Әрекет көрсетілетін қызметті берушіде, мерзімі —');
  for (const m of log) {
    expect(m.text).not.toContain(app.id);
    expect(m.text).not.toMatch(UUID);
    expect(m.text).not.toMatch(/in-progress|archive-search|FILE_HANDED_OVER|examination/);
  }
  // The same messages are in the audit trail, as the default sender writes them.
  const audit = await t.server.ctx.store.listAudit(`application:${app.id}`, 100);
  expect(audit.filter((a) => a.action === 'notification.sent')).toHaveLength(4);

  // The user who did not opt in got nothing, though their application changed twice before.
  expect((await t.as('applicant2', 'GET', `/applications/${silent.id}/notifications`)).body.items).toEqual([]);
});

test('a user who opts in in Russian gets the messages in Russian', async () => {
  const put = await t.as('applicant2', 'PUT', '/me/notifications?lang=ru', { email: null, sms: '+77051112233' });
  expect(put.status).toBe(200);
  const app = await submit('applicant2');
  const [sms] = await logOf('applicant2', app.id, 1);
  expect(sms.channel).toBe('sms');
  expect(sms.text).toContain(`Заявление № ${app.number} зарегистрировано 03.03.2026 в 10:00.`);
  expect(sms.text).toContain('Статус: «В работе».');
});

test('the log is the applicant’s and the officers’ to read; another applicant gets 404', async () => {
  const app = await submit('applicant');
  await logOf('applicant', app.id, 2);
  expect((await t.as('officer', 'GET', `/applications/${app.id}/notifications`)).body.items).toHaveLength(2);
  const other = await t.as('applicant2', 'GET', `/applications/${app.id}/notifications`);
  expect(other.status).toBe(404);
  expect((await t.as(null, 'GET', `/applications/${app.id}/notifications`)).status).toBe(401);
});

test('two instances on one store: each change is notified once, by the instance that committed it', async () => {
  const other = await startTestServer({
    dataDir: t.dataDir,
    mongodbUrl: t.mongodbUrl,
    now: () => new Date('2026-03-03T10:00:00+05:00'),
  });
  try {
    // Submitted on the second instance, acted on through the first.
    const made = await other.as('applicant', 'POST', '/applications', {
      serviceId: 'cadastral-passport-duplicate',
      data: apartment,
    });
    expect(made.status).toBe(201);
    // Its messages are sent after the commit: waited for, so that the next change's cannot come between them.
    await logOf('applicant', made.body.id, 2);
    const step = await t.as('officer', 'POST', `/applications/${made.body.id}/events`, { type: 'FILE_HANDED_OVER' });
    expect(step.status).toBe(200);
    const log = await logOf('applicant', made.body.id, 4);
    // Two changes, two channels: four messages, whichever instance is asked.
    expect(log.map((m) => m.channel)).toEqual(['email', 'sms', 'email', 'sms']);
    expect((await other.as('applicant', 'GET', `/applications/${made.body.id}/notifications`)).body.items).toEqual(log);
  } finally {
    await other.server.close();
  }
});

test('a change made by a timer (the scheduler) is notified too: the automatic refusal reaches the applicant', async () => {
  let clock = new Date(REGISTERED_AT);
  const timed = await startTestServer({ definitionsRoot: definitionsWithTimerService(), now: () => clock });
  try {
    await timed.as('applicant', 'PUT', '/me/notifications', { sms: '+77012345678' });
    const made = await timed.as('applicant', 'POST', '/applications', {
      serviceId: TIMER_SERVICE_ID,
      data: TIMER_SERVICE_DATA,
    });
    expect(made.status).toBe(201);
    clock = new Date(Date.parse(DUE_AT) + 60_000);
    timed.forget();
    expect((await timed.server.scheduler.tick()).fired).toBeGreaterThan(0);
    let items: Sent[] = [];
    for (let i = 0; i < 200 && items.length < 2; i++) {
      items = (await timed.as('applicant', 'GET', `/applications/${made.body.id}/notifications`)).body.items;
      if (items.length < 2) await new Promise((r) => setTimeout(r, 25));
    }
    expect(items).toHaveLength(2);
    expect(items[1].text).toContain(`№ ${made.body.number} өтініш. Мәртебесі: «Бас тартылды».`);
    expect(items[1].text).toContain('Өтініш бойынша жұмыс аяқталды');
  } finally {
    await timed.server.close();
  }
});
