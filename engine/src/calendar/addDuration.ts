import { calendarProblem, outOfCoverage } from './calendarProblem';
import { daysInMonth } from './civilDate';
import type { WorkingTime } from './compileWorkingTime';
import { dayIndexOf, endOfDayMs, endOfWorkingDayMs, workPosition } from './dayIndexOf';
import {
  type DurationUnit,
  endItem,
  explainDays,
  type Explanation,
  lastDayItem,
  monthClampedItem,
  shiftedItem,
  startItem,
} from './explanation';
import { provisionalIn, provisionalItem } from './provisional';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/**
 * Overrides of the default counting convention (DESIGN.md "Domain facts"), set per deadline in a definition.
 * - start: 'nextDay' (default: the term starts the day after the event) or 'sameDay' (the event day is day 1).
 * - end: 'endOfWorkingDay' (the default for every term in days: working days, calendar days and months end at the
 *   end of working hours of their last day, moved or not; docs/definition-format.md "End of a term"), 'endOfDay'
 *   (23:59:59.999 local, where an act says the term runs to the end of the day), 'sameTime' (the event's time of day).
 * - shiftToWorkingDay: calendarDays/months whose last day is a day off end on the next working day (Civil Code of
 *   the RK, rule on a term ending on a non-working day). Default true; false for e.g. "in force after ten calendar
 *   days" of an amending order.
 * - clock: minutes and seconds run as clock time, through lunch breaks, nights and days off, instead of working time
 *   (seed 001 L231–232: the State Corporation's 20-minute processing of a request does not pause for lunch). Only
 *   for minutes and seconds: days and working hours are counted on the calendar and the schedule by definition.
 */
export interface Counting {
  start?: 'nextDay' | 'sameDay';
  end?: 'endOfWorkingDay' | 'endOfDay' | 'sameTime';
  shiftToWorkingDay?: boolean;
  clock?: boolean;
}

