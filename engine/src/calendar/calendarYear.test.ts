import type { CalendarData, ScheduleData } from './calendarData';
import { calendarYear } from './calendarYear';
import { compileWorkingTime } from './compileWorkingTime';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

const wt = compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData);

describe('calendarYear (qyzmet calendar --json contract)', () => {
  const y = calendarYear(wt, 2025);
  test('shape: year, 12 months, total', () => {
    expect(y.year).toBe(2025);
    expect(y.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(y.workingDays).toBe(y.months.reduce((s, m) => s + m.workingDays, 0));
  });
  test('daysOff lists weekdays that are off; a holiday on a weekend is not listed, its moved day is', () => {
    expect(y.months[2].daysOff).toEqual(['2025-03-10', '2025-03-21', '2025-03-24', '2025-03-25']);
    expect(y.months[0].daysOff).toEqual(['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-07']);
  });
  test('workingWeekendDays lists weekend days made working', () => {
    expect(y.months[0].workingWeekendDays).toEqual(['2025-01-05']);
    expect(y.months[0].workingDays).toBe(23 - 4 + 1);
    expect(calendarYear(wt, 2024).months[4].workingWeekendDays).toEqual(['2024-05-04']);
  });
  test('a year before the data or past the horizon is calendar.outOfCoverage', () => {
    expect(() => calendarYear(wt, 2023)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'calendar.outOfCoverage' }) }),
    );
    expect(() => calendarYear(wt, 2101)).toThrow(/covers only 2023-12-01 – 2100-12-31/);
  });
  test('a year of entered data is not provisional', () => {
    expect(y.provisional).toBe(false);
    expect(y.provisionalReason).toBeUndefined();
  });
});
