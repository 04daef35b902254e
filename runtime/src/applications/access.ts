import { domainError } from '@qyzmet/engine';
import type { ApplicationQuery, StoredApplication, StoredUser } from '../store/Store';

/**
 * Who may see and act on which application, decided here only (the routes and the service both ask):
 * - an applicant sees and acts on their own applications;
 * - an officer sees the applications of the providers they work for ("*": every provider) and acts on them in their
 *   provider-side roles (`actorRoles`);
 * - an admin sees every application and acts in their provider-side roles;
 * - anyone else (an analyst) sees none.
 * Only applicants (and admins) submit. An application a user may not see is answered as not found, so its existence
 * does not leak. Which role may send which event is the definition's business: the engine checks it.
 */

function worksFor(user: StoredUser, provider: string): boolean {
  return user.roles.includes('officer') && (user.providers.includes('*') || user.providers.includes(provider));
}

export function maySee(user: StoredUser, app: StoredApplication): boolean {
  if (user.roles.includes('admin')) return true;
  if (worksFor(user, app.provider)) return true;
  return user.roles.includes('applicant') && app.applicantId === user.id;
}

/** The roles of the definition (`applicant` for the owner, provider-side roles) this user may act in here. */
export function actorRolesOf(user: StoredUser, app: StoredApplication): string[] {
  const roles: string[] = [];
  if (app.applicantId === user.id) roles.push('applicant');
  if (worksFor(user, app.provider)) roles.push(...user.actorRoles);
  if (user.roles.includes('admin')) roles.push(...user.actorRoles);
  return roles;
}

/** Not an actor of the definition format, so the engine refuses every event sent in it. */
const NO_ROLE = 'none';

/**
 * The role this user sends an event in: the first of the event's roles they may act in. When they may act in none
 * of them, one they do hold (or none at all), so that the engine refuses the event and names who may send it.
 */
export function actingRole(user: StoredUser, app: StoredApplication, eventRoles: readonly string[]): string {
  const mine = actorRolesOf(user, app);
  return eventRoles.find((r) => mine.includes(r)) ?? mine[0] ?? NO_ROLE;
}

export function assertMaySubmit(user: StoredUser): void {
  if (!user.roles.includes('applicant') && !user.roles.includes('admin'))
    throw domainError('forbidden', 'auth.role', 'only an applicant submits applications');
}

/**
 * The part of an inbox query this user may read: an admin any provider, an officer their providers, an applicant
 * their own applications. `provider` narrows it; asking for a provider an officer does not work for is forbidden.
 */
export function inboxScope(user: StoredUser, provider?: string): Pick<ApplicationQuery, 'providers' | 'applicantId'> {
  if (user.roles.includes('admin')) return { providers: provider ? [provider] : undefined };
  if (user.roles.includes('officer')) {
    const mine = user.providers.includes('*') ? null : user.providers;
    if (provider && mine && !mine.includes(provider))
      throw domainError('forbidden', 'auth.provider', `you do not work for provider "${provider}"`);
    return { providers: provider ? [provider] : (mine ?? undefined) };
  }
  if (user.roles.includes('applicant')) return { applicantId: user.id };
  throw domainError('forbidden', 'auth.role', 'only applicants, officers and admins read applications');
}
