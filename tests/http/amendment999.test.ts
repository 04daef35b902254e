import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../runtime/src/server';
import { CLI, copyExample, EXAMPLE_ID, REPO, type ExampleCopy } from '../definitions/exampleCopy';

/**
 * The amendments-as-data issue's worked example, end to end over HTTP on loopback and without touching a file:
 * "Order No. 999 of the Minister of Justice of 1 December 2026 amends order 156: in Annex 2, row 3, the term for
 * housing objects becomes the second working day; a refusal ground is added ('the object is under arrest recorded in
 * the legal cadastre'); in force ten calendar days after first official publication; published 10 December 2026."
 * → in force 21.12.2026; an application registered 18.12.2026 gets version 65 and the first working day, one
 * registered 22.12.2026 gets version 999 and the second working day. (Not a real act: the example.)
 */

const SERVICE = EXAMPLE_ID;
const ORDER = 'moj-order-999-2026';
const order999 = {
  id: ORDER,
  type: 'order',
  issuer: { kk: 'Қазақстан Республикасы Әділет министрі', ru: 'Министр юстиции Республики Казахстан' },
  title: {
    kk: 'Қазақстан Республикасы Әділет министрінің 2013 жылғы 6 мамырдағы № 156 бұйрығына өзгерістер енгізу туралы',
    ru: 'О внесении изменений в приказ Министра юстиции Республики Казахстан от 6 мая 2013 года № 156',
  },
  number: '999',
  date: '2026-12-01',
  publication: { date: null, note: 'Not yet published when registered.' },
  entryIntoForce: { afterPublication: { act: ORDER, calendarDays: 10 } },
  status: 'in-force',
  amends: ['moj-order-156-2013'],
  note: "The amendments-as-data issue's worked example, not a real act.",
};
const item = (subparagraph: string) => ({ act: ORDER, paragraph: '1', subparagraph });
const underArrest = {
  id: 'object-under-arrest',
  kind: 'refusal',
  decidedBy: 'officer',
  text: {
    kk: 'объектіге құқықтық кадастрда тіркелген тыйым салынуы',
    ru: 'наличие ареста объекта, зарегистрированного в правовом кадастре',
  },
  message: {
    kk: 'Объектіге құқықтық кадастрда тіркелген тыйым салынған.',
    ru: 'На объект наложен арест, зарегистрированный в правовом кадастре.',
  },
  legalRef: item('2'),
  when: { fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true },
};
const apartment = {
  applicant: { kind: 'individual', iin: '900101300017', fullName: 'Сейітова Айгүл' },
  object: { cadastralNumber: '20-321-001-123', kind: 'apartment' },
  request: { signedWith: 'eds' },
  payment: { viaGateway: true },
  consentToPersonalData: true,
};

let copy: ExampleCopy;
let dataDir: string;
let server: RunningServer;
let api: string;
let clock = new Date('2026-12-07T10:00:00+05:00');
const tokens: Record<string, string> = {};

async function as(username: string, method: string, path: string, body?: unknown) {
  if (!tokens[username]) {
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    tokens[username] = ((await login.json()) as { token: string }).token;
  }
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[username]}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  copy = copyExample();
  cpSync(join(REPO, 'seeds'), join(copy.dir, 'seeds'), { recursive: true });
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: (dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-999-'))),
    definitionsRoot: copy.definitions,
    demo: true,
    now: () => clock,
    schedulerIntervalMs: 3_600_000,
  });
  api = `http://127.0.0.1:${server.port}/api/v1`;
}, 90_000);
afterAll(async () => {
  await server?.close();
  copy?.remove();
});

