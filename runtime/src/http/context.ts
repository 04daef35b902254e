import type { Request } from 'express';
import { domainError, type Lang } from '@qyzmet/engine';
import type { StoredUser } from '../store/Store';

/** Per-request facts: the authenticated user (if any) and the language of messages (Accept-Language: kk, ru, en). */

export function languageOf(req: Request): Lang {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  const query = typeof req.query.lang === 'string' ? req.query.lang : '';
  for (const candidate of [query, ...header.split(',').map((p) => p.trim().split(';')[0].split('-')[0])]) {
    if (candidate === 'kk' || candidate === 'ru' || candidate === 'en') return candidate;
  }
  return 'kk';
}

/**
 * The `return` preference of RFC 7240 (`Prefer: return=representation` or `return=minimal`), if the request states one.
 * Preferences are separated by commas; a preference's parameters (after `;`) and its case do not matter here.
 */
export function returnPreferenceOf(req: Request): 'representation' | 'minimal' | undefined {
  const header = req.headers.prefer;
  if (header === undefined) return undefined;
  for (const preference of [header].flat().join(',').toLowerCase().split(',')) {
    const [name, value] = preference
      .split(';')[0]
      .split('=')
      .map((part) => part.trim().replace(/^"|"$/g, ''));
    if (name === 'return' && (value === 'representation' || value === 'minimal')) return value;
  }
  return undefined;
}

export function userOf(req: Request): StoredUser | undefined {
  return (req as Request & { user?: StoredUser }).user;
}

export function requireUser(req: Request): StoredUser {
  const user = userOf(req);
  if (!user)
    throw domainError(
      'unauthenticated',
      'auth.required',
      'sign in first: POST /api/v1/auth/login, then send Authorization: Bearer <token>',
    );
  return user;
}

export function requireRole(req: Request, ...roles: StoredUser['roles']): StoredUser {
  const user = requireUser(req);
  if (!roles.some((r) => user.roles.includes(r)))
    throw domainError('forbidden', 'auth.role', `this needs one of the roles: ${roles.join(', ')}`);
  return user;
}
