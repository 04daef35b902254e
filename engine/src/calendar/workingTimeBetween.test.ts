import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime } from './compileWorkingTime';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';
import { workingTimeBetween } from './workingTimeBetween';

// 09:00–13:00 and 14:30–18:30 on working days: 8 working hours a day.
const wt = compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData);
const at = (iso: string) => Date.parse(iso);
const span = (from: string, to: string) => workingTimeBetween(wt, at(from), at(to));

describe('workingTimeBetween: whole working days, then the rest in hours and minutes', () => {
  test('Monday 10:00 to Wednesday 18:30: Tuesday and Wednesday whole, then Monday from 10:00 (3 h + 4 h)', () => {
    expect(span('2025-04-14T10:00:00+05:00', '2025-04-16T18:30:00+05:00')).toEqual({
      workingDays: 2,
      workingHours: 7,
      workingMinutes: 0,
    });
  });

  test('within one day, the lunch break does not count', () => {
    expect(span('2025-04-14T10:15:00+05:00', '2025-04-14T16:00:00+05:00')).toEqual({
      workingDays: 0,
      workingHours: 4,
      workingMinutes: 15,
    });
  });

  test('one whole working day, opening to closing', () => {
    expect(span('2025-04-14T08:00:00+05:00', '2025-04-14T18:30:00+05:00')).toEqual({
      workingDays: 1,
      workingHours: 0,
      workingMinutes: 0,
    });
  });

  test('over a weekend only the working hours of Friday and Monday count', () => {
    expect(span('2025-04-18T17:00:00+05:00', '2025-04-21T10:00:00+05:00')).toEqual({
      workingDays: 0,
      workingHours: 2,
      workingMinutes: 30,
    });
  });

  test('over the Nauryz holidays (21–25 March 2025 days off) the days off are not working days', () => {
    // Thursday 20 March 18:30 to Wednesday 26 March 18:30: only 26 March is worked.
    expect(span('2025-03-20T18:30:00+05:00', '2025-03-26T18:30:00+05:00')).toEqual({
      workingDays: 1,
      workingHours: 0,
      workingMinutes: 0,
    });
  });

  test('nothing when the second instant is not after the first', () => {
    expect(span('2025-04-16T18:30:00+05:00', '2025-04-14T10:00:00+05:00')).toEqual({
      workingDays: 0,
      workingHours: 0,
      workingMinutes: 0,
    });
  });
});
