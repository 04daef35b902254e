import type { WorkingTime } from './compileWorkingTime';
import { dayIndexOf, workedInDay, workPosition } from './dayIndexOf';

/** Working time between two instants, as an officer reads what is left of a term: whole working days, then the rest. */
export interface WorkingSpan {
  /** Working days of the schedule lying wholly between the two instants. */
  workingDays: number;
  /** The rest of the working time (the parts of days at either end), in whole hours… */
  workingHours: number;
  /** …and whole minutes (0–59). */
  workingMinutes: number;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * The schedule's working time from `fromMs` to `toMs` (zero when `toMs` is not after `fromMs`): the working days
 * whose whole working hours lie in between, then what remains (the rest of the first day, the start of the last) in
 * hours and minutes. Monday 10:00 to Wednesday 18:30 on a 09:00–18:30 schedule with an hour's lunch is 2 working
 * days (Tuesday, Wednesday) and Monday's 7 h 30 min. Throws calendar.outOfCoverage outside the data.
 *
 * @example
 * workingTimeBetween(wt, Date.now(), Date.parse(app.dueAt)); // { workingDays: 2, workingHours: 7, workingMinutes: 30 }
 */
export function workingTimeBetween(wt: WorkingTime, fromMs: number, toMs: number): WorkingSpan {
  if (!(toMs > fromMs)) return { workingDays: 0, workingHours: 0, workingMinutes: 0 };
  const a = dayIndexOf(wt, fromMs, 'from');
  const b = dayIndexOf(wt, toMs, 'to');
  const total = workPosition(wt, b, toMs) - workPosition(wt, a, fromMs);
  const dayWork = (d: number) => wt.workMsBefore[d + 1] - wt.workMsBefore[d];
  let whole = 0;
  let wholeMs = 0;
  // The days strictly between: every day with working hours is whole.
  for (let d = a + 1; d < b; d++) {
    const w = dayWork(d);
    if (w > 0) {
      whole++;
      wholeMs += w;
    }
  }
  // The first day is whole when nothing of it was worked before `fromMs` and its work ends by `toMs`; the last when
  // all of its work is done by `toMs`.
  const firstEnd = a === b ? workedInDay(wt, a, toMs) : dayWork(a);
  if (dayWork(a) > 0 && workedInDay(wt, a, fromMs) === 0 && firstEnd === dayWork(a)) {
    whole++;
    wholeMs += dayWork(a);
  }
  if (b > a && dayWork(b) > 0 && workedInDay(wt, b, toMs) === dayWork(b)) {
    whole++;
    wholeMs += dayWork(b);
  }
  const rest = total - wholeMs;
  return {
    workingDays: whole,
    workingHours: Math.floor(rest / HOUR_MS),
    workingMinutes: Math.floor((rest % HOUR_MS) / MINUTE_MS),
  };
}
