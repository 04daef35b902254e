// The working calendar and deadline engine: pure, no I/O; the runtime passes in the parsed calendar JSON.
export type {
  CalendarData,
  CalendarSource,
  ExtraDayOff,
  HolidayDefinition,
  LocalizedText,
  MovableDate,
  ProductionCalendarData,
  ScheduleData,
  ScheduleInterval,
  Transfer,
} from './calendarData';
export { CALENDAR_HORIZON, compileWorkingTime, DayReason } from './compileWorkingTime';
export { isProvisional, PROVISIONAL_CODE } from './provisional';
export { lunarIsoDates } from './lunarDates';
export type { LunarDate } from './lunarDates';
export type { DayDetail, DayReasonName, WorkingTime } from './compileWorkingTime';
export { registrationInstant } from './registrationInstant';
export type { RegistrationResult } from './registrationInstant';
export { addDuration } from './addDuration';
export type { Counting, DeadlineResult, Duration } from './addDuration';
export { subtractWorkingDays } from './subtractWorkingDays';
export { workingDaysBetween } from './workingDaysBetween';
export { workingTimeBetween } from './workingTimeBetween';
export type { WorkingSpan } from './workingTimeBetween';
export { resumeDeadline } from './resumeDeadline';
export { calendarYear } from './calendarYear';
export type { CalendarMonth, CalendarYear } from './calendarYear';
export { DURATION_UNITS, parseDuration } from './parseDuration';
export { parseInstant } from './parseInstant';
export { formatInstant } from './formatInstant';
export {
  civilDateOf,
  instantOfLocal,
  KAZAKHSTAN_TIME_ZONE,
  localDateTimeOf,
  startOfCivilDay,
  toDottedDateTime,
  toLocalIso,
} from './localTime';
export type { CivilDateTime, Instant } from './localTime';
export { addCalendarDays } from './addCalendarDays';
export { daysInMonth } from './civilDate';
export type { DurationUnit, Explanation } from './explanation';
