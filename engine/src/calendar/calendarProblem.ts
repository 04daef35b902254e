import { ProblemError, type ProblemKind } from '../errors/problem';
import type { LocalizedText } from './calendarData';

/**
 * Builds the ProblemError the calendar throws. `message` is English (logs, CLI default); the kk/ru/en texts ride in
 * `params.text` so that a caller answering in the user's language does not have to re-phrase it.
 */
export function calendarProblem(
  code: string,
  text: LocalizedText,
  params: Record<string, unknown> = {},
  kind: ProblemKind = 'user',
): ProblemError {
  return new ProblemError({ code, message: text.en, kind, params: { ...params, text } });
}

/** The one error for instants or terms that leave the calendar's coverage: the engine never guesses days off. */
export function outOfCoverage(what: string, coverage: { from: string; to: string }): ProblemError {
  return calendarProblem(
    'calendar.outOfCoverage',
    {
      kk: `${what}: күнтізбе деректері тек ${coverage.from} – ${coverage.to} аралығын қамтиды; бұл аралықтан тыс мерзім есептелмейді.`,
      ru: `${what}: данные календаря охватывают только период ${coverage.from} – ${coverage.to}; сроки вне его не вычисляются.`,
      en: `${what}: the calendar data covers only ${coverage.from} – ${coverage.to}; terms outside it are not computed.`,
    },
    { what, coverageFrom: coverage.from, coverageTo: coverage.to },
  );
}
