import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../../runtime/src/server';
import { copyExample, EXAMPLE_ID, type ExampleCopy } from '../definitions/exampleCopy';
import { startTestServer } from './testServer';

/**
 * Two runtime instances on one store: what an analyst publishes through one (an act's date, a version) is what the
 * other serves within a poll, without a restart.
 */

let copy: ExampleCopy;
const servers: RunningServer[] = [];
const clock = new Date('2026-03-03T10:00:00+05:00');

async function instance(dataDir: string) {
  const t = await startTestServer({
    definitionsRoot: copy.definitions,
    dataDir,
    now: () => clock,
    schedulerIntervalMs: 200,
  });
  servers.push(t.server);
  return (username: string | null, method: string, path: string, body?: unknown) => t.as(username, method, path, body);
}

/** Polls until `check` holds (each instance reloads within its 200 ms poll), at most 5 s. */
async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

beforeAll(() => {
  copy = copyExample();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  copy?.remove();
});

test('an act and a version published through instance A are served by instance B', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-two-'));
  const a = await instance(dataDir);
  const b = await instance(dataDir);
  const act = { id: 'test-order-4-2026', type: 'order', title: { kk: 'Сынақ', ru: 'Тест' }, status: 'in-force' };
  expect((await a('analyst', 'POST', '/admin/acts', act)).status).toBe(201);
  expect(await eventually(async () => (await b('analyst', 'GET', `/admin/acts/${act.id}`)).status === 200)).toBe(true);

  const drafts = `/admin/definitions/${EXAMPLE_ID}/drafts`;
  const legalRef = { act: act.id, paragraph: '1' };
  const draft = (
    await a('analyst', 'POST', drafts, {
      changes: [{ op: 'add', path: '/notes/-', value: { text: 'Added by test order 4.' }, legalRef }],
    })
  ).body;
  await a('reviewer', 'POST', `${drafts}/${draft.id}/approve`, { rev: draft.rev });
  const published = await a('analyst', 'POST', `${drafts}/${draft.id}/publish`, { effectiveFrom: '2026-04-01' });
  expect(published.status).toBe(200);
  const onB = async () =>
    ((await b(null, 'GET', `/services/${EXAMPLE_ID}/versions`)).body.items as Array<{ id: string }>).some(
      (v) => v.id === draft.definition.id,
    );
  expect(await eventually(onB)).toBe(true);
}, 60_000);
