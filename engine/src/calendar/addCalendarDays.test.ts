import { ProblemError } from '../errors/problem';
import { addCalendarDays } from './addCalendarDays';

describe('addCalendarDays: civil date arithmetic, no time zone', () => {
  test.each([
    ['2026-02-01', 11, '2026-02-12', 'published 1 February, in force after ten calendar days'],
    ['2024-02-20', 10, '2024-03-01', 'across a leap day'],
    ['2023-02-20', 10, '2023-03-02', 'a common year'],
    ['2025-12-31', 1, '2026-01-01', 'across a year'],
    ['2026-03-01', -1, '2026-02-28', 'backwards'],
    ['2026-03-01', 0, '2026-03-01', 'zero days'],
  ])('%s + %d → %s (%s)', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  test.each([
    ['2026-02-30', 1],
    ['2026-2-1', 1],
    ['2026-02-01', 1.5],
    ['2026-02-01', Number.NaN],
  ])('(%s, %d) is refused with a calendar problem, not an Invalid Date', (date, days) => {
    expect(() => addCalendarDays(date, days)).toThrow(ProblemError);
  });
});
