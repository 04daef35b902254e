import {
  addDuration,
  parseDuration,
  resumeDeadline,
  type Counting,
  type Explanation,
  type WorkingTime,
} from '../calendar';
import type { DeadlineState } from './applicationState';

/**
 * A deadline's due instant computed again from its history on a working time: start + duration, then each
 * suspension, resumption and extension in the order they happened, with the same functions the run used
 * (resumeDeadline counts the remainder left at suspension from the resumption; an extension adds to the due instant).
 * After a calendar change this is the due instant the deadline would have had, had the new calendar been in force
 * all along. An open suspension (no resumption yet) leaves the due instant the resumption will count from.
 *
 * Undefined when the history is not known: a deadline moved before its moves were recorded (`adjusted` without
 * `adjustments`), or without a term.
 *
 * @example
 * replayDeadline(wt, {
 *   id: 'service', duration: '10 workingDays', startedAt: '2026-02-02T10:00:00+05:00', status: 'running',
 *   dueAt: '2026-02-23T18:30:00+05:00', explanation: [],
 *   adjustments: [
 *     { action: 'suspend', at: '2026-02-04T12:00:00+05:00' },
 *     { action: 'resume', at: '2026-02-11T12:00:00+05:00' },
 *   ],
 * })?.dueAt; // 23 February 18:30 (8 working days left at suspension, counted from 11 February)
 */
export function replayDeadline(
  wt: WorkingTime,
  deadline: DeadlineState,
  counting?: Counting,
): { dueAt: number; explanation: Explanation[] } | undefined {
  const adjustments = deadline.adjustments ?? (deadline.adjusted ? undefined : []);
  if (!adjustments || !deadline.duration) return undefined;
  const term = parseDuration(deadline.duration);
  const start = addDuration(wt, Date.parse(deadline.startedAt), term, counting);
  let dueAt = start.dueAt;
  const explanation = [...start.explanation];
  let suspendedAt: number | undefined;
  for (const a of adjustments) {
    if (a.action === 'suspend') {
      suspendedAt ??= Date.parse(a.at);
    } else if (a.action === 'resume') {
      if (suspendedAt === undefined) continue;
      // As the run resumes (runApplication: resume effect): the remainder in the term's own unit.
      const r = resumeDeadline(wt, dueAt, suspendedAt, Date.parse(a.at), term.unit);
      dueAt = r.dueAt;
      explanation.push(...r.explanation);
      suspendedAt = undefined;
    } else {
      const r = addDuration(wt, dueAt, parseDuration(a.by));
      dueAt = r.dueAt;
      explanation.push(...r.explanation);
    }
  }
  return { dueAt, explanation };
}
