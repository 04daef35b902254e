// Times are shown with the calendar module's functions (Asia/Almaty, the offset of each date), imported from their
// module like every engine import of these pages: the engine's index would pull the whole engine into their chunks.
// Not in common.tsx: the module brings luxon (~21 kB), which the applicant's catalogue and form never use.
import { civilDateOf, KAZAKHSTAN_TIME_ZONE } from '../../../engine/src/calendar/localTime';
// The engine's one list of statuses, from its module: the engine's index would pull the whole engine into this chunk.
import { OPEN_STATUSES } from '../../../engine/src/format/applicationStatuses';
import { mainDeadline, type Application } from './common';

/**
 * 'overdue' when the runtime says so (its clock decides, not the browser's); 'due-today' when an open application
 * is due on today's local date in Asia/Almaty (the browser's date: the API does not tell its own); '' otherwise.
 */
export function urgency(
  a: Pick<Application, 'deadlines' | 'status' | 'overdue'>,
  now: Date = new Date(),
): 'overdue' | 'due-today' | '' {
  if (!OPEN_STATUSES.includes(a.status)) return '';
  if (a.overdue) return 'overdue';
  const d = mainDeadline(a);
  if (!d?.dueAt || d.status === 'closed') return '';
  return civilDateOf(d.dueAt, KAZAKHSTAN_TIME_ZONE) === civilDateOf(now.getTime(), KAZAKHSTAN_TIME_ZONE)
    ? 'due-today'
    : '';
}
