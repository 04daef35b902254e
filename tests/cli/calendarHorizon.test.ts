import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Issue 16, the calendar horizon, through the real binary (built by tsc -b) on the real definitions: years past the
// data are computed from the statutes and provisional, so deadlines after 1 January 2028 are computed.
const repo = resolve(__dirname, '../..');
const bin = join(repo, 'runtime/bin/qyzmet.js');
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });

interface Item {
  code: string;
  date?: string;
  params?: Record<string, unknown>;
  text: { kk: string; ru: string; en: string };
}

describe('qyzmet calendar past the data', () => {
  test('2031 --json answers with provisional days and why', () => {
    const r = run(['calendar', '2031', '--json']);
    expect(r.status).toBe(0);
    const cal = JSON.parse(r.stdout);
    expect(cal.year).toBe(2031);
    expect(cal.months).toHaveLength(12);
    expect(cal.provisional).toBe(true);
    expect(cal.provisionalReason.code).toBe('term.provisional');
    expect(cal.provisionalReason.text.ru).toMatch(/постановление о переносах ещё не внесено/);
    const days = cal.provisionalDays as Item[];
    expect(days.map((d) => d.date)).toEqual(expect.arrayContaining(['2031-01-01', '2031-03-24', '2031-12-16']));
    expect(days.every((d) => d.params?.provisional === true)).toBe(true);
    // Kurban ait from the Islamic calendar, a day off (listed under its month) that never moves.
    const kurban = days.find((d) => d.params?.holiday === 'kurban-ait')!;
    expect(kurban.text.en).toMatch(/Islamic calendar/);
    expect(cal.months[+kurban.date!.slice(5, 7) - 1].daysOff).toContain(kurban.date);
  });

  test('the human output says the year is provisional', () => {
    const r = run(['calendar', '2031', '--lang', 'kk']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Күнтізбе алдын ала/);
  });

  test('an entered year is not provisional', () => {
    const cal = JSON.parse(run(['calendar', '2026', '--json']).stdout);
    expect(cal.provisional).toBe(false);
    expect(cal.provisionalDays).toBeUndefined();
  });

  test.each(['2011', '2101'])('%s is outside the horizon: exit 1, calendar.outOfCoverage', (year) => {
    const r = run(['calendar', year, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('calendar.outOfCoverage');
    expect(r.stderr).toMatch(/2012-01-01 – 2100-12-31/);
  });
});

describe('qyzmet deadline across New Year 2028', () => {
  test('2027-12-24 + 10 working days: computed, provisional, and the computed days are named', () => {
    const r = run(['deadline', '--from', '2027-12-24T10:00:00+05:00', '--duration', '10 workingDays', '--json']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.dueAt).toBe('2028-01-12T18:30:00+05:00');
    expect(d.provisional).toBe(true);
    const items = d.explanation as Item[];
    expect(items.filter((e) => e.params?.provisional).map((e) => e.date)).toEqual([
      '2028-01-01',
      '2028-01-02',
      '2028-01-03',
      '2028-01-04',
      '2028-01-07',
    ]);
    expect(items.at(-1)).toMatchObject({ code: 'term.provisional', params: { computedFrom: '2028-01-01' } });
  });

  test('a term inside announced data is not provisional', () => {
    const r = run(['deadline', '--from', '2026-03-20T18:45:00+05:00', '--duration', '3 workingDays', '--json']);
    expect(JSON.parse(r.stdout).provisional).toBe(false);
  });
});

describe('qyzmet simulate before any version', () => {
  test('1990: exit 2 "no version in force", not a calendar error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qyzmet-horizon-'));
    const data = join(dir, 'data.json');
    writeFileSync(data, JSON.stringify({ applicant: { kind: 'individual', iin: '900101300017', fullName: 'Ә Б' } }));
    const r = run([
      'simulate',
      'cadastral-passport-duplicate',
      '--at',
      '1990-01-01T10:00:00+06:00',
      '--data',
      data,
      '--json',
    ]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('version.notInForce');
  });
});
