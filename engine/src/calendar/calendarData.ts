/**
 * Types of the calendar data files (docs/calendar-data-format.md). The engine receives these parsed objects as
 * arguments; reading the files is the runtime's job. Extra fields in the files are tolerated.
 */

import type { LunarDate } from './lunarDates';

/** A text in the three languages of Qyzmet. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

/** A cited act: every holiday, transfer and movable date names one by id. */
export interface CalendarSource {
  title: Partial<LocalizedText> | string;
  url?: string;
  date?: string;
}

/** A holiday of the Law "On holidays in the Republic of Kazakhstan" with the period it was a day off. */
export interface HolidayDefinition {
  id: string;
  name: LocalizedText;
  kind: 'national' | 'state' | 'religious';
  /** Fixed-date holidays: month 1..12 and day(s) of month. */
  month?: number;
  days?: number[];
  /** Movable (religious) holidays take their dates from `movableDates`. */
  movable?: boolean;
  /** Movable: the rule that computes its date in a year past `coverage.to` with no entered `movableDates` entry
   *  (provisional until announced), e.g. Kurban ait = { calendar: "islamic-umalqura", month: 12, day: 10 }. */
  lunarDate?: LunarDate;
  /** First date it was a day off (inclusive); null = before coverage. */
  validFrom?: string | null;
  /** Last date it was a day off (inclusive); null = still in force. */
  validTo?: string | null;
  /** Labour Code: national and state holidays move off a weekend, religious ones never do. */
  movesWhenOnWeekend: boolean;
  source: string;
  note?: string;
}

export interface MovableDate {
  holiday: string;
  date: string;
  source?: string;
  provisional?: boolean;
}

/** A yearly transfer of a day off by a government or ministry act. */
export interface Transfer {
  date: string;
  type: 'dayOff' | 'workingDay';
  /** The date it swaps with. */
  instead?: string;
  source: string;
  note?: string;
}

export interface ExtraDayOff {
  date: string;
  source: string;
  reason?: Partial<LocalizedText>;
}

/** `definitions/calendars/kz.calendar.json`. */
export interface CalendarData {
  id: string;
  name: LocalizedText;
  /** IANA zone, e.g. Asia/Almaty (never a fixed offset: Kazakhstan moved from UTC+6 to UTC+5 on 2024-03-01). */
  timeZone: string;
  /** ISO weekdays that are the weekly rest days (6 = Saturday, 7 = Sunday). */
  weekend: number[];
  /** Inclusive local dates of the entered data (holidays, transfers and movable dates as announced). Later years up
   *  to CALENDAR_HORIZON are computed from the statutes and provisional; before `from` the engine refuses. */
  coverage: { from: string; to: string };
  sources: Record<string, CalendarSource>;
  holidays: HolidayDefinition[];
  movableDates?: MovableDate[];
  weekendRule?: { text?: Partial<LocalizedText>; source?: string };
  transfers?: Transfer[];
  extraDaysOff?: ExtraDayOff[];
}

/** One working interval of a working day, local "HH:MM" ("24:00" allowed as an end). */
export interface ScheduleInterval {
  from: string;
  to: string;
}

/** `definitions/calendars/schedules/*.schedule.json`. */
export interface ScheduleData {
  id: string;
  name?: Partial<LocalizedText>;
  calendar: string;
  timeZone?: string;
  hours: ScheduleInterval[];
  /** "working" = working days of the calendar; "all" = every day (24/7 e-services). */
  days: 'working' | 'all';
  source?: unknown;
  legalRef?: unknown;
}

/** `definitions/calendars/kz.production-calendar.json`: the official figures the calendar must reproduce. */
export interface ProductionCalendarData {
  calendar: string;
  years: Array<{
    year: number;
    workingDays: number;
    months: number[];
    source?: { title?: string; url?: string } | string;
  }>;
}
