import { addCalendarDays } from '../calendar';
import type { Act, EffectiveFrom } from '../format/types';

/**
 * Effective dates of versions. A date is a local calendar date (YYYY-MM-DD) in the service's time zone.
 * "Enters into force after ten calendar days have passed since the day of its first official publication":
 * published on 1 February, the ten days are 2–11 February, in force from 12 February = publication + days + 1.
 */

export interface ResolvedDate {
  /** null while it cannot be known (the act is not yet published). */
  date: string | null;
  /** How it was obtained, for the analyst: "published 2026-01-28 + 10 calendar days". */
  how: string;
  /** True when it rests on the earliest possible publication date, not the real one. */
  provisional?: boolean;
}

export function resolveEffectiveFrom(
  rule: EffectiveFrom,
  acts: Record<string, Act>,
  seen: string[] = [],
): ResolvedDate {
  if (typeof rule === 'string') return { date: rule, how: `from ${rule}` };
  if ('afterPublication' in rule) {
    const { act, calendarDays } = rule.afterPublication;
    const publication = acts[act]?.publication;
    const published = publication?.date ?? null;
    if (!published && publication?.earliest) {
      return {
        date: addCalendarDays(publication.earliest, calendarDays + 1),
        how: `provisional: the publication date of ${act} is not established; not before ${publication.earliest} + ${calendarDays} calendar days`,
        provisional: true,
      };
    }
    if (!published)
      return { date: null, how: `waits for the first official publication of ${act} (+${calendarDays} calendar days)` };
    return {
      date: addCalendarDays(published, calendarDays + 1),
      how: `${act} published ${published}; in force after ${calendarDays} calendar days`,
    };
  }
  const actId = rule.actEntersIntoForce;
  const act = acts[actId];
  if (!act?.entryIntoForce || seen.includes(actId))
    return { date: null, how: `the entry into force of ${actId} is not known` };
  const r = resolveEffectiveFrom(act.entryIntoForce, acts, [...seen, actId]);
  return { date: r.date, how: `${actId} enters into force: ${r.how}`, provisional: r.provisional };
}
