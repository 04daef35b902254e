import { spawnSync } from 'node:child_process';
import { assertBuilt, CLI, copyExample, EXAMPLE_ID, positionOf, runValidate, type ExampleCopy } from './exampleCopy';
import { apartment, ORDER, order999Act, version999 } from './order999';

/**
 * The amendments-as-data contract on disk, end to end through the real CLI: order 999 (order999.ts) written as a
 * version `basedOn` the one it amends, with two cited changes, beside the files as an analyst would commit it.
 */

let copy: ExampleCopy;
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: copy.dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  assertBuilt();
  copy = copyExample();
  copy.write('shared/acts/order-999.json', JSON.stringify({ acts: { [ORDER]: order999Act() } }, null, 2));
  copy.write(`services/${EXAMPLE_ID}/versions/2026-order-999.json`, JSON.stringify(version999, null, 2));
  const entry = JSON.parse(copy.read(`services/${EXAMPLE_ID}/service.json`));
  entry.versions.push({ $include: 'versions/2026-order-999.json' });
  copy.write(`services/${EXAMPLE_ID}/service.json`, JSON.stringify(entry, null, 2));
  copy.write('data.json', JSON.stringify(apartment));
});
afterAll(() => copy?.remove());

test('the amending version validates', () => {
  const r = runValidate(copy, false);
  expect(r.stderr + r.stdout).not.toMatch(/error/i);
  expect(r.status).toBe(0);
});

test.each([
  // Friday 18.12.2026, before the order is in force: order 65's first working day (Monday 21.12).
  ['2026-12-18T10:00:00+05:00', '2026-order-65', '2026-12-21T18:30:00+05:00'],
  // Tuesday 22.12.2026, order 999 in force since 21.12: the second working day (Thursday 24.12).
  ['2026-12-22T10:00:00+05:00', '2026-order-999', '2026-12-24T18:30:00+05:00'],
])('an apartment application at %s gets %s, due %s', (at, version, due) => {
  const r = cli('simulate', EXAMPLE_ID, '--at', at, '--data', copy.path('data.json'), '--json');
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout);
  expect(out.version).toBe(version);
  expect(out.deadlines.find((d: { id: string }) => d.id === 'service').dueAt).toBe(due);
});

test('coverage names the act item that changed each element, its date in force and what stood before', () => {
  const r = cli('coverage', EXAMPLE_ID, '--json');
  const amendments = JSON.parse(r.stdout).amendments as Array<Record<string, unknown>>;
  expect(amendments).toEqual([
    expect.objectContaining({
      version: '2026-order-999',
      element: 'deadline `service` case 1 duration',
      op: 'replace',
      actItem: 'order No. 999 p.1 sub. 1',
      inForce: '2026-12-21',
      before: '1 workingDays',
      after: '2 workingDays',
    }),
    expect.objectContaining({
      element: 'refusalGround `object-under-arrest`',
      op: 'add',
      actItem: 'order No. 999 p.1 sub. 2',
    }),
  ]);
});

test('a change whose path the base lacks is a located error naming how far the path resolves', () => {
  const broken = structuredClone(version999);
  broken.changes[0].path = '/deadlines/0/cases/7/duration';
  const text = JSON.stringify(broken, null, 2);
  copy.write(`services/${EXAMPLE_ID}/versions/2026-order-999.json`, text);
  try {
    const r = runValidate(copy, true);
    expect(r.status).toBe(1);
    const problem = JSON.parse(r.stdout).problems.find((p: { code: string }) => p.code.startsWith('amendment.'));
    expect(problem).toMatchObject({
      file: `definitions/services/${EXAMPLE_ID}/versions/2026-order-999.json`,
      line: positionOf(text, '"path": "/deadlines/0/cases/7').line,
      params: { basePointer: '/deadlines/0/cases' },
    });
    expect(problem.message).toContain('/deadlines/0/cases/7/duration');
  } finally {
    copy.write(`services/${EXAMPLE_ID}/versions/2026-order-999.json`, JSON.stringify(version999, null, 2));
  }
});
