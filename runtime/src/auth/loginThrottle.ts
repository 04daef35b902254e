import { createHash } from 'node:crypto';
import { ipKeyGenerator } from 'express-rate-limit';
import { positiveFromEnv } from '../config/environment';
import type { ThrottleStore } from '../store/Store';

/**
 * Sign-in throttling over the store's shared counters, so it holds across instances. Per account (the username
 * tried, known or not, so the answer never tells which exist): `accountFailures` failures within `windowMs` lock it
 * for `lockMs`, the right password included. Per client: `clientFailures` failures within `windowMs` refuse the
 * client's further attempts until the oldest leaves the window. Successful sign-ins do not count.
 */
export interface LoginLimits {
  accountFailures: number;
  clientFailures: number;
  windowMs: number;
  lockMs: number;
}

/**
 * From the environment: QYZMET_LOGIN_MAX_FAILURES (per account, default 20) and QYZMET_LOGIN_MAX_FAILURES_PER_CLIENT
 * (default 100), each within 15 minutes; a locked account stays locked 15 minutes.
 */
export function loginLimits(env: NodeJS.ProcessEnv = process.env): LoginLimits {
  return {
    accountFailures: positiveFromEnv(env, 'QYZMET_LOGIN_MAX_FAILURES', 20, 'failures'),
    clientFailures: positiveFromEnv(env, 'QYZMET_LOGIN_MAX_FAILURES_PER_CLIENT', 100, 'failures'),
    windowMs: 15 * 60_000,
    lockMs: 15 * 60_000,
  };
}

/** How soon to retry an attempt refused while the account's earlier attempts are still being checked. */
const BUSY_RETRY_MS = 2_000;

export type Refusal = { code: 'auth.locked' | 'auth.throttled'; retryAfterMs: number };

/** What recording a failure did: the failures counted, and the lock it set when they reached the limit. */
export interface FailureOutcome {
  failures: number;
  locked: Refusal | null;
}

export class LoginThrottle {
  constructor(
    private readonly store: ThrottleStore,
    private readonly limits: LoginLimits = loginLimits(),
  ) {}

  /** Refuses before any password is checked: the account is locked, or the client failed too often. */
  async refusal(username: string, client: string, nowMs: number): Promise<Refusal | null> {
    const lock = await this.store.throttlePeek(lockKey(username), this.limits.lockMs, nowMs);
    if (lock.count > 0) return { code: 'auth.locked', retryAfterMs: lock.resetAt - nowMs };
    const byClient = await this.store.throttlePeek(clientKey(client), this.limits.windowMs, nowMs);
    if (byClient.count >= this.limits.clientFailures)
      return { code: 'auth.throttled', retryAfterMs: byClient.resetAt - nowMs };
    return null;
  }

  /**
   * Counts the attempt on the account before its password is checked, so that a burst of concurrent attempts cannot
   * all pass a check made before any of them failed. One past the limit is refused unchecked, briefly, without a
   * lock: attempts still in flight may yet succeed (a success clears the count), and only failures lock. The lock is
   * looked at again here: one set while this attempt waited its turn forgot the failures, so the count cannot tell.
   */
  async begin(username: string, nowMs: number): Promise<{ attempts: number; refusal: Refusal | null }> {
    const lock = await this.store.throttlePeek(lockKey(username), this.limits.lockMs, nowMs);
    if (lock.count > 0) return { attempts: 0, refusal: { code: 'auth.locked', retryAfterMs: lock.resetAt - nowMs } };
    const { count } = await this.store.throttleHit(accountKey(username), this.limits.windowMs, nowMs);
    return {
      attempts: count,
      refusal: count > this.limits.accountFailures ? { code: 'auth.throttled', retryAfterMs: BUSY_RETRY_MS } : null,
    };
  }

  /** The right password: the account's count starts again (the attempt itself is not a failure). */
  async succeeded(username: string): Promise<void> {
    await this.store.throttleReset(accountKey(username));
  }

  /** A wrong password (or unknown user): counted for the client; the account's limit reached locks it. */
  async failed(username: string, client: string, attempts: number, nowMs: number): Promise<FailureOutcome> {
    await this.store.throttleHit(clientKey(client), this.limits.windowMs, nowMs);
    const locked = attempts >= this.limits.accountFailures ? await this.lock(username, nowMs) : null;
    return { failures: attempts, locked };
  }

  /** Locks the account for lockMs; its failures are forgotten, so the lock's end starts a fresh count. */
  private async lock(username: string, nowMs: number): Promise<Refusal> {
    await this.store.throttleHit(lockKey(username), this.limits.lockMs, nowMs);
    await this.store.throttleReset(accountKey(username));
    return { code: 'auth.locked', retryAfterMs: this.limits.lockMs };
  }
}

/** Keys hold a digest of the username: bounded in size whatever was typed, and no usernames in the counters. */
const digest = (s: string) => createHash('sha256').update(s).digest('base64url');
const accountKey = (username: string) => `login-failures:account:${digest(username)}`;
const lockKey = (username: string) => `login-lock:account:${digest(username)}`;
/** An IPv6 client is its /56 (express-rate-limit's grouping): one host rotating its addresses is still one client. */
const clientKey = (client: string) => `login-failures:client:${ipKeyGenerator(client)}`;
