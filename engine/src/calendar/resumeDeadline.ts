import { addDuration, addWorkingMs, type Counting, type DeadlineResult, LazyDeadline } from './addDuration';
import type { WorkingTime } from './compileWorkingTime';
import { dayIndexOf, workPosition } from './dayIndexOf';
import { type DurationUnit, type Explanation, type ShownUnit, unitText } from './explanation';
import { workingDaysBetween } from './workingDaysBetween';

/**
 * The new due instant after a suspension (documents requested, the clock stops): the part of the term left at
 * `suspendedAtMs` is counted again from `resumedAtMs`.
 * - workingDays: working days after the suspension day up to the due day (the suspension day counts as used);
 * - calendarDays / months: calendar days from the suspension day to the due day, re-added as calendarDays;
 * - workingHours / minutes / seconds: working time between suspension and due instant; minutes and seconds of
 *   clock time (counting.clock): plain time.
 * An extension is not a suspension: use addDuration from the original due instant.
 *
 * @example
 * resumeDeadline(wt, dueAt, suspendedAt, resumedAt, 'workingDays').dueAt;
 */
export function resumeDeadline(
  wt: WorkingTime,
  originalDueMs: number,
  suspendedAtMs: number,
  resumedAtMs: number,
  unit: DurationUnit,
  counting?: Counting,
): DeadlineResult {
  let amount: number;
  let inner: DeadlineResult;
  let shownUnit: ShownUnit = unit;
  if (unit === 'workingDays') {
    amount = Math.max(0, workingDaysBetween(wt, suspendedAtMs, originalDueMs));
    inner = addDuration(wt, resumedAtMs, { amount, unit }, counting);
  } else if (unit === 'calendarDays' || unit === 'months') {
    amount = Math.max(0, dayIndexOf(wt, originalDueMs) - dayIndexOf(wt, suspendedAtMs));
    shownUnit = 'calendarDays';
    inner = addDuration(wt, resumedAtMs, { amount, unit: 'calendarDays' }, counting);
  } else if (counting?.clock) {
    const ms = Math.max(0, originalDueMs - suspendedAtMs);
    const seconds = unit === 'seconds';
    amount = ms / (seconds ? 1000 : 60000);
    shownUnit = seconds ? 'elapsedSeconds' : 'elapsedMinutes';
    inner = addDuration(wt, resumedAtMs, { amount, unit: seconds ? 'seconds' : 'minutes' }, counting);
  } else {
    const s = dayIndexOf(wt, suspendedAtMs);
    const e = dayIndexOf(wt, originalDueMs);
    const ms = Math.max(0, workPosition(wt, e, originalDueMs) - workPosition(wt, s, suspendedAtMs));
    amount = ms / (unit === 'workingHours' ? 3_600_000 : unit === 'seconds' ? 1000 : 60_000);
    inner = addWorkingMs(wt, resumedAtMs, dayIndexOf(wt, resumedAtMs), ms, () => ({
      code: 'term.start',
      params: { amount, unit, start: 'workingTime' },
      text: { kk: '', ru: '', en: '' },
    }));
  }
  return new LazyDeadline(
    inner.dueAt,
    () => {
      const u = unitText(Math.round(amount * 100) / 100, shownUnit);
      const head: Explanation = {
        code: 'suspension.remaining',
        params: { amount, unit: shownUnit },
        text: {
          kk: `Мерзімді тоқтата тұру кезінде оның қалған бөлігі: ${u.kk}; ол қайта жалғастырылған сәттен бастап есептеледі.`,
          ru: `На момент приостановления оставалось ${u.ru}; остаток срока исчисляется с момента возобновления.`,
          en: `At suspension ${u.en} of the term remained; the remainder runs again from resumption.`,
        },
      };
      return [head, ...inner.explanation.filter((x) => x.code !== 'term.start' || x.text.en !== '')];
    },
    inner.provisional,
  );
}
