import type { WorkingTime } from './compileWorkingTime';
import { toLocalIso } from './localTime';

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The compiled day of an instant without throwing (-1 outside coverage), for the formatting fast path. */
function dayOf(wt: WorkingTime, ms: number): number {
  const ds = wt.dayStart;
  if (!(ms >= ds[0] && ms < ds[wt.dayCount])) return -1;
  let i = Math.min(Math.floor((ms - ds[0]) / DAY_MS), wt.dayCount - 1);
  while (ms < ds[i]) i--;
  while (ms >= ds[i + 1]) i++;
  return i;
}

/**
 * ISO 8601 with the local offset of the calendar's zone at that instant; milliseconds only when not zero.
 * Hot path (every deadline and event the engine records): the compiled per-day offsets; toLocalIso (luxon) only for a
 * day whose offset changes within it (the night of 2024-02-29/03-01 in Asia/Almaty) or an instant outside the calendar.
 *
 * @example
 * formatInstant(wt, Date.UTC(2025, 5, 3, 13, 30)); // "2025-06-03T18:30:00+05:00"
 */
export function formatInstant(wt: WorkingTime, ms: number): string {
  const i = dayOf(wt, ms);
  if (i < 0 || wt.offsetMinutes[i] !== wt.offsetMinutes[i + 1] || !Number.isInteger(ms)) {
    return toLocalIso(ms, wt.timeZone);
  }
  const offset = wt.offsetMinutes[i];
  const t = new Date(ms + offset * 60_000);
  const millis = t.getUTCMilliseconds();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}` +
    `${millis ? `.${pad(millis, 3)}` : ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
