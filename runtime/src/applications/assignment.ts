import { domainError } from '@qyzmet/engine';
import { nowIso, type RuntimeContext } from '../runtimeContext';
import type { AuditEntry, StoredApplication, StoredUser } from '../store/Store';
import type { ApplicationsService } from './applications.service';

/**
 * Who works on an application (C2): claim (one's own id), assign to a colleague, release (null). Any officer of the
 * provider claims an unassigned application and releases their own; taking one someone else holds is 409
 * assignment.taken, and assigning or releasing someone else's is 403 assignment.forbidden, unless the user holds the
 * `head` role or is an admin. The assignee must be an officer of the application's provider. Every change is one
 * audited write (application.assigned, {from, to}); asking for what already is changes nothing.
 */

function worksFor(user: StoredUser, provider: string): boolean {
  return user.roles.includes('officer') && (user.providers.includes('*') || user.providers.includes(provider));
}

/** May reassign and release anyone's: the provider's head, or an admin. */
function mayReassign(user: StoredUser): boolean {
  return user.roles.includes('admin') || user.actorRoles.includes('head');
}

/** `{ "userId": string | null }`, or a located 400. */
export function assigneeOfBody(body: unknown): string | null {
  const value =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as { userId?: unknown }).userId : undefined;
  if (value === null || (typeof value === 'string' && value.length > 0 && value.length <= 200)) return value;
  throw domainError('request', 'request.invalid', 'userId is required: a user id, or null to release the application', {
    extensions: {
      errors: [
        {
          pointer: '/userId',
          code: value === undefined ? 'required' : 'type',
          message: 'userId must be a user id or null',
        },
      ],
    },
  });
}

export async function assignApplication(
  ctx: RuntimeContext,
  applications: ApplicationsService,
  user: StoredUser,
  id: string,
  body: unknown,
): Promise<StoredApplication> {
  const to = assigneeOfBody(body);
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await applications.get(user, id);
    if (!worksFor(user, app.provider) && !user.roles.includes('admin'))
      throw domainError('forbidden', 'auth.role', 'only officers of the provider assign its applications');
    const from = app.assigneeId ?? null;
    if (to === from) return app;
    if (to !== null) {
      const colleague = to === user.id ? user : await ctx.store.getUser(to);
      if (!colleague || !worksFor(colleague, app.provider))
        throw domainError(
          'user',
          'assignment.notOfficer',
          `user "${to}" is not an officer of provider "${app.provider}"`,
          {
            params: { userId: to, provider: app.provider },
            extensions: { errors: [{ pointer: '/userId', code: 'enum', message: 'not an officer of the provider' }] },
          },
        );
      applications.officerNames.remember(colleague);
    }
    if (!mayReassign(user)) {
      if (to === user.id && from !== null)
        throw domainError('conflict', 'assignment.taken', `the application is already taken by another officer`, {
          params: { assignee: applications.officerNames.name(from) || from },
        });
      if (to !== null && to !== user.id)
        throw domainError('forbidden', 'assignment.forbidden', 'only the head assigns applications to colleagues');
      if (to === null && from !== user.id)
        throw domainError('forbidden', 'assignment.forbidden', "only the head releases a colleague's application");
    }
    const at = nowIso(ctx, applications.service(app.serviceId));
    const audit: AuditEntry = {
      at,
      userId: user.id,
      action: 'application.assigned',
      subject: `application:${id}`,
      details: { from, to },
    };
    const next: StoredApplication = { ...app, assigneeId: to, rev: app.rev + 1, updatedAt: at };
    if (await ctx.store.updateApplication(next, app.rev, [], [], [audit])) return next;
  }
  throw domainError('conflict', 'application.busy', 'the application changed while it was assigned; try again');
}
