import { Router, type RequestHandler } from 'express';
import {
  addCalendarDays,
  APPLICATION_STATUSES,
  civilDateOf,
  domainError,
  isStatus,
  KAZAKHSTAN_TIME_ZONE,
  startOfCivilDay,
  type Status,
} from '@qyzmet/engine';
import { inboxScope } from '../../applications/access';
import { assignApplication } from '../../applications/assignment';
import type { ApplicationsService } from '../../applications/applications.service';
import { issuedPdf } from '../../documents/issuedPdf';
import type { RuntimeContext } from '../../runtimeContext';
import { languageOf, requireUser, returnPreferenceOf } from '../context';
import { isIsoInstant, queryError, wholeNumberQuery } from '../requestGuards';
import { documentPolicy } from '../securityHeaders';

/** The search box: at most 200 characters (a number, an IIN, part of a name or object). */
function searchQuery(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.length > 200)
    throw queryError(
      'q',
      'request.q',
      'q is the search text: a number or its last digits, an IIN/BIN, or part of a name or object (at most 200 characters)',
    );
  return raw.trim() === '' ? undefined : raw;
}

/** `me`, `none` or a user id. */
function assigneeQuery(raw: unknown, me: string): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'me') return me;
  if (raw === 'none') return null;
  if (typeof raw === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(raw)) return raw;
  throw queryError('assignee', 'request.assignee', 'assignee must be "me", "none" or a user id');
}

function dueQuery(raw: unknown): 'overdue' | 'today' | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'overdue' || raw === 'today') return raw;
  throw queryError('due', 'request.due', `due must be "overdue" or "today", not "${String(raw).slice(0, 40)}"`);
}

/** The first instant of tomorrow in Kazakhstan: "due today" is due before it. */
function endOfToday(now: Date): string {
  const today = civilDateOf(now.getTime(), KAZAKHSTAN_TIME_ZONE);
  return new Date(startOfCivilDay(addCalendarDays(today, 1), KAZAKHSTAN_TIME_ZONE)).toISOString();
}

/**
 * Applications: submit, read, act on, list (inboxes), and their documents as HTML or PDF. `submissionLimit` runs in
 * the route of POST /applications itself, one layer of express fewer on every submission.
 */
export function applicationsRoutes(
  ctx: RuntimeContext,
  applications: ApplicationsService,
  submissionLimit: RequestHandler,
): Router {
  const r = Router();

  // The receipt unless the client prefers the whole view (RFC 7240): the view's texts are most of its bytes and of the
  // work of answering, and the applicant's page reads only the id before it opens the application.
  r.post('/applications', submissionLimit, async (req, res) => {
    const user = requireUser(req);
    const lang = languageOf(req);
    const wanted = returnPreferenceOf(req);
    const app = await applications.create(user, req.body ?? {}, lang);
    res.status(201).location(`/api/v1/applications/${app.id}`).vary('Prefer');
    if (wanted) res.setHeader('preference-applied', `return=${wanted}`);
    res.json(wanted === 'representation' ? applications.view(app, user, lang) : applications.receipt(app, user, lang));
  });

  r.get('/applications', async (req, res) => {
    const user = requireUser(req);
    const q = req.query;
    const limit = wholeNumberQuery(req, 'limit', { min: 1, max: 500, fallback: 50 });
    const offset = wholeNumberQuery(req, 'offset', { min: 0, max: 1_000_000, fallback: 0 });
    const status = typeof q.status === 'string' ? q.status.split(',') : undefined;
    if (status?.some((s) => !isStatus(s)))
      throw queryError('status', 'request.status', `status must be among ${APPLICATION_STATUSES.join(', ')}`);
    const dueBefore = typeof q.dueBefore === 'string' ? q.dueBefore : undefined;
    if (dueBefore !== undefined && !isIsoInstant(dueBefore))
      throw queryError(
        'dueBefore',
        'request.dueBefore',
        `dueBefore="${dueBefore}" is not an ISO instant such as 2026-03-31T18:30:00+05:00`,
      );
    const scope = inboxScope(user, typeof q.provider === 'string' ? q.provider : undefined);
    const now = ctx.now();
    const overdue = q.overdue === 'true' || q.overdue === '1';
    const due = dueQuery(q.due);
    // "today": open applications due before the end of today in Kazakhstan (overdue ones included).
    const overdueAt = due === 'today' ? endOfToday(now) : due === 'overdue' || overdue ? now.toISOString() : undefined;
    const { items, total, totalExact } = await ctx.store.listApplications({
      ...scope,
      serviceId: typeof q.serviceId === 'string' ? q.serviceId : undefined,
      status: status as Status[] | undefined,
      overdueAt,
      dueBefore,
      search: searchQuery(q.q),
      assignee: assigneeQuery(q.assignee, user.id),
      limit,
      offset,
    });
    const lang = languageOf(req);
    await applications.officerNames.load(items);
    // Summaries: a page of full applications (data, history) weighed 31 MB when one application held 1 MB.
    res.json({ items: items.map((a) => applications.summary(a, user, lang)), total, totalExact, limit, offset });
  });

  r.get('/applications/:id', async (req, res) => {
    const user = requireUser(req);
    res.json(applications.view(await applications.get(user, req.params.id), user, languageOf(req)));
  });

  // Claim (one's own id), assign to a colleague, release (null): assignment.ts says who may.
  r.put('/applications/:id/assignee', async (req, res) => {
    const user = requireUser(req);
    const app = await assignApplication(ctx, applications, user, req.params.id, req.body);
    res.json(applications.view(app, user, languageOf(req)));
  });

  r.post('/applications/:id/events', async (req, res) => {
    const user = requireUser(req);
    res.json(await applications.sendEvent(user, req.params.id, req.body ?? {}, languageOf(req)));
  });

  r.get('/applications/:id/events', async (req, res) => {
    const user = requireUser(req);
    await applications.get(user, req.params.id);
    res.json({ items: await ctx.store.listEvents(req.params.id) });
  });

  // An issued document may style itself and nothing more, even opened on its own.
  r.get('/applications/:id/documents/:documentId', documentPolicy);
  r.get('/applications/:id/documents/:documentId', async (req, res) => {
    const user = requireUser(req);
    const app = await applications.get(user, req.params.id);
    const q = typeof req.query.lang === 'string' ? req.query.lang : languageOf(req);
    const lang = q === 'ru' ? 'ru' : 'kk';
    const doc = await ctx.store.getDocument(app.id, req.params.documentId, lang);
    if (!doc)
      throw domainError(
        'notFound',
        'document.unknown',
        `the application has no document "${req.params.documentId}"; issued: ${app.snapshot.documents.map((d) => d.id).join(', ') || 'none yet'}`,
      );
    if (req.accepts(['text/html', 'application/pdf']) === 'application/pdf') {
      // The same bytes at every request; the first rendering records their SHA-256 for GET /verify/:number.
      const { pdf } = await issuedPdf(ctx.store, doc, app.serviceId);
      res
        .type('application/pdf')
        .setHeader('content-disposition', `inline; filename="${doc.documentId}-${doc.number ?? app.id}.pdf"`);
      return void res.send(pdf);
    }
    res.type('text/html; charset=utf-8').send(doc.html);
  });
  return r;
}
