// The calendar past its data (issue 16): years after coverage.to are computed from the statutes in the data and
// provisional; deadlines across them are computed and say so. Tests may read files; the engine may not.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDuration } from './addDuration';
import type { CalendarData, ScheduleData } from './calendarData';
import { calendarYear } from './calendarYear';
import { daysFromCivil } from './civilDate';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';
import { lunarIsoDates } from './lunarDates';
import { parseInstant } from './parseInstant';
import { isProvisional } from './provisional';
import { registrationInstant } from './registrationInstant';
import { resumeDeadline } from './resumeDeadline';
import { subtractWorkingDays } from './subtractWorkingDays';

const dir = path.resolve(__dirname, '../../../definitions/calendars');
const read = <T>(f: string): T => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T;
const kz = read<CalendarData>('kz.calendar.json');
const schedule = read<ScheduleData>('schedules/provider-default.schedule.json');
const wt = compileWorkingTime(kz, schedule);
const kurban = kz.holidays.find((h) => h.id === 'kurban-ait')!;

describe('Kurban ait from the Islamic calendar (lunarDate of kz.calendar.json)', () => {
  test('matches most announced dates 2012–2026', () => {
    const announced = (kz.movableDates ?? []).filter((m) => m.holiday === 'kurban-ait' && !m.provisional);
    const misses: string[] = [];
    for (const m of announced) {
      const y = +m.date.slice(0, 4);
      const computed = lunarIsoDates(kurban.lunarDate!, daysFromCivil(y, 1, 1), daysFromCivil(y, 12, 31));
      if (!computed.includes(m.date)) misses.push(`${m.date} (computed ${computed.join(', ')})`);
    }
    // Printed for the report: which variant, how many matched.
    console.log(
      `Kurban ait, ${kurban.lunarDate!.calendar}: ${announced.length - misses.length} of ${announced.length} ` +
        `announced dates matched; misses: ${misses.join('; ') || 'none'}`,
    );
    expect(announced.length).toBeGreaterThanOrEqual(15);
    expect(announced.length - misses.length).toBeGreaterThanOrEqual(13);
  });

  test('an unknown Intl calendar is refused, not silently Gregorian', () => {
    const bad = {
      ...kz,
      holidays: kz.holidays.map((h) =>
        h.id === 'kurban-ait' ? { ...h, lunarDate: { ...h.lunarDate!, calendar: 'nope' } } : h,
      ),
    };
    expect(() => compileWorkingTime(bad, schedule)).toThrow(/kurban-ait.*"nope"/);
  });
});

describe('a year computed from the statutes (2031)', () => {
  const y = calendarYear(wt, 2031);
  test('is provisional with the reason and its computed days off', () => {
    expect(y.provisional).toBe(true);
    expect(y.provisionalReason).toMatchObject({ code: 'term.provisional', params: { computedFrom: '2031-01-01' } });
    expect(y.provisionalReason!.text.en).toMatch(/computed from the statutes.*decree on transfers/);
    const dates = y.provisionalDays!.map((d) => d.date);
    // 2031: New Year Wed–Thu; Nauryz Fri 21, its Sat–Sun days off move to Mon 24 and Tue 25 March.
    expect(dates).toEqual(expect.arrayContaining(['2031-01-01', '2031-01-02', '2031-03-21', '2031-12-16']));
    expect(y.provisionalDays!.every((d) => d.params?.provisional === true)).toBe(true);
  });
  test('Kurban ait is computed, said to be from the Islamic calendar, and never moved', () => {
    const [date] = lunarIsoDates(kurban.lunarDate!, daysFromCivil(2031, 1, 1), daysFromCivil(2031, 12, 31));
    const day = y.provisionalDays!.find((d) => d.params?.holiday === 'kurban-ait');
    expect(day?.date).toBe(date);
    expect(day?.text.en).toMatch(/Islamic calendar/);
  });
  test('has no transfers and twelve months summing to the year', () => {
    expect(y.months.flatMap((m) => m.workingWeekendDays)).toEqual([]);
    expect(y.workingDays).toBe(y.months.reduce((s, m) => s + m.workingDays, 0));
  });
});

