import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The CLI contracts of DESIGN.md, run through the real binary (built by `npm test`'s tsc -b) on the real definitions.
const repo = resolve(__dirname, '../..');
const bin = join(repo, 'runtime/bin/qyzmet.js');
const run = (args: string[], cwd = repo) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
const json = (r: ReturnType<typeof run>) => JSON.parse(r.stdout);

describe('qyzmet calendar', () => {
  test('2026 --json has the contract shape and the year is the sum of its months', () => {
    const r = run(['calendar', '2026', '--json']);
    expect(r.status).toBe(0);
    const cal = json(r);
    expect(cal.year).toBe(2026);
    expect(cal.months.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(cal.workingDays).toBe(cal.months.reduce((s: number, m: { workingDays: number }) => s + m.workingDays, 0));
    // Nauryz 2026: 21-22 March fall on Saturday and Sunday, so the days off move to 24 and 25 March.
    expect(cal.months[2].daysOff).toEqual(
      expect.arrayContaining(['2026-03-09', '2026-03-23', '2026-03-24', '2026-03-25']),
    );
  });

  test('a year outside the data exits 1 with a message', () => {
    const r = run(['calendar', '1990', '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1990|coverage/);
  });
});

describe('qyzmet deadline', () => {
  test('Friday after hours before Nauryz 2026: registered Thursday 26 March, 3 working days → Tuesday 31 March 18:30', () => {
    const r = run(['deadline', '--from', '2026-03-20T18:45:00+05:00', '--duration', '3 workingDays', '--json']);
    expect(r.status).toBe(0);
    const d = json(r);
    expect(Date.parse(d.registeredAt)).toBe(Date.parse('2026-03-26T09:00:00+05:00'));
    expect(Date.parse(d.dueAt)).toBe(Date.parse('2026-03-31T18:30:00+05:00'));
    expect(d.explanation.length).toBeGreaterThan(3);
  });

  test.each([
    ['3 fortnights', '2026-03-20T10:00:00+05:00'],
    ['3 workingDays', 'yesterday'],
    ['three workingDays', '2026-03-20T10:00:00+05:00'],
  ])('bad input (%s, %s) exits 1 without a stack trace', (duration, from) => {
    const r = run(['deadline', '--from', from, '--duration', duration, '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('qyzmet simulate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-sim-'));
  const data = join(dir, 'data.json');
  writeFileSync(
    data,
    JSON.stringify({
      applicant: { kind: 'individual', iin: '900101300017', fullName: 'Сейітова Айгүл' },
      object: { cadastralNumber: '20-321-001-123', kind: 'apartment' },
      request: { signedWith: 'eds' },
      payment: { viaGateway: true },
      consentToPersonalData: true,
    }),
  );

  test('result has the contract shape and a "service" deadline', () => {
    const r = run([
      'simulate',
      'cadastral-passport-duplicate',
      '--at',
      '2026-03-03T10:00:00+05:00',
      '--data',
      data,
      '--json',
    ]);
    expect(r.status).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({
      serviceId: 'cadastral-passport-duplicate',
      version: '2026-order-65',
      status: 'in-progress',
      state: 'archive-search',
      refusal: null,
    });
    expect(Date.parse(out.registeredAt)).toBe(Date.parse('2026-03-03T10:00:00+05:00'));
    // An apartment: the duplicate is issued on the first working day after registration (seed 003, line 517).
    expect(out.deadlines).toEqual([expect.objectContaining({ id: 'service', dueAt: '2026-03-04T18:30:00+05:00' })]);
    expect(Array.isArray(out.trace) && out.trace.length).toBeTruthy();
  });

  test('before the version took effect: exit 2 naming the versions and their dates', () => {
    const r = run(['simulate', 'cadastral-passport-duplicate', '--at', '2026-02-01T10:00:00+05:00', '--data', data]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/2026-order-65: from 2026-02-08/);
  });

  test('invalid data: exit 1 with the field pointer and a Kazakh message', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        applicant: { kind: 'individual', iin: '123', fullName: 'X' },
        object: { cadastralNumber: '20-321-001-123', kind: 'apartment' },
        request: { signedWith: 'eds' },
        payment: { viaGateway: true },
        consentToPersonalData: true,
      }),
    );
    const r = run(['simulate', 'cadastral-passport-duplicate', '--at', '2026-03-03T10:00:00+05:00', '--data', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/applicant\/iin: «ЖСН»/);
  });

  test('unknown service: exit 1', () => {
    expect(run(['simulate', 'no-such-service', '--at', '2026-03-03T10:00:00+05:00', '--data', data]).status).toBe(1);
  });
});

describe('qyzmet new, validate, test', () => {
  test('a scaffolded service validates and its scenario passes at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qyzmet-new-'));
    cpSync(join(repo, 'definitions'), join(dir, 'definitions'), { recursive: true });
    expect(run(['new', 'my-certificate'], dir).status).toBe(0);
    expect(run(['validate'], dir).status).toBe(0);
    const t = run(['test', 'my-certificate'], dir);
    expect(t.stdout.trim().split('\n').pop()).toBe('1 passed, 0 failed');
    expect(run(['new', 'Bad Id'], dir).status).toBe(1);
  });

  test('every scenario of the repository passes, and the last line is "N passed, N failed"', () => {
    const t = run(['test']);
    const last = t.stdout.trim().split('\n').pop();
    const m = /^(\d+) passed, 0 failed$/.exec(last ?? '');
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(t.status).toBe(0);
  });

  test('validate on the repository exits 0', () => {
    expect(run(['validate']).status).toBe(0);
  });
});
