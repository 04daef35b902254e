import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, EXAMPLE_ID } from '../definitions/exampleCopy';
import { apartment, expectAppliedByDate, item, ORDER, order999Act, version999 } from '../definitions/order999';
import { serveExampleCopy } from './testServer';

/**
 * Order 999 (the worked example of order999.ts) end to end over HTTP on loopback, without touching a file: in force
 * 21.12.2026; an application registered 18.12.2026 gets version 65 and the first working day, one registered
 * 22.12.2026 gets version 999 and the second working day.
 */

const SERVICE = EXAMPLE_ID;

let clock = new Date('2026-12-07T10:00:00+05:00');
const example = serveExampleCopy(() => clock);
const as = (username: string | null, method: string, path: string, body?: unknown) =>
  example.t.as(username, method, path, body);

test('order 999 registered, drafted, checked, approved, published and applied by date — all over HTTP', async () => {
  const drafts = `/admin/definitions/${SERVICE}/drafts`;
  expect((await as('analyst', 'POST', '/admin/acts', { id: ORDER, ...order999Act(null) })).status).toBe(201);

  // The draft amends the latest published version, each change citing the item of order 999 that makes it.
  const created = await as('analyst', 'POST', drafts, { note: 'Order No. 999', legalRef: item('1') });
  expect(created.status).toBe(201);
  const draft = created.body;
  expect(draft).toMatchObject({ rev: 1, baseVersion: '2026-order-65', definition: { basedOn: '2026-order-65' } });
  const saved = await as('analyst', 'PUT', `${drafts}/${draft.id}`, {
    rev: 1,
    version: version999,
    expectedFrom: '2026-12-21',
  });
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
      // Not yet published: dated as the analyst expects it.
      inForce: '2026-12-21',
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
    // Sessions expire: days later everyone signs in again.
    example.t.forget();
    return (await as('applicant', 'POST', '/applications', { serviceId: SERVICE, data: apartment })).body;
  };
  await expectAppliedByDate(apply);
}, 60_000);

test('a new draft starts from the latest published version even while it waits for its date; a draft can be discarded', async () => {
  clock = new Date('2026-12-08T10:00:00+05:00');
  example.t.forget();
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
    spawnSync(process.execPath, [CLI, ...args], {
      cwd: example.copy.dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ...(example.t.mongodbUrl ? { MONGODB_URL: example.t.mongodbUrl } : {}) },
    });
  const exported = cli(
    'export',
    SERVICE,
    '--data',
    example.t.dataDir,
    '--definitions',
    example.copy.definitions,
    '--out',
    out,
    '--json',
  );
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
