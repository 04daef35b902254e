import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { domainError, ProblemError, type ProblemKind } from '@qyzmet/engine';
import { kindOf, problemBody, problemHandler, STATUS_OF_KIND, statusOf } from './problem';

/**
 * The one mapper from a problem's kind to its HTTP status (issue 12): every kind has exactly one status, and a
 * ProblemError thrown from a route reaches the client as that status with an RFC 9457 body, over real HTTP.
 */

const EXPECTED: Record<ProblemKind, number> = {
  user: 422,
  request: 400,
  definition: 422,
  conflict: 409,
  notFound: 404,
  forbidden: 403,
  unauthenticated: 401,
  throttled: 429,
  internal: 500,
};
const KINDS = Object.keys(EXPECTED) as ProblemKind[];

describe('kind → status', () => {
  test('the mapper knows exactly the kinds this table lists (a new kind needs a row here)', () => {
    expect(Object.keys(STATUS_OF_KIND).sort()).toEqual([...KINDS].sort());
  });

  test.each(KINDS)('%s maps to one status, whatever the code', (kind) => {
    const statuses = new Set(
      ['x', 'request.invalid', 'store.duplicate', 'auth.role'].map((code) => statusOf({ code, kind, message: 'm' })),
    );
    expect([...statuses]).toEqual([EXPECTED[kind]]);
  });

  test('a problem without a kind is internal', () => {
    expect(statusOf({ code: 'x', message: 'm' })).toBe(500);
  });

  test.each([
    ['version.notInForce', 'notFound', 404],
    ['event.unknown', 'conflict', 409],
    ['event.notAllowed', 'conflict', 409],
    ['event.forbiddenRole', 'forbidden', 403],
    ['form.invalid', 'user', 422],
    ['calendar.outOfCoverage', 'user', 422],
  ] as const)('the engine\'s "user" problem %s answers as %s (%i), as it always has', (code, kind, status) => {
    expect(kindOf({ code, kind: 'user', message: 'm' })).toBe(kind);
    expect(statusOf({ code, kind: 'user', message: 'm' })).toBe(status);
  });

  test('those codes keep the kind their thrower gives when it is not "user"', () => {
    expect(statusOf({ code: 'version.notInForce', kind: 'internal', message: 'm' })).toBe(500);
  });
});

describe('a ProblemError thrown from a route reaches the client as its status with a problem+json body', () => {
  let server: Server;
  let base: string;
  const logged: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(express.json({ limit: '1kb' }));
    app.get('/kind/:kind', (req) => {
      throw domainError(req.params.kind as ProblemKind, `test.${req.params.kind}`, `a ${req.params.kind} problem`, {
        extensions: { hint: 'extensions are members' },
      });
    });
    app.get('/async/:kind', async (req) => {
      await new Promise((r) => setImmediate(r));
      throw domainError(req.params.kind as ProblemKind, `test.${req.params.kind}`, 'thrown after an await');
    });
    app.get('/engine/form', () => {
      // As the engine's simulate throws it: field errors point into the application data, params stay params.
      throw new ProblemError({
        code: 'form.invalid',
        kind: 'user',
        message: 'the data do not fit the form',
        params: {
          service: 'x',
          errors: [{ code: 'form.required', message: 'required', pointer: '/object/cadastralNumber', params: {} }],
        },
      });
    });
    app.get('/engine/event', () => {
      throw new ProblemError({ code: 'event.notAllowed', kind: 'user', message: 'not now', params: { state: 's' } });
    });
    app.get('/not-approved', () => {
      throw domainError('conflict', 'draft.notApproved', 'revision 4 of this draft has no approval', {
        params: { rev: 4 },
      });
    });
    app.get('/crash', () => {
      throw new Error('a bug');
    });
    app.post('/echo', (req, res) => {
      res.json(req.body);
    });
    app.use(problemHandler((m) => logged.push(m)));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() };
  };

  test.each(KINDS)('kind %s', async (kind) => {
    for (const path of [`/kind/${kind}`, `/async/${kind}`]) {
      const r = await get(path);
      expect(r.status).toBe(EXPECTED[kind]);
      expect(r.type).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({
        type: `https://qyzmet.kz/problems/test.${kind}`,
        title: expect.any(String),
        status: EXPECTED[kind],
        detail: expect.any(String),
        code: `test.${kind}`,
        instance: path,
      });
    }
    expect((await get(`/kind/${kind}`)).body.hint).toBe('extensions are members');
  });

  test('only internal problems are logged', async () => {
    logged.length = 0;
    for (const kind of KINDS) await get(`/kind/${kind}`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/test\.internal/);
  });

  test("the engine's field errors get pointers into the request body; its params stay under params", async () => {
    const r = await get('/engine/form');
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { pointer: '/data/object/cadastralNumber', code: 'form.required', message: 'required' },
    ]);
    expect(r.body.params).toEqual({ service: 'x' });
    const e = await get('/engine/event');
    expect([e.status, e.body.code, e.body.params]).toEqual([409, 'event.notAllowed', { state: 's' }]);
  });

  test('a problem the engine located in the request body (an event’s /data/reasoning) is a field error there, in every language', () => {
    const located = problemBody(
      { code: 'event.reasoningRequired', kind: 'user', pointer: '/data/reasoning', message: 'write the reasoning' },
      undefined,
      'ru',
    );
    expect(located.errors).toEqual([
      {
        pointer: '/data/reasoning',
        code: 'event.reasoningRequired',
        message: located.detail,
        messages: { kk: expect.stringMatching(/дәлелді/), ru: located.detail, en: 'write the reasoning' },
      },
    ]);
    expect(located.detail).toMatch(/мотивированным/);
    // A pointer into a definition (not the request) stays out of the field errors.
    const definition = problemBody({ code: 'x.bad', kind: 'definition', pointer: '/versions/0', message: 'bad' });
    expect(definition.errors).toBeUndefined();
  });

  test('anything else is a 500 that says nothing of the bug, and is logged', async () => {
    logged.length = 0;
    const r = await get('/crash');
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ code: 'internal', status: 500 });
    expect(JSON.stringify(r.body)).not.toMatch(/a bug/);
    expect(logged.join('\n')).toMatch(/a bug/);
  });

  test("the body parser's own failures keep their statuses: 400 malformed, 413 too large", async () => {
    const post = (body: string) =>
      get('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"a":');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'request.malformedJson']);
    const large = await post(JSON.stringify({ pad: 'x'.repeat(2000) }));
    expect([large.status, large.body.code]).toEqual([413, 'request.tooLarge']);
    expect(large.type).toMatch(/^application\/problem\+json/);
  });

  test('the detail follows Accept-Language (kk, ru; en is the message as written), with its params filled in', async () => {
    const detail = async (lang: string) =>
      (await get('/not-approved', { headers: { 'Accept-Language': lang } })).body.detail as string;
    expect(await detail('ru')).toBe('Ревизия 4 проекта не одобрена вторым аналитиком: попросите коллегу одобрить её.');
    expect(await detail('kk')).toContain('4-ревизиясын');
    expect(await detail('en')).toBe('revision 4 of this draft has no approval');
    // A code without catalogued words keeps its English detail in every language.
    expect((await get('/kind/user', { headers: { 'Accept-Language': 'ru' } })).body.detail).toBe('a user problem');
  });
});
