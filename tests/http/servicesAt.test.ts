import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../../runtime/src/server';

// Regression: `GET /services/:id?at=YYYY-MM-DD` used to read a date as `${date}T00:00:00+05:00`, a fixed offset;
// Asia/Almaty was UTC+6 until 2024-03-01, so for older dates that was not the start of the day. The date now means
// the start of that civil day in the service's zone, and the answer says which instant it chose.
const repo = resolve(__dirname, '../..');
let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-at-')),
    definitionsRoot: join(repo, 'definitions'),
    demo: false,
    now: () => new Date('2026-03-03T10:00:00+05:00'),
    schedulerIntervalMs: 60_000,
  });
  base = `http://127.0.0.1:${server.port}`;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function serviceAt(id: string, at: string) {
  const res = await fetch(`${base}/api/v1/services/${id}?at=${encodeURIComponent(at)}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('?at=YYYY-MM-DD is the local start of that day, with the offset of that date', () => {
  test('2023-06-01 (UTC+6 then): the instant asked about is 2023-06-01T00:00:00+06:00', async () => {
    // No version of the catalogue is in force that day (the repealed acts ended earlier, the current ones start
    // later): the 404 names the instant the date was read as.
    const r = await serviceAt('state-register-info-lookup', '2023-06-01');
    expect(r.status).toBe(404);
    expect(r.body.at).toBe('2023-06-01T00:00:00+06:00');
    expect(r.body.detail).toContain('in force at 2023-06-01T00:00:00+06:00');
  });

  test.each([
    // Licences of seed 004: order 186 replaced order 384 on 7 July 2014 (UTC+6).
    ['licence-survey-activity', '2014-07-06', '2014-order-384', '2014-07-06T00:00:00+06:00'],
    ['licence-survey-activity', '2014-07-07', '2014-order-186', '2014-07-07T00:00:00+06:00'],
    // Order 563 of seed 002, in force from 6 January 2013.
    ['state-register-info-lookup', '2013-01-06', '2013-order-563', '2013-01-06T00:00:00+06:00'],
    // After the change to UTC+5.
    ['cadastral-passport-duplicate', '2026-02-08', '2026-order-65', '2026-02-08T00:00:00+05:00'],
  ])('%s?at=%s → version %s, chosen at %s', async (id, date, version, at) => {
    const r = await serviceAt(id, date);
    expect(r.status).toBe(200);
    expect(r.body.version.id).toBe(version);
    expect(r.body.at).toBe(at);
  });

  test('the day before a version starts is not in force under it', async () => {
    const r = await serviceAt('state-register-info-lookup', '2013-01-05');
    expect(r.status).toBe(404);
    expect(r.body.at).toBe('2013-01-05T00:00:00+06:00');
  });

  test('an instant is taken as given; without ?at= the answer names now with its local offset', async () => {
    const r = await serviceAt('licence-survey-activity', '2014-07-06T23:30:00+06:00');
    expect(r.body.version.id).toBe('2014-order-384');
    expect(r.body.at).toBe('2014-07-06T23:30:00+06:00');
    const now = await fetch(`${base}/api/v1/services/cadastral-passport-duplicate`);
    expect(((await now.json()) as { at: string }).at).toBe('2026-03-03T10:00:00+05:00');
  });

  test('a date that is no real day is a problem naming it, not a rolled-over date', async () => {
    const r = await serviceAt('state-register-info-lookup', '2013-02-30');
    // A query parameter the caller got wrong is a 400 naming it, like every other one (issue 16).
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('request.at');
    expect(r.body.parameter).toBe('at');
    expect(r.body.detail).toContain('2013-02-30');
  });
});
