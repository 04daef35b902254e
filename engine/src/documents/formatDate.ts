import { daysInMonth, KAZAKHSTAN_TIME_ZONE, localDateTimeOf } from '../calendar';
import type { DocumentLang } from './DocumentContext';

/** Month names in the form used after the day number: Kazakh nominative, Russian genitive. */
const MONTHS: Record<DocumentLang, readonly string[]> = {
  kk: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
};

/**
 * Kazakh month names with a case ending, as a date is written inside a sentence: locative "6 мамырда" (on), dative
 * "6 мамырға" (until/to), ablative "6 мамырдан" (from), attributive "2013 жылғы 6 мамырдағы № 156" (dated). The
 * endings follow each name's vowel harmony and final sound, so they are listed rather than computed.
 */
export const KK_DATE_CASES = ['loc', 'dat', 'abl', 'attr'] as const;
export type KkDateCase = (typeof KK_DATE_CASES)[number];

const KK_MONTH_CASES: Record<KkDateCase, readonly string[]> = {
  loc: [
    'қаңтарда',
    'ақпанда',
    'наурызда',
    'сәуірде',
    'мамырда',
    'маусымда',
    'шілдеде',
    'тамызда',
    'қыркүйекте',
    'қазанда',
    'қарашада',
    'желтоқсанда',
  ],
  dat: [
    'қаңтарға',
    'ақпанға',
    'наурызға',
    'сәуірге',
    'мамырға',
    'маусымға',
    'шілдеге',
    'тамызға',
    'қыркүйекке',
    'қазанға',
    'қарашаға',
    'желтоқсанға',
  ],
  abl: [
    'қаңтардан',
    'ақпаннан',
    'наурыздан',
    'сәуірден',
    'мамырдан',
    'маусымнан',
    'шілдеден',
    'тамыздан',
    'қыркүйектен',
    'қазаннан',
    'қарашадан',
    'желтоқсаннан',
  ],
  attr: [
    'қаңтардағы',
    'ақпандағы',
    'наурыздағы',
    'сәуірдегі',
    'мамырдағы',
    'маусымдағы',
    'шілдедегі',
    'тамыздағы',
    'қыркүйектегі',
    'қазандағы',
    'қарашадағы',
    'желтоқсандағы',
  ],
};

/** Local wall-clock parts of a date or instant, as printed on a document. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  /** Absent for a plain 'YYYY-MM-DD' date. */
  hour?: number;
  minute?: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A UTC instant as the wall clock of Kazakhstan, the zone of every provider in the catalogue (the render context
 * carries no zone); the calendar module converts with the offset of that date (UTC+6 before 2024-03-01).
 */
function toKazakhstanTime(instant: string): LocalDateTime | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  const { year, month, day, hour, minute } = localDateTimeOf(ms, KAZAKHSTAN_TIME_ZONE);
  return { year, month, day, hour, minute };
}

/**
 * Reads the local date (and time) a document must show from an ISO string.
 * - 'YYYY-MM-DD' is a calendar date, shown as is.
 * - An instant with an explicit offset ('2025-03-03T14:30:00+05:00') is shown with its date and time as written:
 *   the engine formats instants with the provider's local offset, so the text already is local time.
 * - An instant in UTC ('…Z') is converted to Kazakhstan time (Asia/Almaty), so a UTC timestamp never prints the
 *   previous day.
 * Returns undefined when the text is not such a date.
 *
 * @example
 * parseLocalDateTime('2025-03-03T14:30:00+05:00') // { year: 2025, month: 3, day: 3, hour: 14, minute: 30 }
 */
export function parseLocalDateTime(value: string): LocalDateTime | undefined {
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (m[4] === undefined) return { year, month, day };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (hour > 23 || minute > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return undefined;
  if (m[7] === 'Z' || m[7] === 'z') return toKazakhstanTime(value.trim());
  return { year, month, day, hour, minute };
}

/**
 * A date in the wording of Kazakh and Russian official documents.
 *
 * @example
 * formatDate({ year: 2025, month: 3, day: 3 }, 'kk') // '2025 жылғы 3 наурыз'
 * formatDate({ year: 2025, month: 3, day: 3 }, 'ru') // '3 марта 2025 г.'
 * formatDate({ year: 2013, month: 5, day: 6 }, 'kk', 'attr') // '2013 жылғы 6 мамырдағы' (Russian has no such form)
 */
export function formatDate(date: LocalDateTime, lang: DocumentLang, kkCase?: KkDateCase): string {
  if (lang === 'kk') {
    const month = kkCase ? KK_MONTH_CASES[kkCase][date.month - 1] : MONTHS.kk[date.month - 1];
    return `${date.year} жылғы ${date.day} ${month}`;
  }
  return `${date.day} ${MONTHS.ru[date.month - 1]} ${date.year} г.`;
}

/**
 * A date followed by the local time 'HH:mm'; a plain date prints without a time rather than an invented 00:00.
 *
 * @example
 * formatDateTime({ year: 2025, month: 3, day: 3, hour: 14, minute: 30 }, 'ru') // '3 марта 2025 г. 14:30'
 */
export function formatDateTime(date: LocalDateTime, lang: DocumentLang): string {
  const day = formatDate(date, lang);
  if (date.hour === undefined || date.minute === undefined) return day;
  return `${day} ${String(date.hour).padStart(2, '0')}:${String(date.minute).padStart(2, '0')}`;
}
