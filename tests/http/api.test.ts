import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { openApiDocument } from '../../runtime/src/http/openapi';
import { startTestServer, type TestServer } from './testServer';
import { unreliablePayment, unreliablePaymentReasoning as reasoning } from './cadastralFixtures';

// The runtime over real HTTP on loopback with a real SQLite file, the real definitions and the demo seed. The clock
// is pinned (Tuesday 3 March 2026, 10:00 Astana) so due instants are exact.
const clock = new Date('2026-03-03T10:00:00+05:00');
let t: TestServer;
let base: string;

const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ ...openApiDocument, $id: 'openapi' });
/** Validates a body against a component schema of the OpenAPI document: the document cannot drift from the API. */
const conforms = (schema: string, body: unknown) => {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
  if (!validate(body))
    throw new Error(`${schema}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`);
};

async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.headers ?? {}),
    },
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json')
    ? await res.json()
    : type.includes('pdf')
      ? Buffer.from(await res.arrayBuffer())
      : await res.text();
  return { status: res.status, type, headers: res.headers, body: body as any };
}

const login = async (username: string) =>
  (await call('POST', '/api/v1/auth/login', { body: { username, password: 'demo' } })).body.token as string;

const apartment = (fullName = 'Сейітова Айгүл') => ({
  applicant: { kind: 'individual', iin: '900101300017', fullName },
  object: { cadastralNumber: '20-321-001-123', kind: 'apartment' },
  request: { signedWith: 'eds' },
  payment: { viaGateway: true },
  consentToPersonalData: true,
});

beforeAll(async () => {
  t = await startTestServer({ now: () => clock, schedulerIntervalMs: 60_000 });
  base = t.api.replace(/\/api\/v1$/, '');
}, 60_000);
afterAll(async () => {
  await t?.server.close();
});

