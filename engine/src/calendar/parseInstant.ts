import { DateTime } from 'luxon';
import type { ProblemError } from '../errors/problem';
import { calendarProblem } from './calendarProblem';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 instant to epoch ms. An offset or Z is required: a local time alone is ambiguous (Kazakhstan
 * changed from UTC+6 to UTC+5 on 2024-03-01) and a calendar must never guess it. Edges only, not the hot path.
 *
 * @example
 * parseInstant('2025-06-03T18:30:00+05:00'); // 1748957400000
 */
export function parseInstant(iso: string): number {
  const dt = ISO_INSTANT.test(iso) ? DateTime.fromISO(iso, { setZone: true }) : undefined;
  if (!dt || !dt.isValid) throw badInstant(iso);
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
