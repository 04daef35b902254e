import { randomBytes, scryptSync } from 'node:crypto';
import { verifyPassword } from '../../runtime/src/auth/passwords';
import { checkAnswer } from './documentCheck';
import { startTestServer, type TestServer } from './testServer';

/**
 * Sign-in hardening (issue 16) over real HTTP on loopback with a real store: lockout after repeated wrong passwords
 * (audited, and over once its time has passed on the server's clock), per-client throttling, sign-out revoking the
 * token, idle and absolute session timeouts, the cap on a user's sessions, and re-hashing at today's scrypt cost.
 */

let clock = new Date('2026-03-03T10:00:00+05:00');
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
const MIN = 60_000;
let t: TestServer;

beforeAll(async () => {
  // A low per-client limit, so the client test needs few scrypt checks; read when the routes are made.
  process.env.QYZMET_LOGIN_MAX_FAILURES_PER_CLIENT = '25';
  try {
    t = await startTestServer({ now: () => clock });
  } finally {
    delete process.env.QYZMET_LOGIN_MAX_FAILURES_PER_CLIENT;
  }
}, 90_000);
afterAll(() => t?.server.close());

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One call with an explicit token (or none), its answer checked against the OpenAPI document. */
async function call(method: string, path: string, token?: string, body?: unknown, lang = 'en'): Promise<Answer> {
  const res = await fetch(`${t.api}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': lang,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  checkAnswer({ method, path, status: res.status, type, text });
  return { status: res.status, headers: res.headers, body: text && /json/.test(type) ? JSON.parse(text) : text };
}

const login = (username: string, password = 'demo', lang = 'en') =>
  call('POST', '/auth/login', undefined, { username, password }, lang);

async function tokenOf(username: string): Promise<string> {
  const r = await login(username);
  expect(r.status).toBe(200);
  return r.body.token as string;
}

async function userId(username: string): Promise<string> {
  return (await t.server.ctx.store.getUserByUsername(username))!.id;
}

test('20 wrong passwords lock the account (the right one refused, 429 with Retry-After), audited; over after 15 min', async () => {
  const id = await userId('officer');
  for (let i = 1; i <= 20; i++) {
    const wrong = await login('officer', `guess-${i}`);
    expect([wrong.status, wrong.body.code]).toEqual([401, 'auth.invalid']);
  }
  later(MIN);
  const locked = await login('officer', 'demo', 'ru');
  expect([locked.status, locked.body.code]).toEqual([429, 'auth.locked']);
  expect(locked.body.detail).toMatch(/учётная запись временно заблокирована/);
  expect(Number(locked.headers.get('retry-after'))).toBe(14 * 60);
  expect((await login('officer', 'demo', 'kk')).body.detail).toMatch(/бұғатталды/);
  // Another account from the same client is not locked.
  await tokenOf('analyst');

  const audit = await t.server.ctx.store.listAudit(`user:${id}`, 100);
  const failed = audit.filter((a) => a.action === 'auth.login-failed');
  expect(failed).toHaveLength(22);
  expect(failed.filter((a) => a.details.reason === 'wrong-password')).toHaveLength(20);
  expect(failed.filter((a) => a.details.reason === 'locked')).toHaveLength(2);
  expect(failed[0].details).toMatchObject({ username: 'officer', client: expect.stringMatching(/127\.0\.0\.1/) });
  const lockouts = audit.filter((a) => a.action === 'auth.locked');
  expect(lockouts).toHaveLength(1);
  expect(lockouts[0]).toMatchObject({ userId: id, details: { username: 'officer', failures: 20 } });

  later(14 * MIN + 1_000);
  await tokenOf('officer');
  // After the lock the count starts again: one wrong password is only a wrong password.
  expect((await login('officer', 'wrong-again')).status).toBe(401);
  await tokenOf('officer');
}, 120_000);

test('a burst of 30 concurrent wrong passwords: at most 20 checked, the rest refused unchecked; unknown usernames too', async () => {
  const answers = await Promise.all(Array.from({ length: 30 }, () => login('nobody-here', 'x')));
  const codes = answers.map((a) => `${a.status} ${a.body.code}`);
  // Counted before the check: never more than 20 checked (on MongoDB racing attempts may see each other's count,
  // so a few more may be refused unchecked); the rest are 429 at once.
  const checked = codes.filter((c) => c === '401 auth.invalid').length;
  expect(checked).toBeLessThanOrEqual(20);
  expect(codes.filter((c) => c.startsWith('429 '))).toHaveLength(30 - checked);
  expect((await login('nobody-here', 'x')).status).toBe(429);
  const audit = await t.server.ctx.store.listAudit('auth:unknown-user', 100);
  const failed = audit.filter((a) => a.action === 'auth.login-failed');
  expect(failed).toHaveLength(31);
  expect(failed.filter((a) => a.details.reason === 'unknown-user')).toHaveLength(checked);
  expect(failed[0]).toMatchObject({ userId: null, details: { username: 'nobody-here' } });
  if (checked === 20) expect(audit.filter((a) => a.action === 'auth.locked')).toHaveLength(1);
  later(16 * MIN);
}, 120_000);

test('per client: after its failures reach the limit (any accounts), a client is refused until they age out', async () => {
  // The earlier tests' failures from this client are older than the window now.
  for (let i = 0; i < 25; i++) expect((await login(`someone-${i % 3}`, 'x')).status).toBe(401);
  const r = await login('applicant');
  expect([r.status, r.body.code]).toEqual([429, 'auth.throttled']);
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  later(16 * MIN);
  await tokenOf('applicant');
}, 120_000);

test('sign-out revokes the token presented: 401 afterwards, the user’s other sessions stay', async () => {
  const a = await tokenOf('applicant');
  const b = await tokenOf('applicant');
  expect((await call('GET', '/auth/me', a)).status).toBe(200);
  expect((await call('POST', '/auth/logout', a)).status).toBe(204);
  const gone = await call('GET', '/auth/me', a);
  expect([gone.status, gone.body.code]).toEqual([401, 'auth.expired']);
  expect((await call('POST', '/auth/logout', a)).status).toBe(401);
  expect((await call('POST', '/auth/logout')).status).toBe(401);
  expect((await call('GET', '/auth/me', b)).status).toBe(200);
  const id = await userId('applicant');
  expect((await t.server.ctx.store.listAudit(`user:${id}`, 10)).map((e) => e.action)).toContain('auth.logout');
});

test('idle timeout: 30 min without use ends a session; use keeps it alive, but never past 12 h from sign-in', async () => {
  const idle = await tokenOf('analyst');
  later(30 * MIN + 1_000);
  expect((await call('GET', '/auth/me', idle)).status).toBe(401);

  const used = await tokenOf('analyst');
  const signedInAt = clock.getTime();
  // Used every 25 minutes: alive all day long, until 12 h after sign-in.
  while (clock.getTime() + 25 * MIN < signedInAt + 12 * 60 * MIN) {
    later(25 * MIN);
    expect((await call('GET', '/auth/me', used)).status).toBe(200);
  }
  later(25 * MIN);
  expect((await call('GET', '/auth/me', used)).status).toBe(401);
}, 60_000);

test('a user keeps at most 20 sessions: the 21st sign-in revokes the oldest; expired ones are purged', async () => {
  later(60 * MIN);
  const tokens: string[] = [];
  for (let i = 0; i < 21; i++) {
    tokens.push(await tokenOf('reviewer'));
    later(1_000);
  }
  expect((await call('GET', '/auth/me', tokens[0])).status).toBe(401);
  for (const token of tokens.slice(1)) expect((await call('GET', '/auth/me', token)).status).toBe(200);
  // Counted in the store: every session of the others expired by now is purged at this sign-in.
  later(31 * MIN);
  await tokenOf('admin');
  const { session: sessions } = await t.server.ctx.store.countRecords();
  expect(sessions).toBe(1);
}, 120_000);

test('a password hashed at the old cost (N=2^14) still signs in and is re-hashed at N=2^17', async () => {
  const store = t.server.ctx.store;
  const user = (await store.getUserByUsername('applicant'))!;
  expect(user.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
  // As an older runtime wrote it: scrypt$N$r$p$salt$key.
  const salt = randomBytes(16);
  const key = scryptSync('demo', salt, 32, { N: 16384, r: 8, p: 1 });
  await store.setPasswordHash(user.id, `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`);
  expect((await login('applicant', 'not-demo')).status).toBe(401);
  await tokenOf('applicant');
  const rehashed = (await store.getUser(user.id))!.passwordHash;
  expect(rehashed).toMatch(/^scrypt\$131072\$8\$1\$/);
  expect(await verifyPassword('demo', rehashed)).toBe(true);
  await tokenOf('applicant');
}, 60_000);

/** A call signed in by the session cookie only (as the admin UI's browser sends it), checked against the document. */
async function withCookie(
  method: string,
  path: string,
  cookie: string | undefined,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer & { setCookie: string[] }> {
  const res = await fetch(`${t.api}${path}`, {
    method,
    headers: { 'accept-language': 'en', ...(cookie ? { cookie: `qyzmet_session=${cookie}` } : {}), ...init.headers },
    body: init.body,
  });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  checkAnswer({ method, path, status: res.status, type, text });
  const body = text && /json/.test(type) ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body, setCookie: res.headers.getSetCookie() };
}

/** The attributes of the session cookie a response sets (lower-cased names), or undefined. */
function sessionCookieSet(setCookie: string[]): { value: string; attributes: Map<string, string> } | undefined {
  const line = setCookie.find((c) => c.startsWith('qyzmet_session='));
  if (!line) return undefined;
  const [pair, ...rest] = line.split(';').map((p) => p.trim());
  const attributes = new Map(
    rest.map((a) => {
      const [k, ...v] = a.split('=');
      return [k.toLowerCase(), v.join('=')] as [string, string];
    }),
  );
  return { value: decodeURIComponent(pair.slice('qyzmet_session='.length)), attributes };
}

describe('the session cookie (C5: the admin UI signs in with it)', () => {
  test('sign-in sets an httpOnly, SameSite=Strict cookie on Path=/ holding the session (not Secure over plain HTTP)', async () => {
    later(60 * MIN);
    const r = await login('applicant');
    expect(r.status).toBe(200);
    const set = sessionCookieSet(r.headers.getSetCookie());
    expect(set?.value).toBe(r.body.token);
    expect(set?.attributes.has('httponly')).toBe(true);
    expect(set?.attributes.get('samesite')).toBe('Strict');
    expect(set?.attributes.get('path')).toBe('/');
    expect(set?.attributes.has('secure')).toBe(false);
    // A session cookie: it goes with the browser; the server's idle and absolute limits end it sooner.
    expect(set?.attributes.has('max-age') || set?.attributes.has('expires')).toBe(false);
  });

  test('the cookie alone signs requests in: /auth/me answers { user } with the identity; nothing without it', async () => {
    const token = await tokenOf('applicant');
    const me = await withCookie('GET', '/auth/me', token);
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(me.body.user).toMatchObject({ username: 'applicant', roles: ['applicant'], displayName: 'Айгүл Сейітова' });
    // The demo applicant's identity: a real-looking IIN whose check digit and date of birth the engine accepts.
    const { isValidIin } = await import('@qyzmet/engine');
    expect(isValidIin(me.body.user.identity.iin)).toBe(true);
    expect(me.body.user.identity.fullName).toMatch(/Сейітова Айгүл/);
    expect('passwordHash' in me.body.user).toBe(false);
    // The same session by its Bearer token, and the login answer's user carries the identity too.
    expect((await call('GET', '/auth/me', token)).body).toEqual(me.body);
    expect((await login('applicant')).body.user.identity).toEqual(me.body.user.identity);
    // No cookie, no token: not signed in.
    const none = await withCookie('GET', '/auth/me', undefined);
    expect([none.status, none.body.code]).toEqual([401, 'auth.required']);
    // A Bearer header wins over the cookie: a wrong one is refused even with a good cookie beside it.
    const both = await withCookie('GET', '/auth/me', token, { headers: { authorization: 'Bearer not-a-session' } });
    expect([both.status, both.body.code]).toEqual([401, 'auth.expired']);
  });

  test('a cookie-signed request that changes something must be JSON or carry X-Qyzmet, else 403 (not acted on)', async () => {
    const token = await tokenOf('applicant');
    // As a cross-site form or a no-cors fetch could send it: no JSON type, no custom header.
    for (const [method, path] of [
      ['POST', '/auth/logout'],
      ['POST', '/applications'],
      ['PUT', '/me/filters'],
    ]) {
      const forged = await withCookie(method, path, token);
      expect([method, path, forged.status, forged.body.code]).toEqual([method, path, 403, 'auth.csrf']);
    }
    const ru = await withCookie('POST', '/auth/logout', token, { headers: { 'accept-language': 'ru' } });
    expect(ru.body.detail).toMatch(/отправлен с другой страницы/);
    // Still signed in: the forged sign-out did nothing.
    expect((await withCookie('GET', '/auth/me', token)).status).toBe(200);
    // Our own script's requests pass: JSON (an invalid submission is then the route's 422), or the UI's header.
    const json = await withCookie('POST', '/applications', token, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(422);
    // Reads stay plain (a document opens from a link); a Bearer-token client needs neither.
    expect((await withCookie('GET', '/applications', token)).status).toBe(200);
    expect((await call('POST', '/auth/logout', await tokenOf('applicant'))).status).toBe(204);
    const out = await withCookie('POST', '/auth/logout', token, { headers: { 'x-qyzmet': '1' } });
    expect(out.status).toBe(204);
  });

  test('sign-out revokes the session and clears the cookie; a stale cookie is cleared and the caller is anonymous', async () => {
    const token = await tokenOf('applicant');
    const other = await tokenOf('applicant');
    const out = await withCookie('POST', '/auth/logout', token, { headers: { 'x-qyzmet': '1' } });
    expect(out.status).toBe(204);
    const cleared = sessionCookieSet(out.setCookie);
    expect(cleared?.value).toBe('');
    expect(Date.parse(cleared!.attributes.get('expires')!)).toBeLessThan(Date.now());
    expect(cleared?.attributes.get('path')).toBe('/');
    // The old cookie (another tab still sends it) no longer signs in, and is cleared there too.
    const stale = await withCookie('GET', '/auth/me', token);
    expect([stale.status, stale.body.code]).toEqual([401, 'auth.required']);
    expect(sessionCookieSet(stale.setCookie)?.value).toBe('');
    // Public pages still answer it (a stale cookie is no error), and the user's other session stays.
    expect((await withCookie('GET', '/services', token)).status).toBe(200);
    expect((await withCookie('GET', '/auth/me', other)).status).toBe(200);
    const id = await userId('applicant');
    expect((await t.server.ctx.store.listAudit(`user:${id}`, 5)).map((e) => e.action)).toContain('auth.logout');
  });
});

describe('addresses outside the API', () => {
  const page = (path: string, accept: string) =>
    fetch(`${t.api.replace('/api/v1', '')}${path}`, { headers: { accept }, redirect: 'manual' });

  test('/ redirects (302) to /admin/', async () => {
    const res = await page('/', 'text/html');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/admin/');
  });

  test('an unknown address answers a kk/ru HTML page with a link to /admin/ to a browser, the JSON problem to a program', async () => {
    for (const path of ['/admin/no-such-page', '/x', '/admin/x/y.js']) {
      const html = await page(path, 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect([path, html.status, html.headers.get('content-type')]).toEqual([path, 404, 'text/html; charset=utf-8']);
      const text = await html.text();
      expect(text).toMatch(/<html lang="kk">/);
      expect(text).toContain('Бет табылмады');
      expect(text).toContain('Страница не найдена');
      expect(text).toContain('<a href="/admin/">');
      expect(text).not.toMatch(/route\.unknown|no page/);
      const json = await page(path, 'application/json');
      expect([json.status, (await json.json()).code]).toEqual([404, 'route.unknown']);
    }
    // The API's unknown routes stay JSON, whatever is asked.
    const api = await page('/api/v1/no-such', 'text/html');
    expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/problem+json; charset=utf-8']);
  });
});
