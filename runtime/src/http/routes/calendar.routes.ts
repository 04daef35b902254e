import { Router } from 'express';
import {
  addDuration,
  calendarYear,
  domainError,
  formatInstant,
  parseDuration,
  parseInstant,
  registrationInstant,
} from '@qyzmet/engine';
import type { RuntimeContext } from '../../runtimeContext';

/** The same answers as `qyzmet calendar` and `qyzmet deadline`. */
export function calendarRoutes(ctx: RuntimeContext): Router {
  const r = Router();
  const wtOf = (schedule: unknown) => {
    const id = typeof schedule === 'string' ? schedule : 'provider-default';
    const wt = ctx.repo.workingTime(id);
    if (!wt)
      throw domainError(
        'notFound',
        'schedule.unknown',
        `no schedule "${id}"; schedules: ${[...ctx.repo.schedules.keys()].join(', ')}`,
      );
    return wt;
  };
  r.get('/calendar/:year', (req, res) => {
    const year = Number(req.params.year);
    if (!Number.isInteger(year)) throw domainError('request', 'request.year', `"${req.params.year}" is not a year`);
    res.json(calendarYear(wtOf(req.query.schedule), year));
  });
  r.get('/deadline', (req, res) => {
    const { from, duration } = req.query;
    if (typeof from !== 'string' || typeof duration !== 'string')
      throw domainError(
        'request',
        'request.invalid',
        'give ?from=<ISO instant>&duration=<n unit>, e.g. from=2026-03-20T18:45:00%2B05:00&duration=3%20workingDays',
      );
    const wt = wtOf(req.query.schedule);
    const fromMs = parseInstant(from);
    const d = parseDuration(duration);
    const reg = registrationInstant(wt, fromMs);
    const due = addDuration(wt, reg.registeredAt, d);
    res.json({
      from: formatInstant(wt, fromMs),
      registeredAt: formatInstant(wt, reg.registeredAt),
      dueAt: formatInstant(wt, due.dueAt),
      // Rests on a year computed from the statutes or an estimated date (DESIGN.md): may change with the decree.
      provisional: reg.provisional || due.provisional,
      explanation: [...reg.explanation, ...due.explanation],
    });
  });
  return r;
}
