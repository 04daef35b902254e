import { DateTime } from 'luxon';
import type { CalendarData, ExtraDayOff, HolidayDefinition, ScheduleData, Transfer } from './calendarData';
import { calendarProblem } from './calendarProblem';
import { civilFromDays, daysFromCivil, daysInMonth, formatIsoDate, isoWeekday, parseIsoDate } from './civilDate';
import { fillMidnights } from './localMidnights';
import { lunarDates } from './lunarDates';

/**
 * The last day the engine computes. Past the data's `coverage.to` every year is computed from the statutes in the
 * data (holidays of the Law, the weekend rule, movable holidays from their lunar rule), without the yearly transfers,
 * and marked provisional; before `coverage.from` or after this day, terms are refused (calendar.outOfCoverage).
 */
export const CALENDAR_HORIZON = '2100-12-31';

/** Why a day is provisional (WorkingTime.provisionalDay). */
export const Provisional = {
  none: 0,
  /** After the data's coverage.to: computed from the statutes, no decree on transfers entered yet. */
  computedYear: 1,
  /** A movable date the data marks provisional (an estimate until it is announced), or the day off it moved to. */
  provisionalDate: 2,
} as const;

/** Why a day is (not) a working day of the calendar. Codes are stored in `WorkingTime.reason`. */
export const DayReason = {
  working: 0,
  weekend: 1,
  holiday: 2,
  movedHoliday: 3,
  transfer: 4,
  extra: 5,
  /** A weekly rest day (or any day) made working by a transfer act. */
  workingByTransfer: 6,
} as const;
export type DayReasonCode = (typeof DayReason)[keyof typeof DayReason];
export type DayReasonName = keyof typeof DayReason;

/** The facts behind a day that is not an ordinary working day or ordinary weekend, kept for explanations. */
export interface DayDetail {
  reason: DayReasonName;
  /** Holiday in force that day (reason holiday), or the holiday whose day off moved here (movedHoliday). */
  holiday?: HolidayDefinition;
  /** Holiday: it fell on a weekly rest day. */
  onWeekend?: boolean;
  /** movedHoliday: the date of the holiday the day off moved from. */
  movedFrom?: string;
  transfer?: Transfer;
  extra?: ExtraDayOff;
  /** holiday/movedHoliday: a movable date computed from the holiday's lunar rule (not entered in movableDates). */
  computed?: boolean;
}

/**
 * A calendar and a schedule compiled once into dense per-day tables (index 0 = coverage.from). Every query is then
 * integer arithmetic on epoch milliseconds; luxon is used only here and for formatting.
 * Outside the calendar module only `calendar`, `schedule`, `timeZone` and `coverage` are read (a test keeps it so):
 * the tables are the module's own representation, answered through its functions (startOfCivilDay, toLocalIso, …).
 */
export interface WorkingTime {
  readonly calendar: CalendarData;
  readonly schedule: ScheduleData;
  readonly timeZone: string;
  /** The days computed: coverage.from of the data to CALENDAR_HORIZON (or the data's coverage.to if later). */
  readonly coverage: { readonly from: string; readonly to: string };
  /** Number of days in coverage. */
  readonly dayCount: number;
  /** Epoch day (days since 1970-01-01) of coverage.from. */
  readonly firstEpochDay: number;
  /** Epoch ms of each local midnight; length dayCount + 1 (the last is the end of coverage). */
  readonly dayStart: Float64Array;
  /** UTC offset in minutes at each local midnight (360 = UTC+6); length dayCount + 1. */
  readonly offsetMinutes: Int16Array;
  readonly weekday: Uint8Array;
  /** 1 when the day is a working day of the calendar (five-day week). */
  readonly working: Uint8Array;
  readonly reason: Uint8Array;
  /** Sparse: set only for holidays, moved days off, transfers and extra days off. */
  readonly details: ReadonlyArray<DayDetail | undefined>;
  /** workingBefore[i] = calendar working days among days [0, i); length dayCount + 1. */
  readonly workingBefore: Int32Array;
  /** Day indices of the calendar working days, in order. */
  readonly workingDayIndex: Int32Array;
  /** 1 when the schedule is open that day ("working" schedules: the calendar's working days; "all": every day). */
  readonly open: Uint8Array;
  readonly openBefore: Int32Array;
  readonly openDayIndex: Int32Array;
  /** Working intervals per day: `slots` intervals, epoch ms; a closed day has empty intervals. */
  readonly slots: number;
  readonly intervalStart: Float64Array;
  readonly intervalEnd: Float64Array;
  /** Working ms of the schedule before day i; length dayCount + 1. */
  readonly workMsBefore: Float64Array;
  /** Local civil date of each day, so that month arithmetic is table look-ups. */
  readonly civilYear: Uint16Array;
  readonly civilMonth: Uint8Array;
  readonly civilDay: Uint8Array;
  /** First year of `monthStart`. */
  readonly firstYear: number;
  /** Epoch day of the 1st of each month from January of firstYear to December of the year after coverage.to. */
  readonly monthStart: Int32Array;
  /** Provisional code per day (see Provisional); 0 = rests on entered, official data. */
  readonly provisionalDay: Uint8Array;
  /** provisionalBefore[i] = provisional days among [0, i); length dayCount + 1, so "does [a, b] rest on a
   *  provisional day" is one subtraction. */
  readonly provisionalBefore: Int32Array;
  /** Schedule hours in minutes after midnight, for explanations. */
  readonly hoursMinutes: ReadonlyArray<{ from: number; to: number }>;
}

