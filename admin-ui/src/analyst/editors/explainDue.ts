import {
  addDuration,
  calendarYear,
  formatInstant,
  isProblemError,
  parseDuration,
  registrationInstant,
  type CalendarYear,
  type Counting,
  type Explanation,
  type WorkingTime,
} from '@qyzmet/engine';

/**
 * A deadline case explained on the working calendar for the analyst who edits it: when an application submitted at
 * an instant is registered, when the case's term is due, and which non-working days lie between (by weekday and
 * date, holidays by name). The engine computes the instants and says why each day was not counted; this module only
 * reads its answer against the calendar, so the editor shows exactly what the runtime will do.
 */

type Lang = 'kk' | 'ru' | 'en';

/** A local moment on the calendar's zone: the date, the time of day and the ISO weekday (1 = Monday). */
export interface LocalMoment {
  date: string;
  time: string;
  weekday: number;
}

export type SkippedKind = 'weekend' | 'holiday' | 'movedHoliday' | 'transfer' | 'extra' | 'dayOff';

/** A day the term did not count: a weekly rest day, a holiday (by its name), a day off moved or transferred. */
export interface SkippedDay {
  date: string;
  weekday: number;
  kind: SkippedKind;
  /** The holiday that makes it a day off (kind holiday), or whose day off moved here (kind movedHoliday). */
  holiday?: { kk: string; ru: string; en: string };
}

export interface DueExplanation {
  arrived: LocalMoment;
  registered: LocalMoment;
  due: LocalMoment;
  registeredAt: number;
  dueAt: number;
  /** Non-working days between registration and the due day that the term passed over, in order. */
  skipped: SkippedDay[];
  /** The engine's own explanation of the registration and of the term, step by step. */
  registration: Explanation[];
  term: Explanation[];
}

const SKIPPED_KINDS: readonly string[] = ['weekend', 'holiday', 'movedHoliday', 'transfer', 'extra'];

/** ISO weekday of a YYYY-MM-DD date (a civil date: no zone involved). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The local date and time of an instant in the calendar's zone, read off the engine's ISO rendering. */
export function localMoment(wt: WorkingTime, ms: number): LocalMoment {
  const iso = formatInstant(wt, ms); // YYYY-MM-DDTHH:mm:ss±HH:MM
  const date = iso.slice(0, 10);
  return { date, time: iso.slice(11, 16), weekday: weekdayOf(date) };
}

/** Whether a date is a working day of the calendar, from the engine's production calendar of its year. */
function workingDayTest(wt: WorkingTime): (date: string) => boolean {
  const years = new Map<number, { off: Set<string>; working: Set<string> }>();
  const weekend = new Set(wt.calendar.weekend);
  return (date) => {
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) {
      const cal: CalendarYear = calendarYear(wt, year);
      y = {
        off: new Set(cal.months.flatMap((m) => m.daysOff)),
        working: new Set(cal.months.flatMap((m) => m.workingWeekendDays)),
      };
      years.set(year, y);
    }
    if (y.off.has(date)) return false;
    return !weekend.has(weekdayOf(date)) || y.working.has(date);
  };
}

/** The day as the engine's explanation names it (why it was skipped), else as the weekday says. */
function describeSkipped(wt: WorkingTime, date: string, said: readonly Explanation[]): SkippedDay {
  const weekday = weekdayOf(date);
  const item = said.find((e) => e.code === 'day.skipped' && e.date === date);
  const reason = String(item?.params?.reason ?? '');
  const holidayId = item?.params?.holiday;
  const holiday = wt.calendar.holidays.find((h) => h.id === holidayId)?.name;
  const kind: SkippedKind = SKIPPED_KINDS.includes(reason)
    ? (reason as SkippedKind)
    : wt.calendar.weekend.includes(weekday)
      ? 'weekend'
      : 'dayOff';
  return holiday ? { date, weekday, kind, holiday } : { date, weekday, kind };
}

/**
 * The dates a term passed over, by its unit: a term counted in working time (working days, hours, minutes) skips
 * every day off after the registration day; a term in calendar days or months counts days off, and skips only those
 * its last day was moved over (the Civil Code's shift to the next working day).
 */
function skippedRange(
  unit: string,
  counting: Counting | undefined,
  registered: LocalMoment,
  due: LocalMoment,
  term: readonly Explanation[],
  roundTheClock: boolean,
): { from: string; to: string } | null {
  if (unit === 'calendarDays' || unit === 'months') {
    const shifted = term.find((e) => e.code === 'term.shifted');
    const from = shifted?.params?.from;
    return typeof from === 'string' ? { from, to: due.date } : null;
  }
  if ((unit === 'minutes' || unit === 'seconds') && counting?.clock) return null;
  // A round-the-clock schedule works on days off too: only working days (a calendar unit) skip them.
  if (roundTheClock && unit !== 'workingDays') return null;
  return { from: nextDate(registered.date), to: due.date };
}

/**
 * Explains one deadline case for an application submitted at `arrivedAtMs`.
 *
 * @example
 * explainDue(wt, Date.parse('2026-12-18T10:00:00+05:00'), '1 workingDays');
 * // registered Fri 18.12 10:00, due Mon 21.12 18:30, skipped Sat 19.12 and Sun 20.12
 */
export function explainDue(
  wt: WorkingTime,
  arrivedAtMs: number,
  duration: string,
  counting?: Counting,
): DueExplanation {
  const parsed = parseDuration(duration);
  const reg = registrationInstant(wt, arrivedAtMs);
  const result = addDuration(wt, reg.registeredAt, parsed, counting);
  const registered = localMoment(wt, reg.registeredAt);
  const due = localMoment(wt, result.dueAt);
  const term = result.explanation;
  const range = skippedRange(parsed.unit, counting, registered, due, term, wt.schedule.days === 'all');
  const skipped: SkippedDay[] = [];
  if (range) {
    const working = workingDayTest(wt);
    for (let d = range.from; d < range.to; d = nextDate(d)) if (!working(d)) skipped.push(describeSkipped(wt, d, term));
  }
  return {
    arrived: localMoment(wt, arrivedAtMs),
    registered,
    due,
    registeredAt: reg.registeredAt,
    dueAt: result.dueAt,
    skipped,
    registration: reg.explanation,
    term,
  };
}

/** An engine error in the reader's language (the calendar's problems carry kk/ru/en texts), else its message. */
export function problemText(e: unknown, lang: Lang): string {
  if (isProblemError(e)) {
    const text = e.problem.params?.text as Partial<Record<Lang, string>> | undefined;
    if (text?.[lang]) return text[lang];
  }
  return e instanceof Error ? e.message : String(e);
}

/** "dd.mm" of a YYYY-MM-DD date, with the year when asked (a term that crosses into another year). */
export function dottedDate(date: string, withYear = false): string {
  const [y, m, d] = date.split('-');
  return withYear ? `${d}.${m}.${y}` : `${d}.${m}`;
}
