import { Router } from 'express';
import { domainError } from '@qyzmet/engine';
import type { RuntimeContext } from '../../runtimeContext';
import { requireUser } from '../context';
import { queryError } from '../requestGuards';

/** Kazakh alphabetical order (Ә after А, Қ after К…), which code-point order does not give. */
const byName = new Intl.Collator('kk');

/**
 * The officers of a provider, for the inbox's "assign to" list (C2): users with the officer role whose providers
 * hold it or "*". Asked by an admin, or by an officer who works for that provider.
 */
export function officersRoutes(ctx: RuntimeContext): Router {
  const r = Router();

  r.get('/officers', async (req, res) => {
    const user = requireUser(req);
    const provider = req.query.provider;
    if (typeof provider !== 'string' || provider === '')
      throw queryError('provider', 'request.provider', 'provider is required: the id of a provider of a service');
    const admin = user.roles.includes('admin');
    if (!admin && !user.roles.includes('officer'))
      throw domainError('forbidden', 'auth.role', 'only officers and admins list the officers of a provider');
    if (!admin && !user.providers.includes('*') && !user.providers.includes(provider))
      throw domainError('forbidden', 'auth.provider', `you do not work for provider "${provider}"`);
    const officers = await ctx.store.listOfficers(provider);
    officers.sort((a, b) => byName.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : 1));
    res.json({ items: officers.map((o) => ({ id: o.id, displayName: o.displayName })) });
  });

  return r;
}
