import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';
import { parseDuration } from './parseDuration';
import { parseInstant } from './parseInstant';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

const wt = compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData);

describe('edges: parseInstant, parseDuration, formatInstant', () => {
  test.each([
    ['2025-06-03T18:30:00+05:00', Date.UTC(2025, 5, 3, 13, 30)],
    ['2025-06-03T13:30:00Z', Date.UTC(2025, 5, 3, 13, 30)],
    ['2025-06-03T13:30Z', Date.UTC(2025, 5, 3, 13, 30)],
    ['2024-02-29T23:30:00.250+06:00', Date.UTC(2024, 1, 29, 17, 30, 0, 250)],
  ])('parseInstant(%s)', (iso, ms) => expect(parseInstant(iso)).toBe(ms));

  test.each(['2025-06-03T18:30:00', '2025-06-03', 'yesterday', '2025-02-30T10:00:00+05:00', '2025-06-03 18:30+05:00'])(
    'parseInstant refuses %s with calendar.badInstant',
    (iso) =>
      expect(() => parseInstant(iso)).toThrow(
        expect.objectContaining({ problem: expect.objectContaining({ code: 'calendar.badInstant' }) }),
      ),
  );

  test.each([
    ['3 workingDays', { amount: 3, unit: 'workingDays' }],
    [' 10 calendarDays ', { amount: 10, unit: 'calendarDays' }],
    ['1.5 workingHours', { amount: 1.5, unit: 'workingHours' }],
    ['15 minutes', { amount: 15, unit: 'minutes' }],
  ])('parseDuration(%s)', (s, d) => expect(parseDuration(s)).toEqual(d));

  test('an unknown unit names the allowed ones', () => {
    expect(() => parseDuration('3 days')).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          code: 'calendar.unknownUnit',
          params: expect.objectContaining({ unit: 'days' }),
        }),
      }),
    );
    expect(() => parseDuration('3 days')).toThrow(/Allowed: workingDays, calendarDays, months, workingHours, minutes/);
  });
  test.each(['workingDays', '-1 workingDays', '1.5 workingDays'])('parseDuration refuses "%s"', (s) =>
    expect(() => parseDuration(s)).toThrow(),
  );

  test('formatInstant uses the offset in force at the instant', () => {
    expect(formatInstant(wt, Date.UTC(2025, 5, 3, 13, 30))).toBe('2025-06-03T18:30:00+05:00');
    expect(formatInstant(wt, Date.UTC(2024, 1, 29, 17, 59))).toBe('2024-02-29T23:59:00+06:00');
    expect(formatInstant(wt, Date.UTC(2024, 1, 29, 18, 0))).toBe('2024-02-29T23:00:00+05:00');
    expect(formatInstant(wt, Date.UTC(2024, 1, 29, 18, 59, 59, 999))).toBe('2024-02-29T23:59:59.999+05:00');
  });
});
