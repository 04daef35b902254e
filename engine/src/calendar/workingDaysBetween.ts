import type { WorkingTime } from './compileWorkingTime';
import { dayIndexOf } from './dayIndexOf';

/**
 * Working days of the calendar after the day of `aMs` up to and including the day of `bMs` (the same "starts the
 * next day" convention as addDuration, so addDuration(a, workingDaysBetween(a, b)) lands on b's day when b's day is
 * a working day). Negative when b is before a.
 *
 * @example
 * workingDaysBetween(wt, suspendedAt, dueAt); // what was left of the term when it was suspended
 */
export function workingDaysBetween(wt: WorkingTime, aMs: number, bMs: number): number {
  const a = dayIndexOf(wt, aMs);
  const b = dayIndexOf(wt, bMs);
  return wt.workingBefore[b + 1] - wt.workingBefore[a + 1];
}
