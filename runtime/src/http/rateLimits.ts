import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { domainError } from '@qyzmet/engine';
import { userOf } from './context';

/**
 * Limits on what anyone may do often: simulations (anonymous, and each one replays a whole application) per client,
 * submissions per applicant. Counted in this process's memory (express-rate-limit's own store): with several
 * instances each counts its own share. Over the limit: a 429 problem with Retry-After.
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
  for (const key of Object.keys(ENV) as Array<keyof RateLimits>) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${ENV[key]} "${raw}" is not a positive whole number of requests per minute`);
    limits[key] = n;
  }
  return limits;
}

const clientKey = (req: Request) => {
  const user = userOf(req);
  return user ? `user:${user.id}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
};

function perMinute(limit: number, code: string, what: string, skip?: (req: Request) => boolean): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: clientKey,
    skip,
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

/** Anonymous submissions are refused by the route (401) and not counted. */
export function submissionRateLimit(limits: RateLimits): RequestHandler {
  return perMinute(limits.submissionsPerMinute, 'rate.submissions', 'submissions', (req) => !userOf(req));
}