const HHMM = /^(\d{2}):(\d{2})$/;

function parseHhmm(s: string, pointer: string, scheduleId: string): number {
  const m = HHMM.exec(s);
  const v = m ? +m[1] * 60 + +m[2] : NaN;
  if (!m || +m[2] > 59 || v > 24 * 60) {
    throw calendarProblem(
      'calendar.badSchedule',
      {
        kk: `«${scheduleId}» кестесі, ${pointer}: уақыт «СС:ММ» түрінде болуы керек (мысалы, "09:00"), берілгені: "${s}".`,
        ru: `График «${scheduleId}», ${pointer}: время задаётся как «ЧЧ:ММ» (например, "09:00"), получено "${s}".`,
        en: `Schedule "${scheduleId}", ${pointer}: a time is "HH:MM" (e.g. "09:00"), got "${s}".`,
      },
      { pointer, value: s },
      'definition',
    );
  }
  return v;
}

function badData(what: string, params: Record<string, unknown>) {
  return calendarProblem(
    'calendar.badCalendarData',
    {
      kk: `Күнтізбе деректері қате: ${what}.`,
      ru: `Ошибка в данных календаря: ${what}.`,
      en: `Invalid calendar data: ${what}.`,
    },
    params,
    'definition',
  );
}

function requireDate(s: string | null | undefined, pointer: string): number {
  const d = typeof s === 'string' ? parseIsoDate(s) : undefined;
  if (d === undefined) throw badData(`${pointer} = ${JSON.stringify(s)} (expected "YYYY-MM-DD")`, { pointer });
  return d;
}

/** The tables that depend on the calendar alone: shared by its schedules (a start compiles four of one calendar). */
interface CalendarDays {
  first: number;
  dataLast: number;
  last: number;
  n: number;
  dayStart: Float64Array;
  offsetMinutes: Int16Array;
  weekday: Uint8Array;
  working: Uint8Array;
  reason: Uint8Array;
  details: (DayDetail | undefined)[];
  provisional: Uint8Array;
  provisionalBefore: Int32Array;
  workingBefore: Int32Array;
  workingDayIndex: Int32Array;
  civilYear: Uint16Array;
  civilMonth: Uint8Array;
  civilDay: Uint8Array;
  firstYear: number;
  monthStart: Int32Array;
}

/** Calendars already laid out, by their JSON text (an edited calendar is another text). */
const calendarsLaidOut = new Map<string, CalendarDays>();

/** Flags → how many are set before each day, and the days set, in order. */
function prefix(flags: Uint8Array, n: number) {
  const before = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) before[i + 1] = before[i] + flags[i];
  const index = new Int32Array(before[n]);
  for (let i = 0, k = 0; i < n; i++) if (flags[i]) index[k++] = i;
  return { before, index };
}

/** The days a calendar's tables cover: its data's, then computed to CALENDAR_HORIZON; a located error if unusable. */
function coverageOf(calendar: CalendarData) {
  const first = requireDate(calendar.coverage?.from, '/coverage/from');
  const dataLast = requireDate(calendar.coverage?.to, '/coverage/to');
  if (dataLast < first) throw badData('coverage.to is before coverage.from', {});
  const last = Math.max(dataLast, parseIsoDate(CALENDAR_HORIZON)!);
  return { first, dataLast, last, n: last - first + 1 };
}

