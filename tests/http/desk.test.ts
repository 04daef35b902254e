import { startTestServer, type TestServer } from './testServer';
import { apartment, unreliablePayment, unreliablePaymentReasoning as reasoning } from './cadastralFixtures';

// The officer's desk over real HTTP (SQLite, the real definitions, the demo users): the preview of a decision before
// it is confirmed, and the officers' internal comments. Tuesday 3 March 2026, 10:00 Astana: working hours.
const clock = new Date('2026-03-03T10:00:00+05:00');
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ now: () => clock });
}, 60_000);
afterAll(async () => {
  await t?.server.close();
});

/** A duplicate request handed over to the executor: its next event is the examination (EXAMINED). */
async function inExamination(): Promise<string> {
  const created = await t.as('applicant', 'POST', '/applications', {
    serviceId: 'cadastral-passport-duplicate',
    data: apartment,
  });
  expect(created.status).toBe(201);
  const handed = await t.as('officer', 'POST', `/applications/${created.body.id}/events`, { type: 'FILE_HANDED_OVER' });
  expect(handed.status).toBe(200);
  return created.body.id as string;
}

/** What a preview must leave as it was: the application as its officer reads it, its events and its revision. */
async function stateOf(id: string) {
  const [view, events, stored] = await Promise.all([
    t.as('officer', 'GET', `/applications/${id}`),
    t.as('officer', 'GET', `/applications/${id}/events`),
    t.server.ctx.store.getApplication(id),
  ]);
  return { view: view.body, events: events.body, rev: stored?.rev, snapshot: stored?.snapshot };
}

describe('POST /applications/:id/events/preview', () => {
  test('shows the refused state and the refusal as the citizen will read it (ground, fact, reasoning), and stores nothing', async () => {
    const id = await inExamination();
    const before = await stateOf(id);
    const body = { type: 'EXAMINED', data: { ...unreliablePayment, reasoning } };
    const kk = await t.as('officer', 'POST', `/applications/${id}/events/preview`, body);
    expect(kk.status).toBe(200);
    expect(kk.body).toMatchObject({ toState: 'refused', status: 'refused' });
    expect(kk.body.stateName.kk).toEqual(expect.any(String));
    expect(kk.body.stateName.kk).not.toBe('refused');
    expect(kk.body.documents).toHaveLength(1);
    const notice = kk.body.documents[0];
    expect(notice.html).toContain(reasoning.kk);
    expect(notice.html).toContain(unreliablePayment.discrepancy.kk);
    expect(notice.html).not.toContain(reasoning.ru);
    // In the request's language: a Russian reader gets the Russian notice.
    const ru = await t.as('officer', 'POST', `/applications/${id}/events/preview?lang=ru`, body);
    expect(ru.body.documents[0].html).toContain(reasoning.ru);
    expect(ru.body.documents[0].title).not.toBe(notice.title);
    // Nothing changed: not the view, not the events, not the revision, not a document stored.
    expect(await stateOf(id)).toEqual(before);
    expect(await t.server.ctx.store.getDocument(id, notice.id, 'kk')).toBeUndefined();

    // The real event issues the very document the preview showed, under the same number.
    const sent = await t.as('officer', 'POST', `/applications/${id}/events`, body);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ state: 'refused', status: 'refused' });
    const issued = await t.server.ctx.store.getDocument(id, notice.id, 'kk');
    expect(issued?.html).toBe(notice.html);
  });

  test('refuses what the event refuses, with the same problem: reasoning missing (422), a wrong state (409), an unknown event', async () => {
    const id = await inExamination();
    const before = await stateOf(id);
    const cases = [
      { type: 'EXAMINED', data: unreliablePayment },
      { type: 'EXAMINED', data: { ...unreliablePayment, reasoning: { en: 'not in English' } } },
      { type: 'SIGNED' },
      { type: 'NO_SUCH_EVENT' },
      { data: {} },
    ];
    for (const body of cases) {
      const preview = await t.as('officer', 'POST', `/applications/${id}/events/preview`, body);
      expect(preview.status).toBeGreaterThanOrEqual(400);
      expect(await stateOf(id)).toEqual(before);
      const real = await t.as('officer', 'POST', `/applications/${id}/events`, body);
      expect({ status: preview.status, body: { ...preview.body, instance: null } }).toEqual({
        status: real.status,
        body: { ...real.body, instance: null },
      });
    }
    const missing = await t.as('officer', 'POST', `/applications/${id}/events/preview`, cases[0]);
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('event.reasoningRequired');
    // The applicant may not send the examination: the preview refuses it as the event does.
    const applicant = await t.as('applicant', 'POST', `/applications/${id}/events/preview`, {
      type: 'EXAMINED',
      data: { ...unreliablePayment, reasoning },
    });
    expect(applicant.status).toBe(403);
    expect(await stateOf(id)).toEqual(before);
  });
});

describe('comments', () => {
  test("officers' notes: oldest first with author and time, audited; the applicant neither reads nor writes them", async () => {
    const id = await inExamination();
    expect((await t.as('officer', 'GET', `/applications/${id}/comments`)).body).toEqual({ items: [] });
    const first = await t.as('officer', 'POST', `/applications/${id}/comments`, {
      text: 'Төлем шлюзына сұрау жіберілді.',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      author: { displayName: 'Ерлан Омаров' },
      text: 'Төлем шлюзына сұрау жіберілді.',
    });
    const second = await t.as('admin', 'POST', `/applications/${id}/comments`, { text: 'Жауап күтілуде.' });
    expect(second.status).toBe(201);
    const list = await t.as('officer', 'GET', `/applications/${id}/comments`);
    expect(
      list.body.items.map((c: { text: string; author: { displayName: string } }) => [c.author.displayName, c.text]),
    ).toEqual([
      ['Ерлан Омаров', 'Төлем шлюзына сұрау жіберілді.'],
      ['Бақыт Жүнісов', 'Жауап күтілуде.'],
    ]);
    expect(Date.parse(list.body.items[0].at)).toBe(clock.getTime());

    const audit = await t.server.ctx.store.listAudit(`application:${id}`, 50);
    expect(audit.filter((a) => a.action === 'application.comment').map((a) => a.details.text)).toEqual([
      'Жауап күтілуде.',
      'Төлем шлюзына сұрау жіберілді.',
    ]);

    // The applicant: the comments do not exist for them; their application's view does not carry them either.
    expect((await t.as('applicant', 'GET', `/applications/${id}/comments`)).status).toBe(404);
    expect((await t.as('applicant', 'POST', `/applications/${id}/comments`, { text: 'Мен де' })).status).toBe(404);
    const own = await t.as('applicant', 'GET', `/applications/${id}`);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain('Жауап күтілуде');
    // An analyst sees no application at all.
    expect((await t.as('analyst', 'GET', `/applications/${id}/comments`)).status).toBe(404);
  });

  test('a comment is 1 to 2000 characters of text: empty, blank, too long or not text is a 422 at /text', async () => {
    const id = await inExamination();
    for (const body of [{}, { text: '' }, { text: '   ' }, { text: 'а'.repeat(2001) }, { text: 42 }]) {
      const r = await t.as('officer', 'POST', `/applications/${id}/comments`, body);
      expect(r.status).toBe(422);
      expect(r.body.errors[0].pointer).toBe('/text');
    }
    expect((await t.as('officer', 'POST', `/applications/${id}/comments`, { text: 'а'.repeat(2000) })).status).toBe(
      201,
    );
    expect((await t.as('officer', 'GET', `/applications/${id}/comments`)).body.items).toHaveLength(1);
  });
});
