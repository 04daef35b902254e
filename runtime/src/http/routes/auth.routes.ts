import { Router, type NextFunction, type Request, type Response } from 'express';
import { domainError } from '@qyzmet/engine';
import { newToken, tokenHash, verifyPassword } from '../../auth/passwords';
import type { RuntimeContext } from '../../runtimeContext';
import { requireUser } from '../context';

const SESSION_MS = 12 * 3_600_000;

/** Reads `Authorization: Bearer <token>` and attaches the user; an invalid or expired token is a 401. */
export function authenticate(ctx: RuntimeContext) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const header = req.headers.authorization;
      if (header) {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m)
          throw domainError('unauthenticated', 'auth.malformed', 'the Authorization header must be "Bearer <token>"');
        const session = await ctx.store.getSession(tokenHash(m[1]));
        if (!session || Date.parse(session.expiresAt) <= ctx.now().getTime())
          throw domainError('unauthenticated', 'auth.expired', 'the token is unknown or expired; sign in again');
        const user = await ctx.store.getUser(session.userId);
        if (!user)
          throw domainError('unauthenticated', 'auth.expired', 'the token is unknown or expired; sign in again');
        (req as Request & { user?: unknown }).user = user;
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}

export function authRoutes(ctx: RuntimeContext): Router {
  const r = Router();
  r.post('/auth/login', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string')
      throw domainError('user', 'request.invalid', 'send { "username": "...", "password": "..." }');
    const user = await ctx.store.getUserByUsername(username);
    // The same answer and a password check either way, so the response does not tell which usernames exist.
    const ok = user
      ? await verifyPassword(password, user.passwordHash)
      : (await verifyPassword(
          password,
          'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        ),
        false);
    if (!user || !ok) throw domainError('unauthenticated', 'auth.invalid', 'wrong username or password');
    const token = newToken();
    const expiresAt = new Date(ctx.now().getTime() + SESSION_MS).toISOString();
    await ctx.store.createSession(tokenHash(token), user.id, expiresAt);
    await ctx.store.appendAudit({
      at: ctx.now().toISOString(),
      userId: user.id,
      action: 'auth.login',
      subject: `user:${user.id}`,
      details: {},
    });
    res.json({
      token,
      expiresAt,
      user: { id: user.id, username: user.username, roles: user.roles, displayName: user.displayName },
    });
  });
  r.get('/auth/me', (req, res) => {
    const u = requireUser(req);
    res.json({
      id: u.id,
      username: u.username,
      roles: u.roles,
      actorRoles: u.actorRoles,
      providers: u.providers,
      displayName: u.displayName,
    });
  });
  return r;
}
