import { DateTime } from 'luxon';
import type { WorkingTime } from './compileWorkingTime';

/**
 * ISO 8601 with the local offset of the calendar's zone at that instant; milliseconds only when not zero.
 *
 * @example
 * formatInstant(wt, Date.UTC(2025, 5, 3, 13, 30)); // "2025-06-03T18:30:00+05:00"
 */
export function formatInstant(wt: WorkingTime, ms: number): string {
  return DateTime.fromMillis(ms, { zone: wt.timeZone }).toISO({ suppressMilliseconds: true }) as string;
}
