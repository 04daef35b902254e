import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DateTime } from 'luxon';
import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime, DayReason, type WorkingTime } from './compileWorkingTime';
import { civilFromDays, parseIsoDate } from './civilDate';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

const cal = calendar as CalendarData;
const wt = compileWorkingTime(cal, schedules['provider-default'] as ScheduleData);
const idx = (iso: string) => parseIsoDate(iso)! - wt.firstEpochDay;

describe("this runtime's ICU knows Kazakhstan's 2024 offset change (else the calendar needs an explicit list)", () => {
  test.each([
    ['2024-02-29T12:00', 360],
    ['2024-02-29T22:59', 360],
    ['2024-03-01T00:00', 300],
    ['2024-03-01T09:00', 300],
    ['2023-12-31T12:00', 360],
    ['2025-06-03T18:30', 300],
  ])('Asia/Almaty %s has offset %i min', (local, offset) => {
    expect(DateTime.fromISO(local, { zone: 'Asia/Almaty' }).offset).toBe(offset);
  });
});

describe('compileWorkingTime tables', () => {
  test('29 February 2024 lasts 25 hours in Asia/Almaty (clocks went back at midnight)', () => {
    const d = idx('2024-02-29');
    expect(wt.dayStart[d + 1] - wt.dayStart[d]).toBe(25 * 3_600_000);
    expect(wt.offsetMinutes[d]).toBe(360);
    expect(wt.offsetMinutes[d + 1]).toBe(300);
    expect(wt.dayStart[d + 1]).toBe(Date.parse('2024-03-01T00:00:00+05:00'));
  });

  test('a second schedule of the calendar has the same midnights in tables of its own', () => {
    const other = compileWorkingTime(cal, schedules['round-the-clock'] as ScheduleData);
    const d = idx('2024-02-29');
    expect(other.dayStart).toEqual(wt.dayStart);
    expect(other.offsetMinutes).toEqual(wt.offsetMinutes);
    other.dayStart[d] = 0;
    expect(compileWorkingTime(cal, schedules['round-the-clock'] as ScheduleData).dayStart[d]).toBe(wt.dayStart[d]);
    expect(wt.dayStart[d]).toBe(Date.parse('2024-02-29T00:00:00+06:00'));
  });

  test('working intervals on the days around the change use the right offsets', () => {
    const K = wt.slots;
    const d = idx('2024-02-29');
    expect(wt.intervalStart[d * K]).toBe(Date.parse('2024-02-29T09:00:00+06:00'));
    expect(wt.intervalEnd[d * K + 1]).toBe(Date.parse('2024-02-29T18:30:00+06:00'));
    expect(wt.intervalStart[(d + 1) * K]).toBe(Date.parse('2024-03-01T09:00:00+05:00'));
  });

  test.each([
    ['2025-03-08', DayReason.holiday],
    ['2025-03-10', DayReason.movedHoliday],
    ['2025-03-24', DayReason.movedHoliday],
    ['2025-03-25', DayReason.movedHoliday],
    ['2025-03-26', DayReason.working],
    ['2025-01-03', DayReason.transfer],
    ['2025-01-05', DayReason.workingByTransfer],
    ['2025-01-07', DayReason.holiday],
    ['2024-01-07', DayReason.holiday],
    ['2024-01-08', DayReason.working],
    ['2024-07-08', DayReason.movedHoliday],
    ['2024-06-17', DayReason.working],
    ['2026-12-31', DayReason.extra],
    ['2025-06-07', DayReason.weekend],
  ])('%s is classified %i', (iso, reason) => {
    expect(wt.reason[idx(iso)]).toBe(reason);
  });

  test('religious days never move: Orthodox Christmas on Sunday 7 January 2024 leaves Monday working', () => {
    expect(wt.working[idx('2024-01-08')]).toBe(1);
    expect(wt.details[idx('2024-01-07')]?.onWeekend).toBe(true);
  });

  test('a moved day off passes other holidays: New Year on Sat/Sun 2028 would move past each other', () => {
    const c: CalendarData = {
      ...cal,
      coverage: { from: '2027-12-01', to: '2028-01-31' },
      transfers: [],
      extraDaysOff: [],
      movableDates: [],
    };
    const w = compileWorkingTime(c, schedules['provider-default'] as ScheduleData);
    const i = (iso: string) => parseIsoDate(iso)! - w.firstEpochDay;
    // 2028-01-01 Sat, 01-02 Sun → days off Mon 3 and Tue 4; Orthodox Christmas Fri 7.
    expect(w.details[i('2028-01-03')]).toMatchObject({ reason: 'movedHoliday', movedFrom: '2028-01-01' });
    expect(w.details[i('2028-01-04')]).toMatchObject({ reason: 'movedHoliday', movedFrom: '2028-01-02' });
    expect(w.working[i('2028-01-05')]).toBe(1);
  });

  test('a holiday no longer in force is a working day (17 December after 2021)', () => {
    expect(wt.working[idx('2024-12-17')]).toBe(1);
  });

  test('prefix sums count working days', () => {
    const a = idx('2025-03-01');
    const b = idx('2025-04-01');
    let n = 0;
    for (let d = a; d < b; d++) n += wt.working[d];
    expect(wt.workingBefore[b] - wt.workingBefore[a]).toBe(n);
    expect(n).toBe(21 - 4); // 21 weekdays; 10, 21, 24, 25 off
  });

  test('bad schedule hours are a definition error with a pointer', () => {
    const bad = { ...schedules['provider-default'], hours: [{ from: '9:00', to: '13:00' }] } as ScheduleData;
    expect(() => compileWorkingTime(cal, bad)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({ code: 'calendar.badSchedule', kind: 'definition' }),
      }),
    );
    const overlap = {
      ...schedules['provider-default'],
      hours: [
        { from: '09:00', to: '13:00' },
        { from: '12:00', to: '18:00' },
      ],
    } as ScheduleData;
    expect(() => compileWorkingTime(cal, overlap)).toThrow(/hours\/1/);
  });

  test('an unknown movable holiday is refused', () => {
    const c = { ...cal, movableDates: [{ holiday: 'nope', date: '2025-01-01' }] };
    expect(() => compileWorkingTime(c, schedules['provider-default'] as ScheduleData)).toThrow(
      /unknown holiday "nope"/,
    );
  });
});

