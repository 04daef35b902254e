import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { domainError } from '@qyzmet/engine';
import { positiveFromEnv } from '../config/environment';
import { userOf } from './context';

/**
 * Limits on what anyone may do often: simulations (anonymous, and each one replays a whole application) per client,
 * submissions per applicant. Both are counted in this process's memory (a store write per request would be a load
 * of its own; with several instances each counts its own share). Over the limit: a 429 problem with Retry-After.
 */
export interface RateLimits {
  /** POST /simulate per client (the signed-in user, else the address) per minute. */
  simulatePerMinute: number;
  /** POST /applications per signed-in user per minute. */
  submissionsPerMinute: number;
}

/** Well above what a person or the admin UI does, far below what floods the server. */
export const DEFAULT_RATE_LIMITS: RateLimits = { simulatePerMinute: 300, submissionsPerMinute: 120 };

const ENV: Record<keyof RateLimits, string> = {
  simulatePerMinute: 'QYZMET_SIMULATE_RATE',
  submissionsPerMinute: 'QYZMET_SUBMIT_RATE',
};

/** The limits from QYZMET_SIMULATE_RATE and QYZMET_SUBMIT_RATE (per minute): an error names a variable set wrong. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const key of Object.keys(ENV) as Array<keyof RateLimits>)
    limits[key] = positiveFromEnv(env, ENV[key], limits[key], 'requests per minute');
  return limits;
}

const clientKey = (req: Request) => {
  const user = userOf(req);
  return user ? `user:${user.id}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
};

/**
 * Hits per key in fixed windows from each key's first hit, in this process's memory, on a monotonic clock (a limit
 * measures elapsed time, not the legal clock of ctx.now). express-rate-limit did the same at ~25 µs a request (its
 * debug arguments compute req.ip, and each step awaits), a twentieth of a submission; this is a Map lookup.
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, { hits: number; resetAt: number }>();
  private sweptAt: number;

  constructor(
    private readonly windowMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sweptAt = clock();
  }

  /** Counts a hit of `key`: the hits of its window so far, this one included, and the time until the window ends. */
  hit(key: string): { hits: number; resetInMs: number } {
    const now = this.clock();
    if (now - this.sweptAt >= this.windowMs) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { hits: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.hits++;
    return { hits: window.hits, resetInMs: window.resetAt - now };
  }

  /** The keys with a window still open. */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets the windows that ended, once a window at most: only the clients of the last minute or two are held. */
  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    this.sweptAt = now;
  }
}

/**
 * At most `limit` requests a minute per client; each answer says how many are left (the IETF draft-7 RateLimit
 * headers), and one over the limit is a 429 problem with Retry-After.
 */
export function perMinute(
  limit: number,
  code: string,
  what: string,
  more: { skip?: (req: Request) => boolean; clock?: () => number } = {},
): RequestHandler {
  const counter = new FixedWindowCounter(60_000, more.clock);
  const policy = `${limit};w=60`;
  return (req: Request, res: Response, next: NextFunction) => {
    if (more.skip?.(req)) return next();
    const { hits, resetInMs } = counter.hit(clientKey(req));
    const reset = Math.max(1, Math.ceil(resetInMs / 1000));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `limit=${limit}, remaining=${Math.max(limit - hits, 0)}, reset=${reset}`);
    if (hits <= limit) return next();
    res.setHeader('Retry-After', String(reset));
    next(
      domainError('throttled', code, `more than ${limit} ${what} a minute; try again in ${reset} s`, {
        params: { limit, retryAfter: reset },
      }),
    );
  };
}

/** Mounted on the API after authentication, so a signed-in caller is counted by account, not by address. */
export function simulateRateLimit(limits: RateLimits): RequestHandler {
  return perMinute(limits.simulatePerMinute, 'rate.simulate', 'simulations');
}

/**
 * Counted in memory per instance, like simulations: a flood guard must not add a store write to every submission (it
 * cost 40% of POST /applications), and N instances allow at most N times the limit. Sign-in failures, where a
 * guess spread over instances matters, are counted in the store (auth/loginThrottle.ts). Anonymous submissions are
 * refused by the route (401), not counted.
 */
export function submissionRateLimit(limits: RateLimits): RequestHandler {
  return perMinute(limits.submissionsPerMinute, 'rate.submissions', 'submissions', { skip: (req) => !userOf(req) });
}