describe('public endpoints', () => {
  test('health, OpenAPI 3.1, the catalogue and a service in force', async () => {
    expect((await call('GET', '/health')).status).toBe(200);
    const oa = await call('GET', '/api/v1/openapi.json');
    expect(oa.body.openapi).toMatch(/^3\.1\./);
    const list = await call('GET', '/api/v1/services');
    expect(list.status).toBe(200);
    for (const s of list.body.items) conforms('ServiceSummary', s);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain('cadastral-passport-duplicate');
    const svc = await call('GET', '/api/v1/services/cadastral-passport-duplicate');
    conforms('Service', svc.body);
    expect(svc.body.version.id).toBe('2026-order-65');
  });

  test('a date before the version took effect is a 404 problem naming the versions', async () => {
    const r = await call('GET', '/api/v1/services/cadastral-passport-duplicate?at=2026-02-01');
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/application\/problem\+json/);
    conforms('Problem', r.body);
    expect(r.body.detail).toMatch(/2026-order-65: from 2026-02-08/);
  });

  test('calendar and deadline answer as the CLI does', async () => {
    const cal = await call('GET', '/api/v1/calendar/2026');
    conforms('Calendar', cal.body);
    const d = await call(
      'GET',
      `/api/v1/deadline?from=${encodeURIComponent('2026-03-20T18:45:00+05:00')}&duration=${encodeURIComponent('3 workingDays')}`,
    );
    conforms('Deadline', d.body);
    expect(Date.parse(d.body.dueAt)).toBe(Date.parse('2026-03-31T18:30:00+05:00'));
    const bad = await call(
      'GET',
      `/api/v1/deadline?from=2026-03-20T10:00:00Z&duration=${encodeURIComponent('3 fortnights')}`,
    );
    expect(bad.status).toBe(422);
    conforms('Problem', bad.body);
  });

  test('simulate matches the contract and names a form error by its pointer', async () => {
    const ok = await call('POST', '/api/v1/simulate', {
      body: {
        serviceId: 'cadastral-passport-duplicate',
        at: '2026-03-07T12:00:00+05:00',
        data: apartment(),
        events: [],
      },
    });
    expect(ok.status).toBe(200);
    conforms('Simulation', ok.body);
    expect(Date.parse(ok.body.registeredAt)).toBe(Date.parse('2026-03-10T09:00:00+05:00'));
    const bad = await call('POST', '/api/v1/simulate', {
      body: {
        serviceId: 'cadastral-passport-duplicate',
        at: '2026-03-07T12:00:00+05:00',
        data: { ...apartment(), object: { kind: 'apartment' } },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual(
      expect.objectContaining({ pointer: '/data/object/cadastralNumber', code: 'form.required' }),
    );
  });
});

describe('auth', () => {
  test('each demo user signs in; a wrong password and a malformed header are 401 problems', async () => {
    for (const u of ['applicant', 'officer', 'analyst', 'admin']) expect(await login(u)).toEqual(expect.any(String));
    const wrong = await call('POST', '/api/v1/auth/login', { body: { username: 'officer', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect((await call('GET', '/api/v1/applications', { headers: { authorization: 'Token x' } })).status).toBe(401);
    expect((await call('GET', '/api/v1/applications/none')).status).toBe(401);
  });
});

describe('the life of an application', () => {
  test('submitted by the applicant, carried through by the officer, approved with a Kazakh PDF', async () => {
    const applicant = await login('applicant');
    const officer = await login('officer');
    const created = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data: apartment(), channel: 'portal' },
    });
    expect(created.status).toBe(201);
    conforms('ApplicationReceipt', created.body);
    expect(created.headers.get('location')).toBe(`/api/v1/applications/${created.body.id}`);
    expect(created.body).toMatchObject({ status: 'in-progress', state: 'archive-search', version: '2026-order-65' });
    // An apartment: issued on the first working day after registration (seed 003 line 517).
    expect(created.body.deadlines).toContainEqual(
      expect.objectContaining({ id: 'service', dueAt: '2026-03-04T18:30:00+05:00' }),
    );
    expect(created.body.allowedEvents).toEqual([]); // the applicant has no action here
    const id = created.body.id;

    const inbox = await call('GET', '/api/v1/applications?status=in-progress&limit=500', { token: officer });
    conforms('ApplicationList', inbox.body);
    expect(inbox.body.items.map((a: { id: string }) => a.id)).toContain(id);

    for (const type of ['FILE_HANDED_OVER', 'EXAMINED', 'SIGNED']) {
      const r = await call('POST', `/api/v1/applications/${id}/events`, { token: officer, body: { type } });
      expect(r.status).toBe(200);
      conforms('Application', r.body);
    }
    const done = await call('GET', `/api/v1/applications/${id}`, { token: applicant });
    expect(done.body).toMatchObject({ status: 'approved', state: 'issued' });
    expect(done.body.documents.map((d: { id: string }) => d.id)).toEqual(['duplicate']);

    const html = await call('GET', `/api/v1/applications/${id}/documents/duplicate`, { token: applicant });
    expect(html.type).toMatch(/text\/html/);
    expect(html.body).toContain('Жылжымайтын мүлік объектісінің кадастрлық паспортының телнұсқасы');
    const pdf = await call('GET', `/api/v1/applications/${id}/documents/duplicate`, {
      token: applicant,
      headers: { accept: 'application/pdf' },
    });
    expect(pdf.type).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    if (spawnSync('pdftotext', ['-v']).error) {
      console.warn('pdftotext is not installed: the PDF text check is skipped (apt-get install -y poppler-utils)');
      return;
    }
    const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-pdf-')), 'd.pdf');
    writeFileSync(file, pdf.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('кадастрлық паспортының телнұсқасы');
    expect(text).toContain('Сейітова Айгүл');
  });

  test('refused with a ground: the applicant sees the motivated refusal in words (citation, fact, reasoning), no raw facts', async () => {
    const applicant = await login('applicant');
    const officer = await login('officer');
    const { body: app } = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data: apartment() },
    });
    await call('POST', `/api/v1/applications/${app.id}/events`, { token: officer, body: { type: 'FILE_HANDED_OVER' } });
    const refused = await call('POST', `/api/v1/applications/${app.id}/events`, {
      token: officer,
      body: { type: 'EXAMINED', data: { ...unreliablePayment, reasoning } },
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', state: 'refused' });
    const seen = await call('GET', `/api/v1/applications/${app.id}`, {
      token: applicant,
      headers: { 'accept-language': 'ru' },
    });
    conforms('Application', seen.body);
    expect(seen.body.refusal.grounds).toEqual([
      {
        id: 'unreliable-documents',
        message: expect.stringMatching(/недостоверность/),
        legalRef: expect.objectContaining({ act: 'moj-156-rules', annex: '2', row: '9', subparagraph: '1' }),
        // The clause as the law cites it (the Rules approved by order No. 156, annex 2, row 9, subparagraph 1).
        citation: expect.stringMatching(/№ 156.*приложение 2, строка 9, подпункт 1\)/),
        fact: 'Установлена недостоверность сведений в документе, подтверждающем оплату: платёж № 004512 из документа об оплате отсутствует в сведениях шлюза.',
      },
    ]);
    // The officer's reasoning as written, kept beside the findings, never among them.
    expect(seen.body.reasoning).toEqual([{ at: '2026-03-03T10:00:00+05:00', actor: 'executor', text: reasoning }]);
    expect(JSON.stringify(seen.body.refusal)).not.toMatch(/documentsUnreliable|findings\/|"facts"|: ?true/);
    // The same application in Kazakh: the citation and the fact in the state language.
    const kk = await call('GET', `/api/v1/applications/${app.id}`, {
      token: applicant,
      headers: { 'accept-language': 'kk' },
    });
    expect(kk.body.refusal.grounds[0].citation).toMatch(/2-қосымшасының 9-жолы.*1\) тармақшасы/);
    expect(kk.body.refusal.grounds[0].fact).toContain('Төлемді растайтын құжаттағы мәліметтердің дәйексіздігі');
    // An English reader gets the law's own words in Russian.
    const en = await call('GET', `/api/v1/applications/${app.id}`, {
      token: applicant,
      headers: { 'accept-language': 'en' },
    });
    expect(en.body.refusal.grounds[0].citation).toBe(seen.body.refusal.grounds[0].citation);
    // The inbox line carries the grounds in words too, without the reasoning (it grows with the application).
    const inbox = await call('GET', '/api/v1/applications?status=refused&limit=500', { token: officer });
    conforms('ApplicationList', inbox.body);
    const line = inbox.body.items.find((a: { id: string }) => a.id === app.id);
    expect(line.refusal.grounds[0].fact).toMatch(/^Өтініш|Төлем/);
    expect(line).not.toHaveProperty('reasoning');
    const notice = await call('GET', `/api/v1/applications/${app.id}/documents/refusal-notice?lang=kk`, {
      token: applicant,
    });
    expect(notice.body).toContain('дәйексіздігі');
    expect(notice.body).toContain(reasoning.kk);
  });

  test('a finding that establishes a ground without reasoning is refused (422 event.reasoningRequired at /data/reasoning); nothing changes', async () => {
    const applicant = await login('applicant');
    const officer = await login('officer');
    const { body: app } = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data: apartment() },
    });
    await call('POST', `/api/v1/applications/${app.id}/events`, { token: officer, body: { type: 'FILE_HANDED_OVER' } });
    const before = await call('GET', `/api/v1/applications/${app.id}`, { token: officer });
    const r = await call('POST', `/api/v1/applications/${app.id}/events`, {
      token: officer,
      body: { type: 'EXAMINED', data: unreliablePayment },
      headers: { 'accept-language': 'ru' },
    });
    expect(r.status).toBe(422);
    conforms('Problem', r.body);
    expect(r.body.code).toBe('event.reasoningRequired');
    // Located on the field, in every language the form may be shown in.
    expect(r.body.errors).toEqual([
      expect.objectContaining({
        pointer: '/data/reasoning',
        code: 'event.reasoningRequired',
        messages: expect.objectContaining({ kk: expect.stringMatching(/дәлелді/), ru: expect.stringMatching(/мотив/) }),
      }),
    ]);
    expect(JSON.stringify(r.body)).toContain('мотивированным');
    // A blank reasoning is no reasoning; a reasoning in English is malformed.
    const blank = await call('POST', `/api/v1/applications/${app.id}/events`, {
      token: officer,
      body: { type: 'EXAMINED', data: { ...unreliablePayment, reasoning: { ru: '   ' } } },
    });
    expect(blank.body.code).toBe('event.reasoningRequired');
    const english = await call('POST', `/api/v1/applications/${app.id}/events`, {
      token: officer,
      body: { type: 'EXAMINED', data: { ...unreliablePayment, reasoning: { en: 'The payment was not found.' } } },
    });
    expect(english.status).toBe(422);
    expect(english.body.code).toBe('event.reasoningInvalid');
    const after = await call('GET', `/api/v1/applications/${app.id}`, { token: officer });
    expect(after.body).toMatchObject({ state: before.body.state, status: 'in-progress', refusal: null, reasoning: [] });
    expect(after.body.history).toEqual(before.body.history);
    // No ground ticked: no reasoning is needed.
    const clean = await call('POST', `/api/v1/applications/${app.id}/events`, {
      token: officer,
      body: { type: 'EXAMINED' },
    });
    expect(clean.status).toBe(200);
    expect(clean.body.state).toBe('signing');
  });

  test('the provider cannot act before the registration instant (422 event.beforeRegistration)', async () => {
    const at = clock.getTime();
    try {
      // Tuesday 19:00, after working hours: registered at the next opening, Wednesday 09:00.
      clock.setTime(Date.parse('2026-03-03T19:00:00+05:00'));
      const applicant = await login('applicant');
      const created = await call('POST', '/api/v1/applications', {
        token: applicant,
        body: { serviceId: 'cadastral-passport-duplicate', data: apartment() },
      });
      expect(created).toMatchObject({ status: 201 });
      const app = created.body;
      expect(app.registeredAt).toBe('2026-03-04T09:00:00+05:00');
      clock.setTime(Date.parse('2026-03-03T19:20:00+05:00'));
      const officer = await login('officer');
      const early = await call('POST', `/api/v1/applications/${app.id}/events`, {
        token: officer,
        body: { type: 'FILE_HANDED_OVER' },
        headers: { 'accept-language': 'ru' },
      });
      expect(early).toMatchObject({ status: 422, body: { code: 'event.beforeRegistration' } });
      conforms('Problem', early.body);
      expect(early.body.code).toBe('event.beforeRegistration');
      expect(JSON.stringify(early.body)).toContain('зарегистрированному');
      // At the registration instant the same event is taken.
      clock.setTime(Date.parse('2026-03-04T09:00:00+05:00'));
      const onTime = await call('POST', `/api/v1/applications/${app.id}/events`, {
        token: await login('officer'),
        body: { type: 'FILE_HANDED_OVER' },
      });
      expect(onTime.status).toBe(200);
    } finally {
      clock.setTime(at);
    }
  });

  test('an incomplete package is returned at once with the return notice', async () => {
    const applicant = await login('applicant');
    const r = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data: { ...apartment(), payment: { viaGateway: false } } },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'refused', state: 'returned' });
    expect(r.body.documents.map((d: { id: string }) => d.id)).toEqual(['return-notice']);
  });
});

