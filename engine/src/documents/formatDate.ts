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

/** The zone of every provider in the catalogue; documents show its local date (DESIGN: never a fixed offset). */
const DOCUMENT_TIME_ZONE = 'Asia/Almaty';

let almatyFormat: Intl.DateTimeFormat | undefined;

function toAlmaty(instant: string): LocalDateTime | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  // Intl with an explicit IANA zone: independent of the machine's zone, same answer in Node and the browser.
  almatyFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: DOCUMENT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts: Record<string, number> = {};
  for (const p of almatyFormat.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads the local date (and time) a document must show from an ISO string.
 * - 'YYYY-MM-DD' is a calendar date, shown as is.
 * - An instant with an explicit offset ('2025-03-03T14:30:00+05:00') is shown with its date and time as written:
 *   the engine formats instants with the provider's local offset, so the text already is local time.
 * - An instant in UTC ('…Z') is converted to Asia/Almaty, so a UTC timestamp never prints the previous day.
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
  if (m[7] === 'Z' || m[7] === 'z') return toAlmaty(value.trim());
  return { year, month, day, hour, minute };
}

/**
 * A date in the wording of Kazakh and Russian official documents.
 *
 * @example
 * formatDate({ year: 2025, month: 3, day: 3 }, 'kk') // '2025 жылғы 3 наурыз'
 * formatDate({ year: 2025, month: 3, day: 3 }, 'ru') // '3 марта 2025 г.'
 */
export function formatDate(date: LocalDateTime, lang: DocumentLang): string {
  const month = MONTHS[lang][date.month - 1];
  return lang === 'kk' ? `${date.year} жылғы ${date.day} ${month}` : `${date.day} ${month} ${date.year} г.`;
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