test('order 999 registered, drafted, checked, approved, published and applied by date — all over HTTP', async () => {
  const drafts = `/admin/definitions/${SERVICE}/drafts`;
  expect((await as('analyst', 'POST', '/admin/acts', order999)).status).toBe(201);

  // The draft amends the latest published version, each change citing the item of order 999 that makes it.
  const created = await as('analyst', 'POST', drafts, { note: 'Order No. 999', legalRef: item('1') });
  expect(created.status).toBe(201);
  const draft = created.body;
  expect(draft).toMatchObject({ rev: 1, baseVersion: '2026-order-65', definition: { basedOn: '2026-order-65' } });
  const version = {
    id: '2026-order-999',
    label: { kk: '№ 999 бұйрықпен өзгертілген редакция', ru: 'Редакция с изменениями приказа № 999' },
    producedBy: ['moj-order-156-2013', 'moj-order-65-2026', ORDER],
    effectiveFrom: { actEntersIntoForce: ORDER },
    basedOn: '2026-order-65',
    changes: [
      { op: 'replace', path: '/deadlines/0/cases/0/duration', value: '2 workingDays', legalRef: item('1') },
      { op: 'add', path: '/refusalGrounds/-', value: underArrest, legalRef: item('2') },
    ],
  };
  const saved = await as('analyst', 'PUT', `${drafts}/${draft.id}`, { rev: 1, version, expectedFrom: '2026-12-21' });
  expect(saved.status).toBe(200);
  expect(saved.body.rev).toBe(2);

  // Two analysts on one draft: a save from an old revision is a 409 that says what changed, not an overwrite.
  const stale = await as('reviewer', 'PUT', `${drafts}/${draft.id}`, { rev: 1, note: 'mine' });
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ code: 'draft.changed', rev: 2 });
  expect(stale.body.changes.length).toBeGreaterThan(0);

  const check = (await as('analyst', 'POST', `${drafts}/${draft.id}/check`)).body;
  expect(check.problems).toEqual([]);
  expect(check.changes).toEqual([
    expect.objectContaining({
      element: 'deadline `service` case 1 duration',
      actItem: 'order No. 999 p.1 sub. 1',
      before: '1 workingDays',
      after: '2 workingDays',
    }),
    expect.objectContaining({ element: 'refusalGround `object-under-arrest`', actItem: 'order No. 999 p.1 sub. 2' }),
  ]);
  // Scenarios dated before 21.12.2026 keep testing order 65; those after it (if any) would show here.
  for (const i of check.impact.filter((x: { passed: boolean }) => !x.passed))
    expect(Date.parse(i.after.due) > Date.parse(i.before.due)).toBe(true);
  // The demo's open applications are listed with their state and due instant; an apartment one would move.
  expect(check.openApplications.length).toBeGreaterThan(0);
  expect(check.openApplications[0]).toEqual(
    expect.objectContaining({ version: '2026-order-65', state: expect.any(String), affected: expect.any(Boolean) }),
  );

  // Four eyes: the author cannot approve; the reviewer approves revision 2.
  expect((await as('analyst', 'POST', `${drafts}/${draft.id}/approve`, { rev: 2 })).status).toBe(403);
  expect((await as('reviewer', 'POST', `${drafts}/${draft.id}/approve`, { rev: 2 })).status).toBe(200);

  // Not yet published: the version cannot take its date.
  expect((await as('analyst', 'POST', `${drafts}/${draft.id}/publish`, {})).body.code).toBe('draft.noDate');
  // Published 10 December 2026: the registry gets the date, the version takes effect 10 days later.
  const patched = await as('analyst', 'PATCH', `/admin/acts/${ORDER}`, { publication: { date: '2026-12-10' } });
  expect(patched.status).toBe(200);
  const published = await as('analyst', 'POST', `${drafts}/${draft.id}/publish`, {});
  expect(published.body).toEqual({ version: '2026-order-999', effectiveFrom: '2026-12-21', rev: 2 });

  const audit = await as('admin', 'GET', `/admin/audit?subject=definition:${SERVICE}`);
  const publication = audit.body.items.find((e: { action: string }) => e.action === 'definition.publish');
  expect(publication.details).toMatchObject({ rev: 2, acts: [ORDER], effectiveFrom: '2026-12-21' });
  expect(publication.details.author).not.toBe(publication.details.approver);

  // Applications take the version in force at their registration.
  const apply = async (at: string) => {
    clock = new Date(at);
    // Sessions expire: days later the applicant signs in again.
    delete tokens.applicant;
    return (await as('applicant', 'POST', '/applications', { serviceId: SERVICE, data: apartment })).body;
  };
  const before = await apply('2026-12-18T10:00:00+05:00');
  expect(before.version).toBe('2026-order-65');
  expect(before.deadlines).toContainEqual(
    expect.objectContaining({ id: 'service', dueAt: '2026-12-21T18:30:00+05:00' }),
  );
  const after = await apply('2026-12-22T10:00:00+05:00');
  expect(after.version).toBe('2026-order-999');
  expect(after.deadlines).toContainEqual(
    expect.objectContaining({ id: 'service', dueAt: '2026-12-24T18:30:00+05:00' }),
  );
}, 60_000);

test('a new draft starts from the latest published version even while it waits for its date; a draft can be discarded', async () => {
  clock = new Date('2026-12-08T10:00:00+05:00');
  for (const u of Object.keys(tokens)) delete tokens[u];
  const drafts = `/admin/definitions/${SERVICE}/drafts`;
  const next = await as('analyst', 'POST', drafts, {});
  // Order 999 is published but in force only from 21.12: the next amendment builds on it, not on order 65.
  expect(next.body.baseVersion).toBe('2026-order-999');
  expect(next.body.materialised.refusalGrounds.map((g: { id: string }) => g.id)).toContain('object-under-arrest');
  const discarded = await as('analyst', 'DELETE', `${drafts}/${next.body.id}`);
  expect(discarded.body.discardedAt).not.toBeNull();
  const open = (await as('analyst', 'GET', drafts)).body.items.map((d: { id: string }) => d.id);
  expect(open).not.toContain(next.body.id);
  expect((await as('analyst', 'PUT', `${drafts}/${next.body.id}`, { rev: 2, note: 'x' })).status).toBe(409);
});

test('qyzmet export writes the published version as basedOn + changes that validate and test accept', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'qyzmet-export-')), 'definitions');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: copy.dir, encoding: 'utf8', timeout: 60_000 });
  const exported = cli('export', SERVICE, '--data', dataDir, '--definitions', copy.definitions, '--out', out, '--json');
  expect(exported.stderr).toBe('');
  expect(JSON.parse(exported.stdout)).toMatchObject({ versions: ['versions/2026-order-999.json'] });
  const written = JSON.parse(readFileSync(join(out, 'services', SERVICE, 'versions', '2026-order-999.json'), 'utf8'));
  expect(written).toMatchObject({ basedOn: '2026-order-65', changes: [{ op: 'replace' }, { op: 'add' }] });
  // The act entered through the API (with its publication date) goes with it.
  const acts = JSON.parse(readFileSync(join(out, 'shared', 'acts', 'registered-through-api.json'), 'utf8')).acts;
  expect(acts[ORDER].publication.date).toBe('2026-12-10');
  const validate = cli('validate', out);
  expect(validate.stdout + validate.stderr).toContain('valid');
  expect(validate.status).toBe(0);
  const scenarios = cli('test', SERVICE, '--definitions', out);
  expect(scenarios.stdout.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
  expect(scenarios.status).toBe(0);
});
