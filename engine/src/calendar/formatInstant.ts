import type { WorkingTime } from './compileWorkingTime';
import { formatIsoDate } from './civilDate';
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

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => pad(n));

/** Each day's "YYYY-MM-DD" per working time, written when a day is first formatted (a WeakMap: per compiled one). */
const dayTexts = new WeakMap<WorkingTime, string[]>();

function dayText(wt: WorkingTime, i: number): string {
  let texts = dayTexts.get(wt);
  if (!texts) dayTexts.set(wt, (texts = []));
  return (texts[i] ??= formatIsoDate(wt.firstEpochDay + i));
}

/**
 * ISO 8601 with the local offset of the calendar's zone at that instant; milliseconds only when not zero.
 * Hot path (every deadline and event the engine records): the compiled per-day midnights and offsets, the day's date
 * written once; toLocalIso (luxon) only for a day whose offset changes within it (the night of 2024-02-29/03-01 in
 * Asia/Almaty) or an instant outside the calendar.
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
  // The day's offset holds all day: the time since its local midnight is the wall clock.
  const t = ms - wt.dayStart[i];
  const hours = Math.floor(t / 3_600_000);
  const minutes = Math.floor(t / 60_000) % 60;
  const seconds = Math.floor(t / 1000) % 60;
  const millis = t % 1000;
  const abs = Math.abs(offset);
  return (
    `${dayText(wt, i)}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}` +
    `${millis ? `.${pad(millis, 3)}` : ''}${offset >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