describe('the tables of the repository’s calendar are those of the luxon path', () => {
  const dir = path.resolve(__dirname, '../../../definitions/calendars');
  const read = <T>(f: string): T => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T;
  const kz = read<CalendarData>('kz.calendar.json');
  const scheduleFiles = fs.readdirSync(path.join(dir, 'schedules')).filter((f) => f.endsWith('.schedule.json'));

  /** The midnights as compileWorkingTime read them before: luxon once a week, day by day around a change. */
  function luxonMidnights(first: number, n: number, zone: string, dayStart: Float64Array, offsets: Int16Array) {
    const read = (i: number) => {
      const dt = DateTime.fromObject(civilFromDays(first + i), { zone });
      if (!dt.isValid) return false;
      dayStart[i] = dt.toMillis();
      offsets[i] = dt.offset;
      return true;
    };
    if (!read(0)) return false;
    for (let a = 0; a < n; a += 7) {
      const b = Math.min(a + 7, n);
      read(b);
      if (offsets[a] === offsets[b] && dayStart[b] - dayStart[a] === (b - a) * 86_400_000) {
        for (let i = a + 1; i < b; i++) {
          dayStart[i] = dayStart[a] + (i - a) * 86_400_000;
          offsets[i] = offsets[a];
        }
      } else for (let i = a + 1; i < b; i++) read(i);
    }
    return true;
  }

  const luxonFill = jest.fn(luxonMidnights);
  let viaLuxon: typeof compileWorkingTime;
  beforeAll(async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('./localMidnights', () => ({ fillMidnights: luxonFill }));
      ({ compileWorkingTime: viaLuxon } = await import('./compileWorkingTime'));
    });
  });

  test.each(scheduleFiles)('%s', (file) => {
    const schedule = read<ScheduleData>(`schedules/${file}`);
    const got = compileWorkingTime(kz, schedule);
    const want = viaLuxon(kz, schedule);
    expect(luxonFill).toHaveBeenCalled();
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    // Typed tables byte for byte (so -0 and NaN count too), the rest by value.
    const differ = Object.entries(got).filter(([k, v]) => {
      const w = want[k as keyof WorkingTime];
      if (!ArrayBuffer.isView(v) || !ArrayBuffer.isView(w)) return !isDeepStrictEqual(v, w);
      return v.constructor !== w.constructor || !Buffer.from(v.buffer).equals(Buffer.from(w.buffer));
    });
    expect(differ.map(([k]) => k)).toEqual([]);
    for (let i = 0; i < got.dayCount; i++) {
      const c = civilFromDays(got.firstEpochDay + i);
      if (got.civilYear[i] !== c.year || got.civilMonth[i] !== c.month || got.civilDay[i] !== c.day)
        throw new Error(`civil date of day ${i}: ${got.civilYear[i]}-${got.civilMonth[i]}-${got.civilDay[i]}`);
    }
  });

  test('an unknown time zone is refused as before', () => {
    const c = { ...kz, timeZone: 'Mars/Olympus_Mons' };
    const s = { ...read<ScheduleData>('schedules/provider-default.schedule.json'), timeZone: undefined };
    for (const compile of [compileWorkingTime, viaLuxon])
      expect(() => compile(c, s)).toThrow(
        expect.objectContaining({
          message: expect.stringContaining(`time zone "Mars/Olympus_Mons" is not known to this runtime's ICU data`),
          problem: expect.objectContaining({ code: 'calendar.badCalendarData', kind: 'definition' }),
        }),
      );
  });
});
