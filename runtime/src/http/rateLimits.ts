import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
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

export function perMinute(
  limit: number,
  code: string,
  what: string,
  more: { skip?: (req: Request) => boolean } = {},
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: clientKey,
    ...more,
    handler: (_req: Request, res: Response, next: NextFunction) =>
      next(
        domainError(
          'throttled',
          code,
          `more than ${limit} ${what} a minute; try again in ${res.getHeader('retry-after')} s`,
          {
            params: { limit, retryAfter: Number(res.getHeader('retry-after')) },
          },
        ),
      ),
  });
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
