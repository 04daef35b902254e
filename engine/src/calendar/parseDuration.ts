import type { Duration } from './addDuration';
import { calendarProblem } from './calendarProblem';
import type { DurationUnit } from './explanation';

export const DURATION_UNITS: readonly DurationUnit[] = [
  'workingDays',
  'calendarDays',
  'months',
  'workingHours',
  'minutes',
  'seconds',
];

/**
 * Parses "<n> <unit>" as written in the CLI and in definitions. Days and months take integers; hours, minutes and
 * seconds may take a decimal ("1.5 workingHours").
 *
 * @example
 * parseDuration('30 seconds'); // { amount: 30, unit: 'seconds' } (seed 002: «30 секунд»)
 *
 * @example
 * parseDuration('3 workingDays'); // { amount: 3, unit: 'workingDays' }
 */
export function parseDuration(text: string): Duration {
  const m = /^\s*(\d+(?:\.\d+)?)\s+([A-Za-z]+)\s*$/.exec(text);
  if (!m) {
    throw calendarProblem(
      'calendar.badDuration',
      {
        kk: `Мерзім «<сан> <бірлік>» түрінде жазылады, мысалы "3 workingDays"; берілгені: "${text}".`,
        ru: `Срок записывается как «<число> <единица>», например "3 workingDays"; получено "${text}".`,
        en: `A duration is written "<n> <unit>", e.g. "3 workingDays"; got "${text}".`,
      },
      { value: text },
    );
  }
  const unit = m[2] as DurationUnit;
  const amount = Number(m[1]);
  if (!DURATION_UNITS.includes(unit)) {
    throw calendarProblem(
      'calendar.unknownUnit',
      {
        kk: `Белгісіз мерзім бірлігі "${m[2]}". Рұқсат етілгендері: ${DURATION_UNITS.join(', ')}; мысалы "3 workingDays".`,
        ru: `Неизвестная единица срока "${m[2]}". Допустимые: ${DURATION_UNITS.join(', ')}; например "3 workingDays".`,
        en: `Unknown duration unit "${m[2]}". Allowed: ${DURATION_UNITS.join(', ')}; e.g. "3 workingDays".`,
      },
      { unit: m[2], allowed: DURATION_UNITS.join(',') },
    );
  }
  if ((unit === 'workingDays' || unit === 'calendarDays' || unit === 'months') && !Number.isInteger(amount)) {
    throw calendarProblem(
      'calendar.badAmount',
      {
        kk: `${unit} үшін бүтін сан керек, берілгені: ${m[1]}.`,
        ru: `Для ${unit} нужно целое число, получено ${m[1]}.`,
        en: `${unit} takes a whole number, got ${m[1]}.`,
      },
      { amount: m[1], unit },
    );
  }
  return { amount, unit };
}
