import type { Express } from 'express';
import { createApp } from '../../runtime/src/http/app';
import { ApplicationsService } from '../../runtime/src/applications/applications.service';
import { DefinitionsRegistry } from '../../runtime/src/registry/definitionsRegistry';
import { apartment } from '../definitions/order999';
import { checkAnswer, documentPaths as paths, type Method } from './documentCheck';
import { startTestServer, type TestServer } from './testServer';

// The OpenAPI document against a real server (loopback, SQLite, the real definitions and the demo seed): every
// operation it lists is called, and each answer must match the schema the document gives for that path, method and
// status (documentCheck.ts). The admin UI's types are generated from this document, so a schema that lies would type
// the UI wrongly. Every route the express app serves must be in the document, and every operation in it served.
const clock = new Date('2026-03-03T10:00:00+05:00');
const SERVICE = 'cadastral-passport-duplicate';
let t: TestServer;
let base: string;

/** The operations called so far, as "get /services/{id}". */
const called = new Set<string>();

/**
 * Calls `template` with its {parameters} filled from `params`, and checks the answer against the document.
 */
async function call(
  method: Method,
  template: string,
  opts: { params?: Record<string, string>; query?: string; token?: string; body?: unknown; accept?: string } = {},
) {
  if (!paths[template]?.[method]) throw new Error(`${method} ${template} is not in the document`);
  called.add(`${method} ${template}`);
  const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(opts.params![name]));
  const res = await fetch(`${base}/api/v1${url}${opts.query ? `?${opts.query}` : ''}`, {
    method: method.toUpperCase(),
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.accept ? { accept: opts.accept } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  checkAnswer({ method, path: url, status: res.status, type, text });
  return { status: res.status, body: /[/+]json\b/.test(type) ? JSON.parse(text) : text };
}

const login = async (username: string): Promise<string> =>
  (await call('post', '/auth/login', { body: { username, password: 'demo' } })).body.token;

beforeAll(async () => {
  t = await startTestServer({ now: () => clock, schedulerIntervalMs: 60_000 });
  base = t.api.replace(/\/api\/v1$/, '');
}, 60_000);
afterAll(async () => {
  await t?.server.close();
});

test('public operations answer as documented', async () => {
  await call('get', '/health');
  await call('get', '/openapi.json');
  await call('get', '/services');
  const id = { id: SERVICE };
  expect((await call('get', '/services/{id}', { params: id })).body.version.id).toBe('2026-order-65');
  expect((await call('get', '/services/{id}', { params: id, query: 'at=2026-02-01' })).status).toBe(404);
  expect((await call('get', '/services/{id}', { params: { id: 'no-such-service' } })).status).toBe(404);
  await call('get', '/services/{id}/versions', { params: id });
  await call('get', '/calendar/{year}', { params: { year: '2026' } });
  await call('get', '/deadline', {
    query: `from=${encodeURIComponent('2026-03-20T18:45:00+05:00')}&duration=3%20workingDays`,
  });
  const at = '2026-03-07T12:00:00+05:00';
  await call('post', '/simulate', { body: { serviceId: SERVICE, at, data: apartment, events: [] } });
  expect((await call('post', '/simulate', { body: { serviceId: SERVICE, at, data: {} } })).status).toBe(422);
});

test('an application, its events and documents answer as documented', async () => {
  const applicant = await login('applicant');
  const officer = await login('officer');
  const saved = { items: [{ id: 'mine', name: 'Менің жұмысым', query: { assignee: 'me', due: 'overdue' } }] };
  expect((await call('put', '/me/filters', { token: officer, body: saved })).body).toEqual(saved);
  expect((await call('put', '/me/filters', { token: officer, body: { items: 'x' } })).status).toBe(400);
  expect((await call('get', '/me/filters', { token: officer })).body).toEqual(saved);
  const channels = { email: 'aigul@example.kz', sms: '+77012345678' };
  expect((await call('put', '/me/notifications', { token: applicant, body: channels })).body).toEqual(channels);
  expect((await call('put', '/me/notifications', { token: applicant, body: { sms: '8701' } })).status).toBe(400);
  expect((await call('get', '/me/notifications', { token: applicant })).body).toEqual(channels);
  expect((await call('get', '/auth/me', { token: officer })).body.user.actorRoles.length).toBeGreaterThan(0);
  expect((await call('post', '/auth/logout', { token: await login('reviewer') })).status).toBe(204);
  const created = await call('post', '/applications', {
    token: applicant,
    body: { serviceId: SERVICE, data: apartment, channel: 'portal' },
  });
  expect(created.status).toBe(201);
  const params = { id: created.body.id };
  await call('get', '/applications/{id}/notifications', { params, token: applicant });
  await call('get', '/applications', { token: officer, query: 'status=in-progress&limit=5' });
  const tail = created.body.number.slice(-6);
  await call('get', '/applications', { token: officer, query: `q=${tail}&assignee=none&due=today` });
  expect((await call('get', '/applications', { token: officer, query: 'due=soon' })).status).toBe(400);
  const officerId = (await call('get', '/auth/me', { token: officer })).body.user.id;
  const claimed = await call('put', '/applications/{id}/assignee', {
    params,
    token: officer,
    body: { userId: officerId },
  });
  expect(claimed.body.assignee.id).toBe(officerId);
  expect((await call('put', '/applications/{id}/assignee', { params, token: officer, body: {} })).status).toBe(400);
  await call('get', '/officers', { token: officer, query: 'provider=state-corporation' });
  await call('get', '/applications/{id}', { params, token: applicant });
  await call('post', '/applications/{id}/events', { params, token: officer, body: { type: 'FILE_HANDED_OVER' } });
  // The officer's desk: a decision previewed (nothing stored), an internal comment, the comments read.
  const preview = await call('post', '/applications/{id}/events/preview', {
    params,
    token: officer,
    body: { type: 'EXAMINED' },
  });
  expect(preview.body.toState).toBe('signing');
  expect((await call('post', '/applications/{id}/events/preview', { params, token: officer, body: {} })).status).toBe(
    422,
  );
  const comment = { params, token: officer, body: { text: 'Мұрағаттан іс сұралды.' } };
  expect((await call('post', '/applications/{id}/comments', comment)).status).toBe(201);
  expect((await call('get', '/applications/{id}/comments', { params, token: officer })).body.items).toHaveLength(1);
  expect((await call('get', '/applications/{id}/comments', { params, token: applicant })).status).toBe(404);
  for (const type of ['EXAMINED', 'SIGNED'])
    await call('post', '/applications/{id}/events', { params, token: officer, body: { type } });
  expect((await call('post', '/applications/{id}/events', { params, token: officer, body: {} })).status).toBe(422);
  const events = (await call('get', '/applications/{id}/events', { params, token: applicant })).body.items;
  expect(events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['EXAMINED', 'SIGNED']));
  const doc = { ...params, documentId: 'duplicate' };
  expect(
    (await call('get', '/applications/{id}/documents/{documentId}', { params: doc, token: applicant })).status,
  ).toBe(200);
  const number = (await call('get', '/applications/{id}', { params, token: applicant })).body.documents[0].number;
  expect((await call('get', '/verify/{number}', { params: { number } })).status).toBe(200);
  expect((await call('get', '/verify/{number}', { params: { number: `${number}0` } })).status).toBe(404);
  expect((await call('get', '/verify/{number}', { params: { number: 'nope' } })).status).toBe(400);
});