describe('deadlines across New Year 2028', () => {
  test('2027-12-24 + 10 working days is computed and provisional, and says which days were computed', () => {
    const from = parseInstant('2027-12-24T10:00:00+05:00');
    const r = addDuration(wt, from, { amount: 10, unit: 'workingDays' });
    // 27–31 Dec (5); 1–2 Jan 2028 Sat–Sun move to Mon 3, Tue 4; 5, 6 (7); 7 Jan Orthodox Christmas; 10, 11, 12.
    expect(formatInstant(wt, r.dueAt)).toBe('2028-01-12T18:30:00+05:00');
    expect(r.provisional).toBe(true);
    expect(isProvisional(r.explanation)).toBe(true);
    const moved = r.explanation.find((e) => e.date === '2028-01-03');
    expect(moved?.params).toMatchObject({ reason: 'movedHoliday', provisional: true });
    expect(moved?.text.en).toMatch(/computed from the statutes/);
    const last = r.explanation[r.explanation.length - 1];
    expect(last).toMatchObject({ code: 'term.provisional', params: { computedFrom: '2028-01-01' } });
    expect(JSON.parse(JSON.stringify(r)).provisional).toBe(true);
  });
  test('a term inside entered, announced data is not provisional', () => {
    const r = addDuration(wt, parseInstant('2026-12-01T10:00:00+05:00'), { amount: 10, unit: 'workingDays' });
    expect(r.provisional).toBe(false);
    expect(isProvisional(r.explanation)).toBe(false);
  });
  test('an estimated movable date (Kurban ait 2027) makes a term across it provisional', () => {
    const r = addDuration(wt, parseInstant('2027-05-10T10:00:00+05:00'), { amount: 10, unit: 'workingDays' });
    expect(r.provisional).toBe(true);
    expect(r.explanation.at(-1)).toMatchObject({ params: { estimated: '2027-05-16' } });
  });
  test('calendar days: only the last day and its shift count', () => {
    const inside = addDuration(wt, parseInstant('2027-05-01T10:00:00+05:00'), { amount: 30, unit: 'calendarDays' });
    expect(inside.provisional).toBe(false);
    const across = addDuration(wt, parseInstant('2027-12-20T10:00:00+05:00'), { amount: 30, unit: 'calendarDays' });
    expect(across.provisional).toBe(true);
  });
  test('registration, suspension and "before the deadline" carry the flag too', () => {
    expect(registrationInstant(wt, parseInstant('2027-12-31T20:00:00+05:00')).provisional).toBe(true);
    expect(registrationInstant(wt, parseInstant('2027-12-30T20:00:00+05:00')).provisional).toBe(false);
    const due = parseInstant('2028-01-12T18:30:00+05:00');
    const resumed = resumeDeadline(
      wt,
      due,
      parseInstant('2027-12-28T10:00:00+05:00'),
      parseInstant('2028-01-05T10:00:00+05:00'),
      'workingDays',
    );
    expect(resumed.provisional).toBe(true);
    expect(isProvisional(resumed.explanation)).toBe(true);
    expect(subtractWorkingDays(wt, due, 2).provisional).toBe(true);
  });
  test('years before the data or past 2100 stay out of coverage', () => {
    expect(() => calendarYear(wt, 2011)).toThrow(/calendar data covers only 2012-01-01 – 2100-12-31/);
    expect(() => calendarYear(wt, 2101)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'calendar.outOfCoverage' }) }),
    );
  });
});

describe('the analyst enters the 2028 decree', () => {
  // Extending coverage.to is what says "the year's acts are entered"; the movable date comes from the announcement.
  const entered: CalendarData = {
    ...kz,
    coverage: { ...kz.coverage, to: '2028-12-31' },
    movableDates: [
      ...(kz.movableDates ?? []),
      { holiday: 'kurban-ait', date: '2028-05-05', source: 'dumk-kurban-ait' },
    ],
    transfers: [
      ...(kz.transfers ?? []),
      { date: '2028-01-05', type: 'dayOff', instead: '2028-01-08', source: 'labour-code-2015' },
      { date: '2028-01-08', type: 'workingDay', instead: '2028-01-05', source: 'labour-code-2015' },
    ],
  };
  const w = compileWorkingTime(entered, schedule);
  test('2028 is no longer provisional and the transfer moves the deadline', () => {
    expect(calendarYear(w, 2028).provisional).toBe(false);
    const r = addDuration(w, parseInstant('2027-12-24T10:00:00+05:00'), { amount: 10, unit: 'workingDays' });
    expect(r.provisional).toBe(false);
    // 5 Jan off, Saturday 8 Jan working: still ten working days by Wednesday 12 January.
    expect(formatInstant(w, r.dueAt)).toBe('2028-01-12T18:30:00+05:00');
    expect(calendarYear(w, 2029).provisional).toBe(true);
  });
});
