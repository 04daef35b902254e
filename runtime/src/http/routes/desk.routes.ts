import { Router } from 'express';
import { domainError } from '@qyzmet/engine';
import type { ApplicationsService } from '../../applications/applications.service';
import { unsafeTextPointers } from '../../applications/unsafeText';
import type { RuntimeContext } from '../../runtimeContext';
import type { StoredApplication, StoredUser } from '../../store/Store';
import { languageOf, requireUser } from '../context';

/**
 * The officer's desk beside an application: the preview of a decision before it is confirmed, and the officers'
 * internal comments.
 *
 * A comment is an audit entry (`application.comment`, subject `application:<id>`, details `{ text }`): the audit trail
 * is append-only and already kept per application in both stores, so a comment is audited by being written, cannot
 * be edited afterwards, and needs no table of its own.
 */

const COMMENT_ACTION = 'application.comment';
const COMMENT_MAX = 2000;
/** Audit lines read per page when collecting an application's comments. */
const AUDIT_PAGE = 500;

/** The provider's side: an admin, or an officer who works for the application's provider. */
function providerSide(user: StoredUser, app: StoredApplication): boolean {
  if (user.roles.includes('admin')) return true;
  return user.roles.includes('officer') && (user.providers.includes('*') || user.providers.includes(app.provider));
}

function commentError(code: string, message: string) {
  return domainError('user', 'request.invalid', message, {
    extensions: { errors: [{ pointer: '/text', code, message }] },
  });
}

export function deskRoutes(ctx: RuntimeContext, applications: ApplicationsService): Router {
  const r = Router();

  /** The application, when this user is on its provider's side; the applicant (and anyone else) gets a 404. */
  const officersApplication = async (user: StoredUser, id: string) => {
    const app = await applications.get(user, id);
    if (!providerSide(user, app))
      throw domainError('notFound', 'application.unknown', `no application "${id}" whose comments you may see`);
    return app;
  };

  r.post('/applications/:id/events/preview', async (req, res) => {
    const user = requireUser(req);
    res.json(await applications.previewEvent(user, req.params.id, req.body ?? {}, languageOf(req)));
  });

  r.get('/applications/:id/comments', async (req, res) => {
    const user = requireUser(req);
    const app = await officersApplication(user, req.params.id);
    const lines = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.store.pageAudit({ subject: `application:${app.id}`, cursor, limit: AUDIT_PAGE });
      lines.push(...page.items.filter((a) => a.action === COMMENT_ACTION));
      cursor = page.next ?? undefined;
    } while (cursor);
    lines.reverse();
    const names = new Map<string, string>();
    for (const id of new Set(lines.map((a) => a.userId).filter((u): u is string => !!u)))
      names.set(id, (await ctx.store.getUser(id))?.displayName ?? '');
    res.json({
      items: lines.map((a) => ({
        at: a.at,
        author: { id: a.userId ?? '', displayName: names.get(a.userId ?? '') ?? '' },
        text: typeof a.details.text === 'string' ? a.details.text : '',
      })),
    });
  });

  r.post('/applications/:id/comments', async (req, res) => {
    const user = requireUser(req);
    const app = await officersApplication(user, req.params.id);
    const text: unknown = (req.body ?? {}).text;
    if (typeof text !== 'string') throw commentError('required', 'text is required: the comment, 1 to 2000 characters');
    if (!text.trim()) throw commentError('minLength', 'the comment is empty');
    if (text.length > COMMENT_MAX) throw commentError('maxLength', `a comment holds at most ${COMMENT_MAX} characters`);
    if (unsafeTextPointers(text).length)
      throw commentError('unsafeText', 'the comment holds a character that is not allowed');
    const at = ctx.now().toISOString();
    await ctx.store.appendAudit({
      at,
      userId: user.id,
      action: COMMENT_ACTION,
      subject: `application:${app.id}`,
      details: { text },
    });
    res.status(201).json({ at, author: { id: user.id, displayName: user.displayName }, text });
  });

  return r;
}
