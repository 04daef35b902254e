import { addCalendarDays, civilDateOf, registrationOf, startOfCivilDay, type CompiledService } from '@qyzmet/engine';

/** How far back to look for a working morning: longer than any run of days off in the calendar. */
const LOOK_BACK_DAYS = 21;

/** 10:00: an hour into the working day, clear of its opening and of the lunch break. */
const MORNING_MS = 10 * 3_600_000;

/**
 * When the demo submits its samples of `service`: `nowMs` if an application arriving then is registered at once,
 * else 10:00 of the latest earlier day on which it would be (local time of the service's calendar).
 *
 * The samples replay the officers' steps right after the submission, and the Rules let the provider act only on a
 * registered application. Submitted at night or on a day off, an application is registered the next working morning,
 * so every sample with an officer's step was refused: a demo started in the evening showed 7 samples instead of 24.
 *
 * @example
 *   // Saturday 7 March 2026, 14:20 in Astana: the samples are submitted on Friday 6 March at 10:00.
 *   demoSubmissionInstant(service, Date.parse('2026-03-07T14:20:00+05:00')) // Date.parse('2026-03-06T10:00:00+05:00')
 */
export function demoSubmissionInstant(service: CompiledService, nowMs: number): number {
  const registeredOnArrival = (ms: number) =>
    Math.abs(Date.parse(registrationOf(service, new Date(ms).toISOString()).registeredAt) - ms) < 1000;
  if (registeredOnArrival(nowMs)) return nowMs;
  const zone = service.workingTime.timeZone;
  const today = civilDateOf(nowMs, zone);
  for (let back = 0; back <= LOOK_BACK_DAYS; back++) {
    const morning = startOfCivilDay(addCalendarDays(today, -back), zone) + MORNING_MS;
    if (morning < nowMs && registeredOnArrival(morning)) return morning;
  }
  return nowMs;
}
