import { calendarProblem } from './calendarProblem';
import { formatIsoDate, parseIsoDate } from './civilDate';

/**
 * A civil date plus a number of calendar days, as dates ("YYYY-MM-DD"), with no time zone involved: how effective
 * dates are counted ("in force after ten calendar days have passed since the day of its first official publication":
 * published on 1 February → in force from 1 February + 11 = 12 February).
 *
 * @example
 * addCalendarDays('2026-02-01', 11); // "2026-02-12"
 * addCalendarDays('2024-02-20', 10); // "2024-03-01" (across a leap day)
 */
export function addCalendarDays(date: string, days: number): string {
  const day = parseIsoDate(date);
  if (day === undefined || !Number.isInteger(days)) {
    throw calendarProblem(
      'calendar.badDate',
      {
        kk: `Нақты күн ("YYYY-MM-DD") және бүтін күндер саны керек, мысалы ("2026-02-01", 11); берілгені: ("${date}", ${days}).`,
        ru: `Нужны существующая дата ("YYYY-MM-DD") и целое число дней, например ("2026-02-01", 11); получено ("${date}", ${days}).`,
        en: `Expected a real date ("YYYY-MM-DD") and a whole number of days, e.g. ("2026-02-01", 11); got ("${date}", ${days}).`,
      },
      { value: date, days },
    );
  }
  return formatIsoDate(day + days);
}
