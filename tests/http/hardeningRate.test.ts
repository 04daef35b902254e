import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RATE_LIMITS, rateLimitsFromEnv } from '../../runtime/src/http/rateLimits';
import { startServer, type RunningServer } from '../../runtime/src/server';
import { apartment } from './cadastralFixtures';

// Issue 16: anonymous simulations are limited per client and submissions per applicant (429 with Retry-After).
// Small limits here, so a few requests reach them; the defaults are far above what a person or the admin UI does.
const clock = new Date('2026-03-03T10:00:00+05:00');
let server: RunningServer;
let api: string;
const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-rate-'));

beforeAll(async () => {
  server = await startServer({
    // No host: the default, loopback, is what the test below checks.
    port: 0,
    dataDir,
    demo: true,
    now: () => clock,
    schedulerIntervalMs: 3_600_000,
    rateLimits: { simulatePerMinute: 3, submissionsPerMinute: 2 },
  });
  api = `http://127.0.0.1:${server.port}/api/v1`;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function post(path: string, body: unknown, token?: string) {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: await res.json(),
  };
}

const login = async (username: string) =>
  (await post('/auth/login', { username, password: 'demo' })).body.token as string;

const simulation = { serviceId: 'cadastral-passport-duplicate', at: '2026-03-03T10:00:00+05:00', data: {} };

function expectThrottled(res: Awaited<ReturnType<typeof post>>, code: string) {
  expect(res.status).toBe(429);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe(code);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

test('anonymous simulations past the limit of a client are a 429 problem with Retry-After; a signed-in one counts apart', async () => {
  for (let i = 0; i < 3; i++) expect((await post('/simulate', simulation)).status).not.toBe(429);
  expectThrottled(await post('/simulate', simulation), 'rate.simulate');
  // The analyst is counted by account, not by the shared address.
  expect((await post('/simulate', simulation, await login('analyst'))).status).not.toBe(429);
  // Other endpoints are not limited by it.
  expect((await fetch(`${api}/services`)).status).toBe(200);
});

test('submissions past the limit of an applicant are a 429 of that instance; nothing past the limit is stored', async () => {
  const applicant = await login('applicant');
  const created: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await post('/applications', { serviceId: 'cadastral-passport-duplicate', data: apartment }, applicant);
    expect(res.status).toBe(201);
    created.push(res.body.id);
  }
  const before = (
    await (await fetch(`${api}/applications?limit=500`, { headers: { authorization: `Bearer ${applicant}` } })).json()
  ).total;
  expectThrottled(
    await post('/applications', { serviceId: 'cadastral-passport-duplicate', data: apartment }, applicant),
    'rate.submissions',
  );
  const after = (
    await (await fetch(`${api}/applications?limit=500`, { headers: { authorization: `Bearer ${applicant}` } })).json()
  ).total;
  expect(after).toBe(before);
  // Anonymous callers are not counted: they are refused as such.
  expect((await post('/applications', { serviceId: 'x', data: {} })).status).toBe(401);
  // Each instance counts its own (no store write on the hot path): another one on the same store still accepts.
  const other = await startServer({
    port: 0,
    dataDir,
    demo: false,
    now: () => clock,
    schedulerIntervalMs: 3_600_000,
    rateLimits: { simulatePerMinute: 3, submissionsPerMinute: 2 },
  });
  try {
    const res = await fetch(`http://127.0.0.1:${other.port}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${applicant}` },
      body: JSON.stringify({ serviceId: 'cadastral-passport-duplicate', data: apartment }),
    });
    expect(res.status).toBe(201);
  } finally {
    await other.close();
  }
});

test('the limits come from QYZMET_SIMULATE_RATE and QYZMET_SUBMIT_RATE; a wrong value is named', () => {
  expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
  expect(rateLimitsFromEnv({ QYZMET_SIMULATE_RATE: '10', QYZMET_SUBMIT_RATE: '5' })).toEqual({
    simulatePerMinute: 10,
    submissionsPerMinute: 5,
  });
  expect(() => rateLimitsFromEnv({ QYZMET_SUBMIT_RATE: 'lots' })).toThrow(/QYZMET_SUBMIT_RATE "lots"/);
  expect(() => rateLimitsFromEnv({ QYZMET_SIMULATE_RATE: '0' })).toThrow(/QYZMET_SIMULATE_RATE/);
});

test('the runtime listens on loopback unless told otherwise (HOST)', async () => {
  expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
  const outside = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4');
  if (!outside) return; // a machine with loopback only: nothing to reach from outside
  await expect(fetch(`http://${outside.address}:${server.port}/health`)).rejects.toThrow();
});

test('behind a trusted proxy (QYZMET_TRUST_PROXY) each client is counted by its X-Forwarded-For', async () => {
  const behind = await startServer({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-rate-')),
    demo: false,
    now: () => clock,
    schedulerIntervalMs: 3_600_000,
    rateLimits: { simulatePerMinute: 1, submissionsPerMinute: 1 },
    trustProxy: '1',
  });
  try {
    const from = async (client: string) =>
      (
        await fetch(`http://127.0.0.1:${behind.port}/api/v1/simulate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
          body: JSON.stringify(simulation),
        })
      ).status;
    expect(await from('203.0.113.1')).not.toBe(429);
    expect(await from('203.0.113.1')).toBe(429);
    expect(await from('203.0.113.2')).not.toBe(429);
  } finally {
    await behind.close();
  }
});
