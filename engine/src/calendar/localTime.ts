import { DateTime } from 'luxon';
import type { ProblemError } from '../errors/problem';
import { calendarProblem } from './calendarProblem';
import { badInstant, parseInstant } from './parseInstant';

/**
 * Conversions between instants and the civil (wall-clock) time of an IANA zone: the one place where runtime, UI and
 * documents turn an instant into a local date or a local date into an instant. Zones are IANA names, never fixed
 * offsets: Asia/Almaty was UTC+6 until 2024-03-01 00:00 local and is UTC+5 since, so the offset depends on the date.
 * Argument order: the value first, the zone second. Edges only (requests, screens, documents); the engine's hot path
 * formats with `formatInstant` on the compiled working time.
 */

/**
 * The zone of the Kazakhstan working calendar (definitions/calendars/kz.calendar.json says the same; a test keeps
 * them equal), for places that have an instant but no service at hand: the officer's browser, a document's UTC
 * instant. Where a service is known, use its `workingTime.timeZone`.
 */
export const KAZAKHSTAN_TIME_ZONE = 'Asia/Almaty';

/** Epoch milliseconds, or an ISO 8601 instant with an offset or Z (as the API and the engine write them). */
export type Instant = number | string;

/** Wall-clock parts of an instant in a zone. */
export interface CivilDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CIVIL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;

function inZone(at: Instant, zone: string): DateTime {
  const ms = typeof at === 'string' ? parseInstant(at) : at;
  const dt = DateTime.fromMillis(ms, { zone });
  if (dt.invalidReason === 'unsupported zone') throw badZone(zone);
  if (!dt.isValid) throw badInstant(at);
  return dt;
}

function badZone(zone: string): ProblemError {
  return calendarProblem(
    'calendar.badTimeZone',
    {
      kk: `"${zone}" уақыт белдеуі белгісіз; IANA атауы керек, мысалы "Asia/Almaty".`,
      ru: `Часовой пояс "${zone}" неизвестен; нужен пояс IANA, например "Asia/Almaty".`,
      en: `Unknown time zone "${zone}"; expected an IANA zone such as "Asia/Almaty".`,
    },
    { zone },
    'definition',
  );
}

function badLocal(value: string, expected: string, example: string): ProblemError {
  return calendarProblem(
    'calendar.badDate',
    {
      kk: `"${value}" нақты күн емес; ${expected} түрінде жазыңыз, мысалы "${example}".`,
      ru: `"${value}" — не существующая дата; пишите ${expected}, например "${example}".`,
      en: `"${value}" is not a real date; write ${expected}, e.g. "${example}".`,
    },
    { value },
  );
}

function fromLocal(value: string, zone: string, pattern: RegExp, expected: string, example: string): number {
  if (!pattern.test(value)) throw badLocal(value, expected, example);
  const dt = DateTime.fromISO(value, { zone });
  if (dt.invalidReason === 'unsupported zone') throw badZone(zone);
  if (!dt.isValid) throw badLocal(value, expected, example);
  return dt.toMillis();
}

/**
 * The instant a civil day begins (local 00:00) in a zone, as epoch ms: what "on that date" means for a version in
 * force, an `?at=YYYY-MM-DD` query or an effective date.
 *
 * @example
 * new Date(startOfCivilDay('2023-06-01', 'Asia/Almaty')).toISOString(); // "2023-05-31T18:00:00.000Z" (UTC+6 then)
 * new Date(startOfCivilDay('2024-06-01', 'Asia/Almaty')).toISOString(); // "2024-05-31T19:00:00.000Z" (UTC+5 now)
 */
export function startOfCivilDay(date: string, zone: string): number {
  return fromLocal(date, zone, CIVIL_DATE, 'YYYY-MM-DD', '2025-06-03');
}

/**
 * The instant a wall-clock time of a zone denotes, as epoch ms (a `datetime-local` input, a time typed by a person).
 * In the hour Asia/Almaty lived twice on 2024-02-29 (23:00–23:59 at UTC+6, then again at UTC+5), the later one (UTC+5)
 * is taken, as luxon does.
 *
 * @example
 * instantOfLocal('2026-03-03T10:00', 'Asia/Almaty') === Date.parse('2026-03-03T10:00:00+05:00'); // true
 */
export function instantOfLocal(dateTime: string, zone: string): number {
  return fromLocal(dateTime, zone, CIVIL_DATE_TIME, 'YYYY-MM-DDTHH:mm', '2025-06-03T09:00');
}

/**
 * ISO 8601 with the zone's offset at that instant, milliseconds only when not zero: the form the engine stores.
 *
 * @example
 * toLocalIso(Date.UTC(2023, 5, 1, 4), 'Asia/Almaty'); // "2023-06-01T10:00:00+06:00"
 * toLocalIso('2026-03-03T05:00:00Z', 'Asia/Almaty'); // "2026-03-03T10:00:00+05:00"
 */
export function toLocalIso(at: Instant, zone: string): string {
  return inZone(at, zone).toISO({ suppressMilliseconds: true }) as string;
}

/**
 * The civil date ("YYYY-MM-DD") of an instant in a zone: "today" for a zone, the day a due instant falls on.
 *
 * @example
 * civilDateOf('2024-02-29T18:30:00Z', 'Asia/Almaty'); // "2024-02-29" (23:30 at UTC+5, the first night of UTC+5)
 * civilDateOf('2024-02-29T18:30:00Z', 'UTC'); // "2024-02-29"
 * civilDateOf('2025-06-02T19:30:00Z', 'Asia/Almaty'); // "2025-06-03"
 */
export function civilDateOf(at: Instant, zone: string): string {
  return inZone(at, zone).toISODate() as string;
}

/**
 * The wall-clock parts of an instant in a zone, for texts that spell a date out (documents).
 *
 * @example
 * localDateTimeOf('2025-03-03T09:30:00Z', 'Asia/Almaty');
 * // { year: 2025, month: 3, day: 3, hour: 14, minute: 30, second: 0 }
 */
export function localDateTimeOf(at: Instant, zone: string): CivilDateTime {
  const { year, month, day, hour, minute, second } = inZone(at, zone);
  return { year, month, day, hour, minute, second };
}

/**
 * An instant as people in Kazakhstan read it on screens and papers, in Kazakh and Russian alike: "DD.MM.YYYY HH:mm"
 * in the zone (browsers' kk-KZ locale data differ between engines, so no locale formatting is used).
 *
 * @example
 * toDottedDateTime('2026-03-03T10:00:00+05:00', 'Asia/Almaty'); // "03.03.2026 10:00"
 * toDottedDateTime('2023-06-01T04:00:00Z', 'Asia/Almaty'); // "01.06.2023 10:00"
 */
export function toDottedDateTime(at: Instant, zone: string): string {
  return inZone(at, zone).toFormat('dd.LL.yyyy HH:mm');
}
