import { Router, type NextFunction, type Request, type Response } from 'express';
import { domainError } from '@qyzmet/engine';
import { loginLimits, LoginThrottle, type LoginLimits, type Refusal } from '../../auth/loginThrottle';
import { PasswordGate } from '../../auth/passwordGate';
import { decoyHash, hashPassword, needsRehash, newToken, tokenHash, verifyPassword } from '../../auth/passwords';
import { clearSessionCookie, forgeryRisk, sessionCookieOf, setSessionCookie } from '../../auth/sessionCookie';
import { checkSession, firstExpiry, sessionPolicy, type SessionPolicy } from '../../auth/sessionPolicy';
import type { RuntimeContext } from '../../runtimeContext';
import type { StoredUser } from '../../store/Store';
import { requireUser } from '../context';

/** The token hash of the session a request was authenticated with, for POST /auth/logout. */
const sessionOfRequest = new WeakMap<Request, string>();

const expired = () => domainError('unauthenticated', 'auth.expired', 'the token is unknown or expired; sign in again');

/**
 * Attaches the user of the request's session: `Authorization: Bearer <token>` (API clients), else the session cookie
 * (the admin UI). A Bearer token that is unknown, revoked, idle or too old is a 401; a stale cookie is cleared and
 * the request goes on anonymous (public pages still answer, a signed-in one says to sign in). A cookie-authenticated
 * request that changes something must come from our own script (see forgeryRisk), else 403. No cache: a session
 * revoked on one instance is refused by every other at once.
 */
export function authenticate(ctx: RuntimeContext, policy: SessionPolicy = sessionPolicy()) {
  /** The user of a live session (its idle expiry moved on when due), or undefined. */
  const userOfSession = async (hash: string): Promise<StoredUser | undefined> => {
    const found = await ctx.store.getSessionWithUser(hash);
    const state = found && checkSession(policy, found.session, ctx.now().getTime());
    if (!found || !state?.alive) return undefined;
    const { user } = found;
    if (user && state.touchTo !== null) await ctx.store.touchSession(hash, new Date(state.touchTo).toISOString());
    return user;
  };
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.headers.authorization;
      const cookie = header ? undefined : sessionCookieOf(req);
      let hash: string | undefined;
      let user: StoredUser | undefined;
      if (header) {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m)
          throw domainError('unauthenticated', 'auth.malformed', 'the Authorization header must be "Bearer <token>"');
        hash = tokenHash(m[1]);
        user = await userOfSession(hash);
        if (!user) throw expired();
      } else if (cookie) {
        hash = tokenHash(cookie);
        user = await userOfSession(hash);
        if (!user) clearSessionCookie(req, res);
        else if (forgeryRisk(req))
          throw domainError(
            'forbidden',
            'auth.csrf',
            'a request signed in by the session cookie that changes something must be sent as JSON (Content-Type: application/json) or with the X-Qyzmet header',
          );
      }
      if (hash && user) {
        (req as Request & { user?: unknown }).user = user;
        sessionOfRequest.set(req, hash);
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}