describe('bad input: a problem detail with the right status, nothing stored half-way', () => {
  test('field errors in the language of Accept-Language, with JSON pointers', async () => {
    const applicant = await login('applicant');
    const data = { ...apartment(), applicant: { kind: 'individual', iin: '123', fullName: 'X' } };
    const kk = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data },
      headers: { 'accept-language': 'kk' },
    });
    const ru = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data },
      headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
    });
    const en = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data },
      headers: { 'accept-language': 'en' },
    });
    for (const r of [kk, ru, en]) {
      expect(r.status).toBe(422);
      conforms('Problem', r.body);
      expect(r.body.errors[0].pointer).toBe('/data/applicant/iin');
    }
    expect(kk.body.errors[0].message).toMatch(/ЖСН/);
    expect(ru.body.errors[0].message).toMatch(/ИИН/);
    expect(en.body.errors[0].message).toMatch(/IIN/);
  });

  test('malformed JSON, a huge body, an unknown service, wrong types', async () => {
    const applicant = await login('applicant');
    const before = (await call('GET', '/api/v1/applications?limit=500', { token: applicant })).body.total;
    const malformed = await call('POST', '/api/v1/applications', { token: applicant, raw: '{"serviceId":' });
    expect(malformed.status).toBe(400);
    expect(malformed.type).toMatch(/problem\+json/);
    const huge = await call('POST', '/api/v1/applications', {
      token: applicant,
      raw: JSON.stringify({ serviceId: 'x', data: { pad: 'я'.repeat(2_000_000) } }),
    });
    expect(huge.status).toBe(413);
    const unknown = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'no-such-service', data: {} },
    });
    expect(unknown.status).toBe(404);
    const wrongType = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data: 'nope' },
    });
    expect(wrongType.status).toBe(422);
    for (const r of [malformed, huge, unknown, wrongType]) conforms('Problem', r.body);
    expect((await call('GET', '/api/v1/applications?limit=500', { token: applicant })).body.total).toBe(before);
    expect((await call('GET', '/api/v1/nothing-here')).status).toBe(404);
  });

  test('a submission answers its receipt; with Prefer: return=representation the whole application, as GET reads it', async () => {
    const applicant = await login('applicant');
    const submit = (prefer?: string) =>
      call('POST', '/api/v1/applications', {
        token: applicant,
        body: { serviceId: 'cadastral-passport-duplicate', data: apartment() },
        ...(prefer ? { headers: { prefer } } : {}),
      });
    const receipt = await submit();
    expect(receipt.status).toBe(201);
    conforms('ApplicationReceipt', receipt.body);
    // The contract's fields and the few beside them that cost no rendering: none of the view's texts.
    expect(Object.keys(receipt.body).sort()).toEqual(
      [
        ...['id', 'number', 'serviceId', 'version', 'provider', 'channel', 'state', 'status', 'arrivedAt'],
        ...['registeredAt', 'deadlines', 'documents', 'allowedEvents', 'refusal', 'overdue'],
      ].sort(),
    );
    expect(receipt.headers.get('preference-applied')).toBeNull();
    expect(receipt.headers.get('vary')).toMatch(/prefer/i);
    const read = await call('GET', `/api/v1/applications/${receipt.body.id}`, { token: applicant });
    expect(read.body).toMatchObject(receipt.body);

    // Preferences are case-insensitive, may come with others and with parameters (RFC 7240 section 2).
    const whole = await submit('respond-async, RETURN=Representation; x=1');
    expect(whole.status).toBe(201);
    expect(whole.headers.get('preference-applied')).toBe('return=representation');
    conforms('Application', whole.body);
    expect(whole.body).toEqual((await call('GET', `/api/v1/applications/${whole.body.id}`, { token: applicant })).body);

    const minimal = await submit('return=minimal');
    expect(minimal.headers.get('preference-applied')).toBe('return=minimal');
    expect(Object.keys(minimal.body).sort()).toEqual(Object.keys(receipt.body).sort());
    // A preference it does not know is ignored, as RFC 7240 asks.
    expect(Object.keys((await submit('return=everything')).body).sort()).toEqual(Object.keys(receipt.body).sort());
  });

  test('an event not allowed in this state is a 409 and changes nothing', async () => {
    const applicant = await login('applicant');
    const officer = await login('officer');
    const { body: app } = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data: apartment() },
    });
    const r = await call('POST', `/api/v1/applications/${app.id}/events`, { token: officer, body: { type: 'SIGNED' } });
    expect(r.status).toBe(409);
    conforms('Problem', r.body);
    const after = await call('GET', `/api/v1/applications/${app.id}`, { token: officer });
    expect(after.body.state).toBe('archive-search');
    expect((await call('GET', `/api/v1/applications/${app.id}/events`, { token: officer })).body.items).toHaveLength(
      after.body.history.length + 1,
    );
  });
});

