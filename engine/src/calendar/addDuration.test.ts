import { addDuration, type Counting } from './addDuration';
import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';
import { parseDuration } from './parseDuration';
import { parseInstant } from './parseInstant';
import cases from './addDuration.cases.json';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

const wts = {
  'provider-default': compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData),
  'round-the-clock': compileWorkingTime(calendar as CalendarData, schedules['round-the-clock'] as ScheduleData),
};

interface Case {
  description: string;
  schedule?: keyof typeof wts;
  from: string;
  duration: string;
  counting?: Counting;
  dueAt: string;
  skipped?: string[];
  codes?: string[];
}

describe('addDuration (addDuration.cases.json, fixture calendar)', () => {
  test.each((cases as Case[]).map((c) => [c.description, c] as const))('%s', (_, c) => {
    const wt = wts[c.schedule ?? 'provider-default'];
    const r = addDuration(wt, parseInstant(c.from), parseDuration(c.duration), c.counting);
    expect(formatInstant(wt, r.dueAt)).toBe(c.dueAt);
    expect(r.dueAt).toBe(parseInstant(c.dueAt));
    const codes = r.explanation.map((e) => e.code);
    expect(codes[0]).toBe('term.start');
    expect(codes[codes.length - 1]).toBe('term.end');
    if (c.skipped) {
      expect(r.explanation.filter((e) => e.code === 'day.skipped').map((e) => e.date)).toEqual(c.skipped);
    }
    for (const code of c.codes ?? []) expect(codes).toContain(code);
    for (const e of r.explanation) {
      expect(e.text.kk.length).toBeGreaterThan(5);
      expect(e.text.ru.length).toBeGreaterThan(5);
      expect(e.text.en.length).toBeGreaterThan(5);
    }
  });
});

describe('addDuration explanations', () => {
  const wt = wts['provider-default'];
  test('Nauryz: moved days off name the holiday and the date they moved from', () => {
    const r = addDuration(wt, parseInstant('2025-03-20T12:00:00+05:00'), { amount: 3, unit: 'workingDays' });
    const moved = r.explanation.filter((e) => e.params?.reason === 'movedHoliday');
    expect(moved.map((e) => [e.date, e.params?.movedFrom])).toEqual([
      ['2025-03-24', '2025-03-22'],
      ['2025-03-25', '2025-03-23'],
    ]);
    expect(moved[0].text.kk).toContain('Наурыз мейрамы');
    expect(moved[0].text.ru).toContain('перенесённый с 22.03.2025');
    expect(r.explanation.find((e) => e.code === 'term.lastDay')?.date).toBe('2025-03-28');
    expect(r.explanation[r.explanation.length - 1].text.en).toContain('18:30');
  });

  test('a transfer names its source and the swapped date; a working Sunday is reported as counted', () => {
    const r = addDuration(wt, parseInstant('2024-12-30T10:00:00+05:00'), { amount: 5, unit: 'workingDays' });
    const tr = r.explanation.find((e) => e.params?.reason === 'transfer')!;
    expect(tr.date).toBe('2025-01-03');
    expect(tr.params).toMatchObject({ source: 'fixture-transfer', instead: '2025-01-05' });
    const sunday = r.explanation.find((e) => e.code === 'day.workingByTransfer')!;
    expect(sunday.date).toBe('2025-01-05');
    expect(sunday.text.kk).toContain('жексенбі');
  });

  test('the explanation is built once and is part of JSON output', () => {
    const r = addDuration(wt, parseInstant('2025-03-20T12:00:00+05:00'), { amount: 3, unit: 'workingDays' });
    expect(r.explanation).toBe(r.explanation);
    expect(JSON.parse(JSON.stringify(r)).explanation).toHaveLength(r.explanation.length);
  });
});

describe('addDuration errors', () => {
  const wt = wts['provider-default'];
  test('a term ending after the horizon (2100) is calendar.outOfCoverage', () => {
    expect(() =>
      addDuration(wt, parseInstant('2100-12-20T10:00:00+05:00'), { amount: 30, unit: 'workingDays' }),
    ).toThrow(expect.objectContaining({ problem: expect.objectContaining({ code: 'calendar.outOfCoverage' }) }));
  });
  test('an instant before coverage is calendar.outOfCoverage', () => {
    expect(() =>
      addDuration(wt, parseInstant('2023-01-01T10:00:00+06:00'), { amount: 1, unit: 'workingDays' }),
    ).toThrow(expect.objectContaining({ problem: expect.objectContaining({ code: 'calendar.outOfCoverage' }) }));
  });
  test('negative or fractional day amounts are refused', () => {
    const from = parseInstant('2025-06-03T10:00:00+05:00');
    expect(() => addDuration(wt, from, { amount: -1, unit: 'workingDays' })).toThrow(/non-negative/);
    expect(() => addDuration(wt, from, { amount: 1.5, unit: 'calendarDays' })).toThrow(/non-negative/);
  });
});
