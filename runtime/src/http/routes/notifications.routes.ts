import { Router } from 'express';
import type { ApplicationsService } from '../../applications/applications.service';
import { readPreferences, writePreferences } from '../../notifications';
import type { RuntimeContext } from '../../runtimeContext';
import { languageOf, requireUser } from '../context';

/** How many messages of one application the log answers with: every status change of a long case fits. */
const LOG_LIMIT = 500;

/**
 * Notifications (C6): the signed-in user's channels (GET/PUT /me/notifications: `{ email, sms }`, each null when
 * off; the messages are written in the language of the PUT), and an application's notification log (its applicant and
 * the officers who may see it; anyone else gets 404, as for the application).
 */
export function notificationsRoutes(ctx: RuntimeContext, applications: ApplicationsService): Router {
  const r = Router();
  r.get('/me/notifications', async (req, res) => {
    const user = requireUser(req);
    const { email, sms } = await readPreferences(ctx, user.id);
    res.json({ email, sms });
  });
  r.put('/me/notifications', async (req, res) => {
    const user = requireUser(req);
    res.json(await writePreferences(ctx, user.id, req.body, languageOf(req)));
  });
  r.get('/applications/:id/notifications', async (req, res) => {
    const user = requireUser(req);
    const app = await applications.get(user, req.params.id);
    const entries = await ctx.store.listAudit(`application:${app.id}`, LOG_LIMIT);
    // The trail answers newest first; the log reads oldest first.
    const items = entries
      .filter((e) => e.action === 'notification.sent')
      .map((e) => ({ at: e.at, channel: e.details.channel, to: e.details.to, text: e.details.text }))
      .reverse();
    res.json({ items });
  });
  return r;
}
