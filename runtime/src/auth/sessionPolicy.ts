import { positiveFromEnv } from '../config/environment';
import type { StoredSession } from '../store/Store';

/**
 * How long a session lives: it ends after `idleMs` without use and, however used, `maxMs` after sign-in. Its stored
 * expiry is the idle one, moved forward at most once per `touchEveryMs` (one write a minute per session, not one per
 * request). A user keeps at most `perUser` sessions; signing in again drops the oldest.
 */
export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
  touchEveryMs: number;
  perUser: number;
}

/** From the environment: QYZMET_SESSION_IDLE_MIN (default 30), QYZMET_SESSION_MAX_HOURS (default 12). */
export function sessionPolicy(env: NodeJS.ProcessEnv = process.env): SessionPolicy {
  return {
    idleMs: positiveFromEnv(env, 'QYZMET_SESSION_IDLE_MIN', 30, 'minutes', { fractions: true }) * 60_000,
    maxMs: positiveFromEnv(env, 'QYZMET_SESSION_MAX_HOURS', 12, 'hours', { fractions: true }) * 3_600_000,
    touchEveryMs: 60_000,
    perUser: 20,
  };
}

/** The expiry of a session signed in at `nowMs`. */
export function firstExpiry(policy: SessionPolicy, nowMs: number): number {
  return nowMs + Math.min(policy.idleMs, policy.maxMs);
}

/**
 * Whether the session is still alive at `nowMs`, and the new idle expiry to store when it is due a touch (null
 * when not). Sessions from before createdAt was kept end at their stored expiry, untouched.
 */
export function checkSession(
  policy: SessionPolicy,
  session: StoredSession,
  nowMs: number,
): { alive: boolean; touchTo: number | null } {
  const expiresMs = Date.parse(session.expiresAt);
  const absoluteMs = session.createdAt === undefined ? expiresMs : Date.parse(session.createdAt) + policy.maxMs;
  if (!(expiresMs > nowMs) || !(absoluteMs > nowMs)) return { alive: false, touchTo: null };
  const next = Math.min(nowMs + policy.idleMs, absoluteMs);
  return { alive: true, touchTo: next - expiresMs >= policy.touchEveryMs ? next : null };
}