function calendarDays(calendar: CalendarData): CalendarDays {
  const key = JSON.stringify(calendar);
  const known = calendarsLaidOut.get(key);
  if (known) return known;
  const zone = calendar.timeZone;
  const { first, dataLast, last, n } = coverageOf(calendar);
  const weekendSet = new Set(calendar.weekend);

  // --- holidays in force, by epoch day (a month of look-back so a late-December move reaches January)
  const holidayOn = new Map<number, HolidayDefinition>();
  const byId = new Map(calendar.holidays.map((h) => [h.id, h]));
  const inForce = (h: HolidayDefinition, e: number) =>
    (h.validFrom == null || e >= requireDate(h.validFrom, `/holidays/${h.id}/validFrom`)) &&
    (h.validTo == null || e <= requireDate(h.validTo, `/holidays/${h.id}/validTo`));
  const from0 = first - 31;
  const y0 = civilFromDays(from0).year;
  const y1 = civilFromDays(last).year;
  for (const h of calendar.holidays) {
    if (h.movable) continue;
    if (!h.month || !Array.isArray(h.days))
      throw badData(`holiday "${h.id}" has neither month/days nor movable`, { holiday: h.id });
    for (let y = y0; y <= y1; y++) {
      for (const d of h.days) {
        const e = parseIsoDate(`${y}-${String(h.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        if (e === undefined)
          throw badData(`holiday "${h.id}" has an impossible date ${h.month}/${d}`, { holiday: h.id });
        if (e >= from0 && e <= last && inForce(h, e)) holidayOn.set(e, h);
      }
    }
  }
  const estimatedDay = new Set<number>();
  const entered = new Set<string>(); // "holiday/year" with an entered movable date
  (calendar.movableDates ?? []).forEach((md, i) => {
    const h = byId.get(md.holiday);
    if (!h)
      throw badData(`/movableDates/${i} names an unknown holiday "${md.holiday}"`, { pointer: `/movableDates/${i}` });
    const e = requireDate(md.date, `/movableDates/${i}/date`);
    entered.add(`${h.id}/${civilFromDays(e).year}`);
    if (e >= from0 && e <= last && inForce(h, e)) {
      holidayOn.set(e, h);
      if (md.provisional) estimatedDay.add(e);
    }
  });
  // Past the data: movable holidays from their lunar rule, in the years nobody entered a date for.
  const computedDay = new Set<number>();
  for (const h of calendar.holidays) {
    if (!h.movable || !h.lunarDate || dataLast >= last) continue;
    let dates: number[];
    try {
      dates = lunarDates(h.lunarDate, dataLast + 1, last);
    } catch (e) {
      throw badData(`holiday "${h.id}": ${(e as Error).message}`, { holiday: h.id });
    }
    for (const e of dates)
      if (!entered.has(`${h.id}/${civilFromDays(e).year}`) && inForce(h, e) && !holidayOn.has(e)) {
        holidayOn.set(e, h);
        computedDay.add(e);
      }
  }

  // --- moving rule (Labour Code): chronological, past weekends, holidays and days already moved to
  const moved = new Map<number, { holiday: HolidayDefinition; from: number }>();
  for (const e of [...holidayOn.keys()].sort((a, b) => a - b)) {
    const h = holidayOn.get(e)!;
    if (!h.movesWhenOnWeekend || !weekendSet.has(isoWeekday(e))) continue;
    let c = e + 1;
    while (weekendSet.has(isoWeekday(c)) || holidayOn.has(c) || moved.has(c)) c++;
    moved.set(c, { holiday: h, from: e });
    if (estimatedDay.has(e)) estimatedDay.add(c);
  }

  const transferOff = new Map<number, Transfer>();
  const transferWorking = new Map<number, Transfer>();
  (calendar.transfers ?? []).forEach((t, i) => {
    const e = requireDate(t.date, `/transfers/${i}/date`);
    if (t.type === 'dayOff') transferOff.set(e, t);
    else if (t.type === 'workingDay') transferWorking.set(e, t);
    else throw badData(`/transfers/${i}/type must be "dayOff" or "workingDay"`, { pointer: `/transfers/${i}/type` });
  });
  const extra = new Map<number, ExtraDayOff>();
  (calendar.extraDaysOff ?? []).forEach((x, i) => extra.set(requireDate(x.date, `/extraDaysOff/${i}/date`), x));

  // --- per-day tables
  const dayStart = new Float64Array(n + 1);
  const offsetMinutes = new Int16Array(n + 1);
  const weekday = new Uint8Array(n);
  const working = new Uint8Array(n);
  const reason = new Uint8Array(n);
  const details: (DayDetail | undefined)[] = new Array(n).fill(undefined);
  if (!fillMidnights(first, n, zone, dayStart, offsetMinutes))
    throw badData(`time zone "${zone}" is not known to this runtime's ICU data`, { timeZone: zone });
  for (let i = 0; i < n; i++) {
    const e = first + i;
    const wd = isoWeekday(e);
    weekday[i] = wd;
    let r: DayReasonCode;
    let det: DayDetail | undefined;
    const tw = transferWorking.get(e);
    if (tw) {
      r = DayReason.workingByTransfer;
      det = { reason: 'workingByTransfer', transfer: tw };
    } else if (holidayOn.has(e)) {
      r = DayReason.holiday;
      det = { reason: 'holiday', holiday: holidayOn.get(e), onWeekend: weekendSet.has(wd) };
      if (computedDay.has(e)) det.computed = true;
    } else if (moved.has(e)) {
      const mv = moved.get(e)!;
      r = DayReason.movedHoliday;
      det = { reason: 'movedHoliday', holiday: mv.holiday, movedFrom: formatIsoDate(mv.from) };
      if (computedDay.has(mv.from)) det.computed = true;
    } else if (transferOff.has(e)) {
      r = DayReason.transfer;
      det = { reason: 'transfer', transfer: transferOff.get(e) };
    } else if (extra.has(e)) {
      r = DayReason.extra;
      det = { reason: 'extra', extra: extra.get(e) };
    } else if (weekendSet.has(wd)) {
      r = DayReason.weekend;
    } else {
      r = DayReason.working;
    }
    reason[i] = r;
    details[i] = det;
    working[i] = r === DayReason.working || r === DayReason.workingByTransfer ? 1 : 0;
  }

  const provisional = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    provisional[i] =
      first + i > dataLast
        ? Provisional.computedYear
        : estimatedDay.has(first + i)
          ? Provisional.provisionalDate
          : Provisional.none;
  const provisionalBefore = prefix(
    provisional.map((p) => (p ? 1 : 0)),
    n,
  ).before;
  const w = prefix(working, n);

  // Civil dates by counting days forward from the first (one conversion, not one per day).
  const civilYear = new Uint16Array(n);
  const civilMonth = new Uint8Array(n);
  const civilDay = new Uint8Array(n);
  let { year: cy, month: cm, day: cd } = civilFromDays(first);
  for (let i = 0; i < n; i++) {
    civilYear[i] = cy;
    civilMonth[i] = cm;
    civilDay[i] = cd;
    if (cd < daysInMonth(cy, cm)) cd++;
    else {
      cd = 1;
      if (cm < 12) cm++;
      else {
        cm = 1;
        cy++;
      }
    }
  }

  const firstYear = civilYear[0];
  const monthStart = new Int32Array((y1 - firstYear + 2) * 12);
  for (let k = 0; k < monthStart.length; k++)
    monthStart[k] = daysFromCivil(firstYear + Math.floor(k / 12), (k % 12) + 1, 1);

  const days: CalendarDays = {
    first,
    dataLast,
    last,
    n,
    dayStart,
    offsetMinutes,
    weekday,
    working,
    reason,
    details,
    provisional,
    provisionalBefore,
    workingBefore: w.before,
    workingDayIndex: w.index,
    civilYear,
    civilMonth,
    civilDay,
    firstYear,
    monthStart,
  };
  if (calendarsLaidOut.size >= 8) calendarsLaidOut.clear();
  calendarsLaidOut.set(key, days);
  return days;
}

/**
 * Compiles a calendar and a schedule into a WorkingTime, once; every deadline query then runs on its tables.
 *
 * Day-off rules (docs/calendar-data-format.md): weekend days, holidays in force, a national/state holiday on a
 * weekend moves its day off to the next date that is neither weekend, holiday nor an already moved day (Labour Code;
 * religious days never move), then transfers by government acts, then extra days off; a "workingDay" transfer wins.
 *
 * @example
 * const wt = compileWorkingTime(kzCalendar, providerDefault);
 * addDuration(wt, registeredAt, { amount: 5, unit: 'workingDays' }).dueAt;
 */
export function compileWorkingTime(calendar: CalendarData, schedule: ScheduleData): WorkingTime {
  const zone = calendar.timeZone;
  if (schedule.timeZone && schedule.timeZone !== zone) {
    throw badData(`schedule "${schedule.id}" is in ${schedule.timeZone} but calendar "${calendar.id}" is in ${zone}`, {
      scheduleId: schedule.id,
    });
  }
  if (schedule.days !== 'working' && schedule.days !== 'all') {
    throw badData(`schedule "${schedule.id}": days must be "working" or "all"`, { scheduleId: schedule.id });
  }
  // The calendar's own faults first, as before the tables were shared; then the schedule's hours.
  coverageOf(calendar);
  // --- schedule hours
  if (!Array.isArray(schedule.hours) || schedule.hours.length === 0) {
    throw badData(`schedule "${schedule.id}" has no working hours`, { scheduleId: schedule.id });
  }
  const hours = schedule.hours.map((h, i) => ({
    from: parseHhmm(h.from, `/hours/${i}/from`, schedule.id),
    to: parseHhmm(h.to, `/hours/${i}/to`, schedule.id),
  }));
  hours.forEach((h, i) => {
    if (h.to <= h.from || (i > 0 && h.from < hours[i - 1].to)) {
      throw badData(`schedule "${schedule.id}": /hours/${i} must be a non-empty interval after the previous one`, {
        scheduleId: schedule.id,
      });
    }
  });
  const K = hours.length;

  const cal = calendarDays(calendar);
  const { first, n, last } = cal;
  // Each WorkingTime has tables of its own (copies): no two share an array.
  const dayStart = cal.dayStart.slice();
  const offsetMinutes = cal.offsetMinutes.slice();
  const working = cal.working.slice();
  const civilYear = cal.civilYear.slice();
  const civilMonth = cal.civilMonth.slice();
  const civilDay = cal.civilDay.slice();
  const open = schedule.days === 'all' ? new Uint8Array(n).fill(1) : working.slice();
  const o = prefix(open, n);

  const intervalStart = new Float64Array(n * K);
  const intervalEnd = new Float64Array(n * K);
  const workMsBefore = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    // Same offset at both midnights: no transition inside the day, so minutes add to midnight. Otherwise (the night
    // of 2024-02-29/03-01 in Asia/Almaty) each bound is resolved by luxon.
    const steady = offsetMinutes[i] === offsetMinutes[i + 1];
    const at = (min: number) =>
      min >= 24 * 60
        ? dayStart[i + 1]
        : steady
          ? dayStart[i] + min * 60000
          : DateTime.fromObject(
              {
                year: civilYear[i],
                month: civilMonth[i],
                day: civilDay[i],
                hour: Math.floor(min / 60),
                minute: min % 60,
              },
              { zone },
            ).toMillis();
    for (let k = 0; k < K; k++) {
      const s = open[i] ? at(hours[k].from) : dayStart[i];
      const e = open[i] ? at(hours[k].to) : dayStart[i];
      intervalStart[i * K + k] = s;
      intervalEnd[i * K + k] = e;
      sum += e - s;
    }
    workMsBefore[i + 1] = workMsBefore[i] + sum;
  }

  return {
    calendar,
    schedule,
    civilYear,
    civilMonth,
    civilDay,
    firstYear: cal.firstYear,
    monthStart: cal.monthStart.slice(),
    timeZone: zone,
    coverage: { from: formatIsoDate(first), to: formatIsoDate(last) },
    dayCount: n,
    firstEpochDay: first,
    dayStart,
    offsetMinutes,
    weekday: cal.weekday.slice(),
    working,
    reason: cal.reason.slice(),
    details: cal.details.slice(),
    workingBefore: cal.workingBefore.slice(),
    workingDayIndex: cal.workingDayIndex.slice(),
    open,
    openBefore: o.before,
    openDayIndex: o.index,
    slots: K,
    intervalStart,
    intervalEnd,
    workMsBefore,
    provisionalDay: cal.provisional.slice(),
    provisionalBefore: cal.provisionalBefore.slice(),
    hoursMinutes: hours,
  };
}
