import { formatIsoDate } from './civilDate';

/** A movable holiday's rule: a day of a month of an Intl calendar (Kurban ait: 10 Dhu al-Hijjah, islamic-umalqura). */
export interface LunarDate {
  /** An Intl (CLDR) calendar id: islamic-umalqura matches 13 of the 15 announced Kurban ait dates 2012–2026. */
  calendar: string;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
/** Longest lunar year (355 days) plus slack: after one hit the next lies 353–356 days later. */
const SCAN = 360;

/** Formatters by calendar id: making one costs more than the readings of a year. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(calendar: string): Intl.DateTimeFormat {
  const known = formatters.get(calendar);
  if (known) return known;
  const f = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  // An unknown id silently falls back to gregory: refuse instead of computing wrong holidays.
  if (f.resolvedOptions().calendar !== calendar)
    throw new Error(`the calendar "${calendar}" is not known to this runtime's Intl (ICU) data`);
  formatters.set(calendar, f);
  return f;
}

/**
 * Epoch days in [from, to] that are `rule.day` of `rule.month` in the rule's calendar. Reads Intl for a few days
 * per lunar year (the next hit is looked for 350–360 days after the previous one), not for every day.
 *
 * @example
 * const kurban = { calendar: 'islamic-umalqura', month: 12, day: 10 };
 * lunarDates(kurban, daysFromCivil(2028, 1, 1), daysFromCivil(2028, 12, 31)); // [epoch day of 2028-05-05]
 */
export function lunarDates(rule: LunarDate, from: number, to: number): number[] {
  const f = formatterFor(rule.calendar);
  const matches = (e: number) => {
    let month = 0;
    let day = 0;
    for (const p of f.formatToParts(new Date(e * DAY_MS + DAY_MS / 2))) {
      if (p.type === 'month') month = parseInt(p.value, 10);
      else if (p.type === 'day') day = parseInt(p.value, 10);
    }
    return month === rule.month && day === rule.day;
  };
  const out: number[] = [];
  let start = from;
  let end = Math.min(to, from + SCAN);
  while (start <= to) {
    let hit = -1;
    for (let e = start; e <= end; e++)
      if (matches(e)) {
        hit = e;
        break;
      }
    if (hit < 0) break; // a month/day the calendar never reaches (e.g. day 31): nothing to add
    out.push(hit);
    start = hit + 350;
    end = Math.min(to, hit + SCAN);
  }
  return out;
}

/** The dates as "YYYY-MM-DD", for tests and explanations. */
export function lunarIsoDates(rule: LunarDate, from: number, to: number): string[] {
  return lunarDates(rule, from, to).map(formatIsoDate);
}
