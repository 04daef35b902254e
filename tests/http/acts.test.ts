import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExample, EXAMPLE_ID, type ExampleCopy } from '../definitions/exampleCopy';
import { ORDER, order999Act, version999 as order999Version } from '../definitions/order999';
import { startTestServer, type TestServer } from './testServer';

/**
 * The acts registry over the admin API: an amending order registered without touching files, its publication date
 * entered later, and the versions waiting for it taking their effective dates at once and after a restart.
 * The amending version is on disk waiting for order 999, whose publication date the files do not know yet.
 */

const waitingAct = order999Act(null);
// Order 999 with one change: enough to see its date follow the registry.
const version999 = { ...order999Version, changes: order999Version.changes.slice(0, 1) };

let copy: ExampleCopy;
let dataDir: string;
let t: TestServer;
const start = async () => {
  t = await startTestServer({
    definitionsRoot: copy.definitions,
    dataDir,
    now: () => new Date('2026-12-06T10:00:00+05:00'),
  });
};
const call = async (method: string, path: string, body?: unknown, user = 'analyst') => t.as(user, method, path, body);
const versionsOf = async () =>
  (await call('GET', `/services/${EXAMPLE_ID}/versions`)).body.items as Array<{ id: string; effectiveFrom: string }>;

beforeAll(async () => {
  copy = copyExample();
  copy.write('shared/acts/order-999.json', JSON.stringify({ acts: { [ORDER]: waitingAct } }, null, 2));
  copy.write(`services/${EXAMPLE_ID}/versions/2026-order-999.json`, JSON.stringify(version999, null, 2));
  const entry = JSON.parse(copy.read(`services/${EXAMPLE_ID}/service.json`));
  entry.versions.push({ $include: 'versions/2026-order-999.json' });
  copy.write(`services/${EXAMPLE_ID}/service.json`, JSON.stringify(entry, null, 2));
  dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-acts-'));
  await start();
}, 90_000);
afterAll(async () => {
  await t?.server.close();
  copy?.remove();
});

test('the registry lists the acts of the files; one act reads by id; an unknown id is a 404 problem', async () => {
  const list = await call('GET', '/admin/acts');
  expect(list.status).toBe(200);
  expect(list.body.items.map((a: { id: string }) => a.id)).toEqual(
    expect.arrayContaining(['moj-order-65-2026', ORDER]),
  );
  expect((await call('GET', `/admin/acts/${ORDER}`)).body).toMatchObject({ id: ORDER, number: '999' });
  const missing = await call('GET', '/admin/acts/no-such-act');
  expect(missing.status).toBe(404);
  expect(missing.type).toContain('application/problem+json');
});

test('registering an act: located errors, 201, 409 on the same id, analysts only', async () => {
  const bad = await call('POST', '/admin/acts', { id: 'moj-order-1000-2026', type: 'order', status: 'in-force' });
  expect(bad.status).toBe(422);
  expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/' })]));
  expect(bad.body.errors.map((e: { message: string }) => e.message).join(' ')).toContain('title');
  const act = { id: 'moj-order-1000-2026', type: 'order', title: { kk: 'Бұйрық', ru: 'Приказ' }, status: 'in-force' };
  const created = await call('POST', '/admin/acts', act);
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject(act);
  expect((await call('POST', '/admin/acts', act)).status).toBe(409);
  expect((await call('POST', '/admin/acts', { ...act, id: 'x-1' }, 'officer')).status).toBe(403);
});

test('entering the publication date puts the waiting version in force ten days later, also after a restart', async () => {
  expect((await versionsOf()).find((v) => v.id === '2026-order-999')?.effectiveFrom ?? null).toBeNull();
  const patched = await call('PATCH', `/admin/acts/${ORDER}`, { publication: { date: '2026-12-10' } });
  expect(patched.status).toBe(200);
  expect(patched.body.publication.date).toBe('2026-12-10');
  expect((await versionsOf()).find((v) => v.id === '2026-order-999')?.effectiveFrom).toBe('2026-12-21');

  await t.server.close();
  await start();
  expect((await versionsOf()).find((v) => v.id === '2026-order-999')?.effectiveFrom).toBe('2026-12-21');
  expect((await call('GET', '/admin/acts/moj-order-1000-2026')).status).toBe(200);
  const audit = await call('GET', `/admin/audit?subject=${encodeURIComponent(`act:${ORDER}`)}`);
  expect(audit.body.items[0]).toMatchObject({ action: 'act.update', subject: `act:${ORDER}` });
}, 90_000);