/** The caller as the throttle and the audit name it: the peer address (behind a proxy, see `trust proxy`). */
function clientOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function authRoutes(
  ctx: RuntimeContext,
  policy: SessionPolicy = sessionPolicy(),
  limits: LoginLimits = loginLimits(),
): Router {
  const r = Router();
  const throttle = new LoginThrottle(ctx.store, limits);
  const gate = new PasswordGate();

  /** One audit line per failed sign-in (and per lockout), under the user when the username is known. */
  const audit = (action: string, user: StoredUser | undefined, details: Record<string, unknown>) =>
    ctx.store.appendAudit({
      at: ctx.now().toISOString(),
      userId: user?.id ?? null,
      action,
      subject: user ? `user:${user.id}` : 'auth:unknown-user',
      details,
    });

  r.post('/auth/login', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string')
      throw domainError('user', 'request.invalid', 'send { "username": "...", "password": "..." }');
    const client = clientOf(req);
    const nowMs = ctx.now().getTime();
    const user = await ctx.store.getUserByUsername(username);
    // Usernames as typed can be anything up to the body limit: the audit keeps their start.
    const tried = { username: username.slice(0, 200), client };

    const refuse = async (refusal: Refusal, reason: string): Promise<never> => {
      await audit('auth.login-failed', user, { ...tried, reason });
      const retryAfter = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
      res.setHeader('Retry-After', String(retryAfter));
      throw refusal.code === 'auth.locked'
        ? domainError(
            'throttled',
            'auth.locked',
            `too many wrong passwords for this account: it is locked; try again in ${retryAfter} s`,
            { params: { retryAfter } },
          )
        : domainError('throttled', 'auth.throttled', `too many sign-in attempts; try again in ${retryAfter} s`, {
            params: { retryAfter },
          });
    };

    const early = await throttle.refusal(username, client, nowMs);
    if (early) return refuse(early, early.code === 'auth.locked' ? 'locked' : 'client-throttled');
    const checked = await gate.run(async () => {
      const attempt = await throttle.begin(username, nowMs);
      if (attempt.refusal) return { attempt, ok: false };
      // The same answer and a password check either way, so the response does not tell which usernames exist.
      const ok = user
        ? await verifyPassword(password, user.passwordHash)
        : (await verifyPassword(password, await decoyHash()), false);
      if (ok && user && needsRehash(user.passwordHash))
        await ctx.store.setPasswordHash(user.id, await hashPassword(password));
      return { attempt, ok };
    });
    if (!checked) return refuse({ code: 'auth.throttled', retryAfterMs: 1_000 }, 'server-busy');
    const { attempt, ok } = checked.value;
    if (attempt.refusal)
      return refuse(attempt.refusal, attempt.refusal.code === 'auth.locked' ? 'locked' : 'too-many-attempts');
    if (!user || !ok) {
      const outcome = await throttle.failed(username, client, attempt.attempts, nowMs);
      await audit('auth.login-failed', user, { ...tried, reason: user ? 'wrong-password' : 'unknown-user' });
      if (outcome.locked) {
        await audit('auth.locked', user, {
          ...tried,
          failures: outcome.failures,
          until: new Date(nowMs + outcome.locked.retryAfterMs).toISOString(),
        });
      }
      throw domainError('unauthenticated', 'auth.invalid', 'wrong username or password');
    }
    await throttle.succeeded(username);

    const token = newToken();
    const now = ctx.now();
    const expiresAt = new Date(firstExpiry(policy, now.getTime())).toISOString();
    await ctx.store.createSession(tokenHash(token), user.id, expiresAt, now.toISOString());
    // Expired sessions go, and this user's oldest beyond the cap.
    await ctx.store.pruneSessions(user.id, policy.perUser, now.toISOString());
    await ctx.store.appendAudit({
      at: now.toISOString(),
      userId: user.id,
      action: 'auth.login',
      subject: `user:${user.id}`,
      details: { client },
    });
    setSessionCookie(req, res, token);
    res.json({ token, expiresAt, user: publicUser(user) });
  });

  r.post('/auth/logout', async (req, res) => {
    const user = requireUser(req);
    const hash = sessionOfRequest.get(req);
    if (hash) await ctx.store.deleteSession(hash);
    clearSessionCookie(req, res);
    await ctx.store.appendAudit({
      at: ctx.now().toISOString(),
      userId: user.id,
      action: 'auth.logout',
      subject: `user:${user.id}`,
      details: {},
    });
    res.status(204).end();
  });

  r.get('/auth/me', (req, res) => {
    const u = requireUser(req);
    res.json({ user: { ...publicUser(u), actorRoles: u.actorRoles, providers: u.providers } });
  });
  return r;
}

/** What the API tells about a user: never the password hash or when the record was made. */
function publicUser(u: StoredUser) {
  return {
    id: u.id,
    username: u.username,
    roles: u.roles,
    displayName: u.displayName,
    ...(u.identity ? { identity: u.identity } : {}),
  };
}
