import { DateTime } from 'luxon';
import type { ProblemError } from '../errors/problem';
import { calendarProblem } from './calendarProblem';
import { daysInMonth } from './civilDate';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 instant to epoch ms. An offset or Z is required: a local time alone is ambiguous (Kazakhstan
 * changed from UTC+6 to UTC+5 on 2024-03-01) and a calendar must never guess it.
 *
 * Every simulated event's instant passes here. Date.parse reads this shape as luxon does, except that it rolls an
 * impossible day over (30 February), refuses offsets beyond ±23:59 and reads 24:00 of the years 0–99 otherwise: a
 * day that exists in its month, an hour before 24, a year from 100 and a number from Date.parse are answered at
 * once; anything else is luxon's to accept or refuse.
 *
 * @example
 * parseInstant('2025-06-03T18:30:00+05:00'); // 1748957400000
 */
export function parseInstant(iso: string): number {
  const m = ISO_INSTANT.exec(iso);
  if (!m) throw badInstant(iso);
  const [year, month, day, hour] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (year >= 100 && hour < 24 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return ms;
  }
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw badInstant(iso);
  return dt.toMillis();
}

/** The calendar.badInstant problem, with a valid example. */
export function badInstant(value: unknown): ProblemError {
  return calendarProblem(
    'calendar.badInstant',
    {
      kk: `Уақыт сәті ISO 8601 түрінде, UTC ауытқуымен жазылады, мысалы "2025-06-03T09:00:00+05:00"; берілгені: "${value}".`,
      ru: `Момент времени записывается в ISO 8601 со смещением от UTC, например "2025-06-03T09:00:00+05:00"; получено "${value}".`,
      en: `An instant is ISO 8601 with a UTC offset or Z, e.g. "2025-06-03T09:00:00+05:00"; got "${value}".`,
    },
    { value },
  );
}