describe('access: each forbidden access is a 403 or 404 and leaks nothing', () => {
  test('another applicant, the applicant acting as officer, the analyst on applications', async () => {
    const applicant = await login('applicant');
    const officer = await login('officer');
    const analyst = await login('analyst');
    const admin = await login('admin');
    const { body: app } = await call('POST', '/api/v1/applications', {
      token: applicant,
      body: { serviceId: 'cadastral-passport-duplicate', data: apartment() },
    });
    const asApplicant = await call('POST', `/api/v1/applications/${app.id}/events`, {
      token: applicant,
      body: { type: 'FILE_HANDED_OVER' },
    });
    expect(asApplicant.status).toBe(403);
    expect(asApplicant.body.detail).not.toMatch(/Сейітова/);
    expect((await call('GET', `/api/v1/applications/${app.id}`, { token: analyst })).status).toBe(404);
    expect((await call('GET', '/api/v1/applications', { token: analyst })).status).toBe(403);
    expect(
      (
        await call('POST', '/api/v1/applications', {
          token: officer,
          body: { serviceId: 'cadastral-passport-duplicate', data: apartment() },
        })
      ).status,
    ).toBe(403);
    expect((await call('GET', `/api/v1/applications/${app.id}`, { token: admin })).status).toBe(200);
    expect((await call('GET', '/api/v1/admin/audit', { token: applicant })).status).toBe(403);
    const audit = await call('GET', `/api/v1/admin/audit?subject=application:${app.id}`, { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('application.create');
  });
});
