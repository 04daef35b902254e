import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../definitions/exampleCopy';
import { startTestServer, type TestServer } from './testServer';

/**
 * The legal-reference picker's data over the admin API: an act's clause inventory with the seed text of each clause
 * (GET /admin/acts/:id/clauses), and the acts' texts a service cites among its source files, so the workbench's
 * compile in the browser checks quotes as the runtime's does. Expected texts are read from the seed files here.
 */

const seedLines = (file: string) => readFileSync(join(REPO, 'definitions', 'seeds', file), 'utf8').split(/\r?\n/);
const registry = (file: string) =>
  JSON.parse(readFileSync(join(REPO, 'definitions', 'shared', 'acts', file), 'utf8')).acts as Record<
    string,
    { seed?: string; clauses?: Array<{ id: string; lines: number[] }> }
  >;
const textOf = (lines: string[], cited: number[]) => lines.slice(cited[0] - 1, cited[cited.length - 1]).join('\n');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ now: () => new Date('2026-03-03T10:00:00+05:00') });
}, 90_000);
afterAll(async () => {
  await t?.server.close();
});
const get = (path: string, user = 'analyst') => t.as(user, 'GET', path);

test("an act with its seed: every clause of its inventory, in order, with the text of the clause's lines", async () => {
  const act = registry('seed-000.json')['rules-contract-accounting-434'];
  const res = await get('/admin/acts/rules-contract-accounting-434/clauses');
  expect(res.status).toBe(200);
  expect(res.body.act).toBe('rules-contract-accounting-434');
  expect(res.body.seed).toBe(act.seed);
  const lines = seedLines(act.seed!);
  expect(res.body.items.map((i: { id: string }) => i.id)).toEqual(act.clauses!.map((c) => c.id));
  for (const [i, clause] of act.clauses!.entries()) {
    expect(res.body.items[i].lines).toEqual(clause.lines);
    expect(res.body.items[i].text).toBe(textOf(lines, clause.lines));
  }
  // The public shape only: what the coverage report keeps for itself stays out.
  for (const item of res.body.items) expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['services']));
});

test('an act known through the act that amends it reads its clauses from that seed (the Rules of order 156 in order 65)', async () => {
  const acts = registry('seed-003.json');
  expect(acts['moj-156-rules'].seed).toBeUndefined();
  const res = await get('/admin/acts/moj-156-rules/clauses');
  expect(res.status).toBe(200);
  expect(res.body.seed).toBe(acts['moj-order-65-2026'].seed);
  const terms = res.body.items.find((i: { annex?: string; row?: string }) => i.annex === '1' && i.row === '3');
  expect(terms.text).toBe(textOf(seedLines(res.body.seed), terms.lines));
  // The words the definitions quote for the longest term are there (seed line 388).
  expect(terms.text).toContain('оныншы жұмыс күні беріледі');
});

test('an act whose text is not in the seeds, or one registered through the API, has no clauses', async () => {
  const law = await get('/admin/acts/law-state-services/clauses');
  expect(law.status).toBe(200);
  expect(law.body).toEqual({ act: 'law-state-services', seed: null, items: [] });

  const act = { id: 'test-order-7-2026', type: 'order', title: { kk: 'Бұйрық', ru: 'Приказ' }, status: 'in-force' };
  expect((await t.as('analyst', 'POST', '/admin/acts', act)).status).toBe(201);
  expect((await get(`/admin/acts/${act.id}/clauses`)).body).toEqual({ act: act.id, seed: null, items: [] });
});

test('an unknown act is a 404 problem; an applicant may not read the inventory', async () => {
  const missing = await get('/admin/acts/no-such-act/clauses');
  expect(missing.status).toBe(404);
  expect(missing.type).toContain('application/problem+json');
  expect(missing.body.code).toBe('act.unknown');
  expect((await get('/admin/acts/moj-order-65-2026/clauses', 'applicant')).status).toBe(403);
});

test("a service's source files carry the seeds it cites, and only those", async () => {
  const res = await get('/admin/definitions/cadastral-passport-duplicate/files');
  expect(res.status).toBe(200);
  const seeds = Object.keys(res.body.files).filter((f) => f.startsWith('definitions/seeds/'));
  expect(seeds).toEqual(['definitions/seeds/003_fecf8ad1b999089f.txt']);
  expect(res.body.files[seeds[0]]).toBe(readFileSync(join(REPO, 'definitions/seeds/003_fecf8ad1b999089f.txt'), 'utf8'));

  const licence = await get('/admin/definitions/licence-survey-activity/files');
  expect(Object.keys(licence.body.files).filter((f) => f.startsWith('definitions/seeds/'))).toEqual([
    'definitions/seeds/004_5ed7abd35358b233.txt',
  ]);
});
