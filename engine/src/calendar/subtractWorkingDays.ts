import { calendarProblem, outOfCoverage } from './calendarProblem';
import type { WorkingTime } from './compileWorkingTime';
import { LazyDeadline, type DeadlineResult } from './addDuration';
import { dayIndexOf, endOfWorkingDayMs } from './dayIndexOf';
import { endItem, explainDays, unitText } from './explanation';
import { formatIsoDate, formatDottedDate } from './civilDate';
import { provisionalIn, provisionalItem } from './provisional';

/**
 * "Not later than N working days before the end of a term": the end of working hours of the N-th working day
 * before the day of `dueMs` (the due day itself is not counted). N = 0 returns `dueMs` unchanged.
 *
 * @example
 * subtractWorkingDays(wt, dueAt, 2).dueAt; // end of working hours two working days before the due day
 */
export function subtractWorkingDays(wt: WorkingTime, dueMs: number, n: number): DeadlineResult {
  if (!(n >= 0) || n !== Math.floor(n)) {
    throw calendarProblem(
      'calendar.badAmount',
      {
        kk: `Жұмыс күндерінің саны теріс емес бүтін сан болуы керек, берілгені: ${n}.`,
        ru: `Число рабочих дней должно быть неотрицательным целым, получено ${n}.`,
        en: `The number of working days must be a non-negative integer, got ${n}.`,
      },
      { amount: n },
    );
  }
  const j = dayIndexOf(wt, dueMs, 'term end');
  if (n === 0) return { dueAt: dueMs, provisional: false, explanation: [] };
  const k = wt.workingBefore[j] - n;
  if (k < 0) throw outOfCoverage('term start', wt.coverage);
  const day = wt.workingDayIndex[k];
  const dueAt = endOfWorkingDayMs(wt, day);
  const provisional = provisionalIn(wt, day, j);
  return new LazyDeadline(
    dueAt,
    () => {
      const u = unitText(n, 'workingDays');
      const iso = formatIsoDate(wt.firstEpochDay + j);
      const dd = formatDottedDate(wt.firstEpochDay + j);
      return [
        {
          code: 'term.before',
          date: iso,
          params: { amount: n },
          text: {
            kk: `Мерзімнің соңғы күніне (${dd}) дейін кемінде ${u.kk} бұрын.`,
            ru: `Не позднее чем за ${u.ru} до последнего дня срока (${dd}).`,
            en: `Not later than ${u.en} before the last day of the term (${iso}).`,
          },
        },
        ...explainDays(wt, day, j - 1),
        endItem(wt, dueAt, 'endOfWorkingDay'),
        ...(provisional ? [provisionalItem(wt, day, j)] : []),
      ];
    },
    provisional,
  );
}
