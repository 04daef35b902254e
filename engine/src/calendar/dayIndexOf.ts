import { outOfCoverage } from './calendarProblem';
import type { WorkingTime } from './compileWorkingTime';

const DAY_MS = 86_400_000;

/**
 * Index of the local day containing an instant: a division, then at most a step either way because local days are
 * 23–25 h long around offset changes. Throws calendar.outOfCoverage outside the data.
 */
export function dayIndexOf(wt: WorkingTime, ms: number, what = 'instant'): number {
  const ds = wt.dayStart;
  const n = wt.dayCount;
  if (!(ms >= ds[0] && ms < ds[n]))
    throw outOfCoverage(`${what} ${Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms)}`, wt.coverage);
  let i = Math.floor((ms - ds[0]) / DAY_MS);
  if (i > n - 1) i = n - 1;
  while (ms < ds[i]) i--;
  while (ms >= ds[i + 1]) i++;
  return i;
}

/** Last instant of the local day: next midnight minus 1 ms, so that it still formats as that date. */
export function endOfDayMs(wt: WorkingTime, day: number): number {
  return wt.dayStart[day + 1] - 1;
}

/**
 * Closing instant of the schedule on a day (e.g. 18:30). A 24:00 closing becomes 23:59:59.999 for the same reason
 * as endOfDayMs. A closed day yields its end of day (only reached for round-the-clock or odd schedules).
 */
export function endOfWorkingDayMs(wt: WorkingTime, day: number): number {
  const K = wt.slots;
  const e = wt.intervalEnd[day * K + K - 1];
  const next = wt.dayStart[day + 1];
  return e >= next || e === wt.dayStart[day] ? next - 1 : e;
}

/** Working ms of the schedule elapsed on day `day` up to `ms`. */
export function workedInDay(wt: WorkingTime, day: number, ms: number): number {
  const K = wt.slots;
  let sum = 0;
  for (let k = day * K, end = k + K; k < end; k++) {
    const s = wt.intervalStart[k];
    const e = wt.intervalEnd[k];
    if (ms > s) sum += (ms < e ? ms : e) - s;
  }
  return sum;
}

/** Working ms of the schedule from the start of coverage to `ms` (day must be dayIndexOf(ms)). */
export function workPosition(wt: WorkingTime, day: number, ms: number): number {
  return wt.workMsBefore[day] + workedInDay(wt, day, ms);
}