export interface DeadlineResult {
  dueAt: number;
  /** The counting crosses a provisional day (a year computed from the statutes, an estimated movable date); the
   *  explanation then ends with a `term.provisional` item saying which days. */
  readonly provisional: boolean;
  /** Built on first read, so that the hot path pays only for the arithmetic. */
  readonly explanation: Explanation[];
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;
const UNIT_MS = { workingHours: HOUR_MS, minutes: MINUTE_MS, seconds: SECOND_MS } as const;

function badAmount(duration: Duration) {
  return calendarProblem(
    'calendar.badAmount',
    {
      kk: `Мерзім саны теріс емес сан болуы керек (${duration.unit} үшін бүтін сан), берілгені: ${duration.amount}. Мысалы: "3 workingDays".`,
      ru: `Величина срока должна быть неотрицательным числом (для ${duration.unit} — целым), получено ${duration.amount}. Пример: "3 workingDays".`,
      en: `A term amount must be a non-negative number (an integer for ${duration.unit}), got ${duration.amount}. Example: "3 workingDays".`,
    },
    { amount: duration.amount, unit: duration.unit },
  );
}

const UNITS = 'workingDays, calendarDays, months, workingHours, minutes, seconds';

function clockOnlyForMinutes(duration: Duration) {
  return calendarProblem(
    'calendar.badCounting',
    {
      kk: `Сағат уақытымен есептеу (counting.clock) тек минуттар мен секундтарға арналған, берілгені: "${duration.amount} ${duration.unit}". Мысалы: "20 minutes".`,
      ru: `Счёт по часам (counting.clock) допустим только для минут и секунд, получено "${duration.amount} ${duration.unit}". Пример: "20 minutes".`,
      en: `Clock counting (counting.clock) is for minutes and seconds only, got "${duration.amount} ${duration.unit}". Example: "20 minutes".`,
    },
    { amount: duration.amount, unit: duration.unit },
  );
}

/**
 * A deadline whose explanation is built on first read. A class (not an object literal with a getter) keeps the
 * hot path at one small allocation; toJSON puts the explanation into JSON output like a plain property.
 */
export class LazyDeadline implements DeadlineResult {
  private cache: Explanation[] | undefined;
  constructor(
    readonly dueAt: number,
    private readonly explain: () => Explanation[],
    readonly provisional = false,
  ) {}
  get explanation(): Explanation[] {
    return (this.cache ??= this.explain());
  }
  toJSON(): { dueAt: number; provisional: boolean; explanation: Explanation[] } {
    return { dueAt: this.dueAt, provisional: this.provisional, explanation: this.explanation };
  }
}

/** A deadline that depends on the days [a, b]: provisional (with the closing item) when one of them is. */
function result(wt: WorkingTime, dueAt: number, explain: () => Explanation[], a: number, b: number): DeadlineResult {
  if (!provisionalIn(wt, a, b)) return new LazyDeadline(dueAt, explain);
  return new LazyDeadline(dueAt, () => [...explain(), provisionalItem(wt, a, b)], true);
}

function endAt(
  wt: WorkingTime,
  day: number,
  rule: 'endOfWorkingDay' | 'endOfDay' | 'sameTime',
  fromMs: number,
  fromDay: number,
): number {
  if (rule === 'endOfWorkingDay') return endOfWorkingDayMs(wt, day);
  if (rule === 'endOfDay') return endOfDayMs(wt, day);
  // sameTime: the event's time after local midnight, kept inside the target day (25 h / 23 h days).
  const t = wt.dayStart[day] + (fromMs - wt.dayStart[fromDay]);
  return t < wt.dayStart[day + 1] ? t : wt.dayStart[day + 1] - 1;
}

/**
 * Adds a term to an event instant (usually the registration instant) and says when it ends.
 *
 * Defaults (DESIGN.md; docs/definition-format.md "End of a term"): a term in days starts the day after the event and
 * ends at the end of working hours of its last day (e.g. 18:30 local), whatever its unit and whether or not the last
 * day was moved: working days on the last working day; calendar days and months on their last day, or, when that day
 * is a day off, on the next working day (a last day off that is not moved, shiftToWorkingDay false, has no working
 * hours: the term ends at its midnight). Months: the same day number N months later, clamped to the end of a shorter
 * month (31 Jan + 1 month = 28/29 Feb). Working hours and minutes: counted inside the schedule's working intervals
 * (lunch, nights, days off skipped). 0 workingDays = "on the day of receipt": the end of working hours of the event
 * day (or the next working day when the event day is a day off). Working days are the calendar's working days
 * whatever the schedule.
 *
 * @example
 * addDuration(wt, Date.parse('2025-03-20T12:00:00+05:00'), { amount: 3, unit: 'workingDays' }).dueAt;
 * // 2025-03-28T18:30:00+05:00 (Nauryz 21–25 March skipped)
 */
export function addDuration(wt: WorkingTime, fromMs: number, duration: Duration, counting?: Counting): DeadlineResult {
  const n = duration.amount;
  if (counting?.clock && duration.unit !== 'minutes' && duration.unit !== 'seconds')
    throw clockOnlyForMinutes(duration);
  const d = dayIndexOf(wt, fromMs, 'term start');
  switch (duration.unit) {
    case 'workingDays': {
      if (!(n >= 0) || n !== Math.floor(n)) throw badAmount(duration);
      const sameDay = counting?.start === 'sameDay';
      const k = sameDay || n === 0 ? wt.workingBefore[d] + (n === 0 ? 0 : n - 1) : wt.workingBefore[d + 1] + n - 1;
      if (k >= wt.workingDayIndex.length) throw outOfCoverage('term end', wt.coverage);
      const j = wt.workingDayIndex[k];
      const rule = counting?.end ?? 'endOfWorkingDay';
      const dueAt = endAt(wt, j, rule, fromMs, d);
      return result(
        wt,
        dueAt,
        () => [
          startItem(wt, fromMs, n, 'workingDays', sameDay || n === 0 ? 'sameDay' : 'nextDay'),
          ...explainDays(wt, sameDay || n === 0 ? d - 1 : d, j),
          lastDayItem(wt, j),
          endItem(wt, dueAt, rule),
        ],
        d,
        j,
      );
    }
    case 'calendarDays':
    case 'months': {
      if (!(n >= 0) || n !== Math.floor(n)) throw badAmount(duration);
      const sameDay = counting?.start === 'sameDay' && n > 0;
      let last: number;
      let clampedFrom = 0;
      if (duration.unit === 'calendarDays') {
        last = sameDay ? d + n - 1 : d + n;
      } else {
        // Civil Code: a term in months ends on the same day number of the last month, or its last day if shorter.
        const total = wt.civilMonth[d] - 1 + n;
        const ty = wt.civilYear[d] + Math.floor(total / 12);
        const tm = (total % 12) + 1;
        const k = (ty - wt.firstYear) * 12 + tm - 1;
        if (k >= wt.monthStart.length) throw outOfCoverage('term end', wt.coverage);
        const dim = daysInMonth(ty, tm);
        const dom = wt.civilDay[d];
        if (dom > dim) clampedFrom = dom;
        last = wt.monthStart[k] + (dom > dim ? dim : dom) - 1 - wt.firstEpochDay - (sameDay ? 1 : 0);
      }
      if (last >= wt.dayCount) throw outOfCoverage('term end', wt.coverage);
      let j = last;
      const shift = counting?.shiftToWorkingDay ?? true;
      if (shift && !wt.working[last]) {
        const k = wt.workingBefore[last];
        if (k >= wt.workingDayIndex.length) throw outOfCoverage('term end', wt.coverage);
        j = wt.workingDayIndex[k];
      }
      // One convention for every term in days (docs/definition-format.md "End of a term"): the end of working
      // hours of its last day, whether or not that day was moved to a working day.
      const rule = counting?.end ?? 'endOfWorkingDay';
      const dueAt = endAt(wt, j, rule, fromMs, d);
      // Only the last day and the shift depend on the calendar: the days counted are calendar days.
      const lastDay = last;
      return result(
        wt,
        dueAt,
        () => {
          const out = [startItem(wt, fromMs, n, duration.unit, sameDay ? 'sameDay' : 'nextDay')];
          if (clampedFrom) out.push(monthClampedItem(wt, clampedFrom, lastDay + (sameDay ? 1 : 0)));
          out.push(lastDayItem(wt, lastDay));
          if (j !== lastDay) out.push(...explainDays(wt, lastDay - 1, j - 1), shiftedItem(wt, lastDay, j));
          out.push(endItem(wt, dueAt, rule));
          return out;
        },
        last,
        j,
      );
    }
    case 'workingHours':
    case 'minutes':
    case 'seconds': {
      if (!(n >= 0) || !Number.isFinite(n)) throw badAmount(duration);
      const ms = n * UNIT_MS[duration.unit];
      if (counting?.clock) {
        const dueAt = fromMs + ms;
        dayIndexOf(wt, dueAt, 'term end');
        // Clock time does not depend on days off: never provisional.
        const shown = duration.unit === 'seconds' ? 'elapsedSeconds' : 'elapsedMinutes';
        return new LazyDeadline(dueAt, () => [
          startItem(wt, fromMs, n, shown, 'elapsed'),
          endItem(wt, dueAt, 'elapsed'),
        ]);
      }
      return addWorkingMs(wt, fromMs, d, ms, () => startItem(wt, fromMs, n, duration.unit, 'workingTime'));
    }
    default:
      throw calendarProblem(
        'calendar.unknownUnit',
        {
          kk: `Белгісіз мерзім бірлігі: "${(duration as Duration).unit}". Рұқсат етілгендері: ${UNITS}.`,
          ru: `Неизвестная единица срока: "${(duration as Duration).unit}". Допустимые: ${UNITS}.`,
          en: `Unknown term unit "${(duration as Duration).unit}". Allowed: ${UNITS}.`,
        },
        { unit: (duration as Duration).unit },
      );
  }
}

/**
 * Adds working time (ms) inside the schedule's intervals. Lands on an interval's end rather than the next one's
 * start when the amount is used up exactly at a boundary (13:00, not 14:30). 0 ms = now if in hours, else the next
 * opening.
 */
export function addWorkingMs(
  wt: WorkingTime,
  fromMs: number,
  d: number,
  ms: number,
  first: () => Explanation,
): DeadlineResult {
  const K = wt.slots;
  const target = workPosition(wt, d, fromMs) + ms;
  const wmb = wt.workMsBefore;
  if (wmb[wt.dayCount] < target || (ms === 0 && wmb[wt.dayCount] <= target))
    throw outOfCoverage('term end', wt.coverage);
  let dueAt: number;
  let j: number;
  if (ms === 0) {
    // The position at fromMs itself: inside an interval it is fromMs, otherwise the next interval start.
    j = d;
    dueAt = NaN;
    for (;;) {
      for (let k = j * K; k < j * K + K; k++) {
        const s = wt.intervalStart[k],
          e = wt.intervalEnd[k];
        if (e > s && fromMs < e) {
          dueAt = fromMs > s ? fromMs : s;
          break;
        }
      }
      if (dueAt === dueAt) break;
      if (++j >= wt.dayCount) throw outOfCoverage('term end', wt.coverage);
    }
  } else {
    // Smallest j >= d with workMsBefore[j + 1] >= target.
    let lo = d,
      hi = wt.dayCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (wmb[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    j = lo;
    let rem = target - wmb[j];
    dueAt = wt.intervalEnd[j * K + K - 1];
    for (let k = j * K; k < j * K + K; k++) {
      const len = wt.intervalEnd[k] - wt.intervalStart[k];
      if (rem <= len) {
        dueAt = wt.intervalStart[k] + rem;
        break;
      }
      rem -= len;
    }
  }
  const jj = j;
  return result(wt, dueAt, () => [first(), ...explainDays(wt, d, jj), endItem(wt, dueAt, 'workingTime')], d, jj);
}
