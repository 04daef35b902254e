import { outOfCoverage } from './calendarProblem';
import { daysFromCivil, formatIsoDate } from './civilDate';
import type { WorkingTime } from './compileWorkingTime';

export interface CalendarMonth {
  month: number;
  workingDays: number;
  /** Days off that fall on a day that would work in a plain five-day week: holidays, moved days off, transfers,
   *  extra days off. A holiday that falls on a Saturday or Sunday is not listed (it takes no working day; the day
   *  off it moves to is listed). */
  daysOff: string[];
  /** Weekly rest days made working by a transfer act. */
  workingWeekendDays: string[];
}

export interface CalendarYear {
  year: number;
  months: CalendarMonth[];
  workingDays: number;
}

/**
 * The working calendar of one year, the `qyzmet calendar <year> --json` contract. Per month:
 * workingDays = plain weekdays − daysOff.length + workingWeekendDays.length.
 *
 * @example
 * calendarYear(wt, 2025).months[2].daysOff; // ['2025-03-10', '2025-03-21', '2025-03-24', '2025-03-25']
 */
export function calendarYear(wt: WorkingTime, year: number): CalendarYear {
  const a = daysFromCivil(year, 1, 1) - wt.firstEpochDay;
  const b = daysFromCivil(year, 12, 31) - wt.firstEpochDay;
  if (!Number.isInteger(year) || a < 0 || b >= wt.dayCount) throw outOfCoverage(`year ${year}`, wt.coverage);
  const weekend = new Set(wt.calendar.weekend);
  const months: CalendarMonth[] = [];
  let total = 0;
  for (let m = 1; m <= 12; m++) {
    const s = daysFromCivil(year, m, 1) - wt.firstEpochDay;
    const e = (m === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, m + 1, 1)) - wt.firstEpochDay;
    const daysOff: string[] = [];
    const workingWeekendDays: string[] = [];
    for (let d = s; d < e; d++) {
      const isWeekend = weekend.has(wt.weekday[d]);
      if (!wt.working[d] && !isWeekend) daysOff.push(formatIsoDate(wt.firstEpochDay + d));
      if (wt.working[d] && isWeekend) workingWeekendDays.push(formatIsoDate(wt.firstEpochDay + d));
    }
    const workingDays = wt.workingBefore[e] - wt.workingBefore[s];
    total += workingDays;
    months.push({ month: m, workingDays, daysOff, workingWeekendDays });
  }
  return { year, months, workingDays: total };
}
