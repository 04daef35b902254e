import { outOfCoverage } from './calendarProblem';
import { daysFromCivil, formatIsoDate } from './civilDate';
import { DayReason, type WorkingTime } from './compileWorkingTime';
import { explainDay, type Explanation } from './explanation';
import { provisionalIn, provisionalItem } from './provisional';

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
  /** Some day of the year rests on data not yet official: the year is computed from the statutes (past the data's
   *  coverage.to, no decree on transfers entered), or a movable date is an estimate. */
  provisional: boolean;
  /** When provisional: why, in kk/ru/en (code `term.provisional`, params computedFrom / estimated). */
  provisionalReason?: Explanation;
  /** When provisional: each holiday or moved day off of the year that is provisional, with why. */
  provisionalDays?: Explanation[];
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
  if (!provisionalIn(wt, a, b)) return { year, months, workingDays: total, provisional: false };
  const provisionalDays: Explanation[] = [];
  for (let d = a; d <= b; d++) {
    const r = wt.reason[d];
    if (wt.provisionalDay[d] && (r === DayReason.holiday || r === DayReason.movedHoliday)) {
      const e = explainDay(wt, d);
      if (e) provisionalDays.push(e);
    }
  }
  return {
    year,
    months,
    workingDays: total,
    provisional: true,
    provisionalReason: provisionalItem(wt, a, b, 'year'),
    provisionalDays,
  };
}