test('admin operations answer as documented', async () => {
  const analyst = await login('analyst');
  const admin = await login('admin');
  const id = { id: SERVICE };
  const token = analyst;
  await call('get', '/admin/definitions', { token });
  expect((await call('get', '/admin/definitions', { token: await login('applicant') })).status).toBe(403);
  await call('get', '/admin/definitions/{id}', { params: id, token });
  await call('get', '/admin/definitions/{id}/files', { params: id, token });
  await call('get', '/admin/definitions/{id}/coverage', { params: id, token });
  const versions = `from=2026-order-65&to=2026-order-65`;
  await call('get', '/admin/definitions/{id}/diff', { params: id, token, query: versions });
  await call('get', '/admin/calendars', { token });

  const acts = (await call('get', '/admin/acts', { token })).body.items;
  await call('get', '/admin/acts/{id}', { params: { id: acts[0].id }, token });
  await call('get', '/admin/acts/{id}/clauses', { params: { id: 'moj-order-65-2026' }, token });
  expect((await call('get', '/admin/acts/{id}/clauses', { params: { id: 'no-such-act' }, token })).status).toBe(404);
  const act = { id: 'test-order-2-2026', type: 'order', title: { kk: 'Бұйрық', ru: 'Приказ' }, status: 'in-force' };
  expect((await call('post', '/admin/acts', { token, body: act })).status).toBe(201);
  expect(
    (await call('patch', '/admin/acts/{id}', { params: { id: act.id }, token, body: { number: '2' } })).status,
  ).toBe(200);

  const legalRef = { act: act.id, paragraph: '1' };
  const draft = (
    await call('post', '/admin/definitions/{id}/drafts', { params: id, token, body: { note: 'n', legalRef } })
  ).body;
  const params = { id: SERVICE, draftId: draft.id };
  await call('get', '/admin/definitions/{id}/drafts', { params: id, token });
  await call('get', '/admin/definitions/{id}/drafts/{draftId}', { params, token });
  const saved = await call('put', '/admin/definitions/{id}/drafts/{draftId}', {
    params,
    token,
    body: { version: { ...draft.materialised, notes: [] }, rev: draft.rev },
  });
  expect(saved.body.rev).toBe(2);
  await call('get', '/admin/definitions/{id}/drafts/{draftId}/revisions', { params, token });
  await call('post', '/admin/definitions/{id}/drafts/{draftId}/check', { params, token });
  const file = '01-apartment-individual-eds-gateway-approved-first-working-day.json';
  const accepted = await call('post', '/admin/definitions/{id}/drafts/{draftId}/scenarios/accept', {
    params,
    token,
    body: { file, rev: 2 },
  });
  expect(accepted.status).toBe(200);
  const rev = accepted.body.rev;
  const reviewer = await login('reviewer');
  await call('post', '/admin/definitions/{id}/drafts/{draftId}/approve', { params, token: reviewer, body: { rev } });
  const published = await call('post', '/admin/definitions/{id}/drafts/{draftId}/publish', {
    params,
    token,
    body: { effectiveFrom: '2026-04-01' },
  });
  expect(published.status).toBe(200);
  const other = (await call('post', '/admin/definitions/{id}/drafts', { params: id, token, body: {} })).body;
  await call('delete', '/admin/definitions/{id}/drafts/{draftId}', {
    params: { id: SERVICE, draftId: other.id },
    token,
  });
  await call('get', '/admin/audit', { token, query: `subject=definition:${SERVICE}` });

  const hook = await call('post', '/admin/webhooks', {
    token: admin,
    body: { url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-16-chars' },
  });
  expect(hook.status).toBe(201);
  await call('get', '/admin/webhooks', { token: admin });
  await call('get', '/admin/webhooks/{id}/deliveries', { params: { id: hook.body.id }, token: admin });
});

test('every operation of the document was called', () => {
  const documented = Object.entries(paths).flatMap(([template, ops]) =>
    Object.keys(ops).map((method) => `${method} ${template}`),
  );
  expect(documented.filter((op) => !called.has(op))).toEqual([]);
});

interface Layer {
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "get /services/{id}" for every route of an express app under `prefix` (express 5 router stack, nested routers). */
function servedRoutes(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route)
      return Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m} ${prefix}${layer.route!.path}`.replace(/:(\w+)/g, '{$1}'));
    const at = layer.rawPath === '/' || layer.rawPath === undefined ? prefix : `${prefix}${String(layer.rawPath)}`;
    return layer.handle?.stack ? servedRoutes(layer.handle.stack, at) : [];
  });
}

test('the document lists every route the API serves, and nothing it does not', () => {
  const ctx = t.server.ctx;
  const app = createApp(ctx, new ApplicationsService(ctx), new DefinitionsRegistry(ctx)) as Express & {
    router: { stack: Layer[] };
  };
  const served = servedRoutes(app.router.stack)
    .filter((route) => route.includes(' /api/v1/'))
    .map((route) => route.replace(' /api/v1/', ' /'));
  const documented = Object.entries(paths).flatMap(([template, ops]) =>
    Object.keys(ops).map((method) => `${method} ${template}`),
  );
  expect(served.length).toBeGreaterThan(40);
  expect({
    missing: served.filter((r) => !documented.includes(r)),
    unserved: documented.filter((r) => !served.includes(r)),
  }).toEqual({ missing: [], unserved: [] });
});

test('every operation has an operationId, and public ones say so with security: []', () => {
  const PUBLIC =
    /^(get \/health|get \/openapi\.json|get \/services.*|get \/calendar\/.*|get \/deadline|post \/simulate|post \/auth\/login|.*verify.*)$/;
  const ids = new Set<string>();
  for (const [template, ops] of Object.entries(paths))
    for (const [method, op] of Object.entries(ops) as Array<[Method, (typeof ops)[Method]]>) {
      const name = `${method} ${template}`;
      expect({ name, operationId: typeof op!.operationId }).toEqual({ name, operationId: 'string' });
      expect(ids.has(op!.operationId!)).toBe(false);
      ids.add(op!.operationId!);
      // Signed-in operations take the Bearer token or the admin UI's session cookie.
      const signedIn = [{ bearer: [] }, { session: [] }];
      expect({ name, security: op!.security }).toEqual({ name, security: PUBLIC.test(name) ? [] : signedIn });
    }
});
