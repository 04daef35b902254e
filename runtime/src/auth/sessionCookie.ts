import type { Request, Response } from 'express';

/**
 * The admin UI's session rides on a cookie, so a link opened in a new tab is signed in and the token never sits in
 * script-readable storage. Other clients keep sending `Authorization: Bearer <token>`; the cookie holds the same
 * kind of token (a random value whose SHA-256 is the stored session).
 *
 * httpOnly: scripts (an injected one included) cannot read it. SameSite=Strict: the browser does not send it on a
 * request another site starts, not even on a top-level link. Path=/: the API, the admin UI and issued documents
 * opened in a new tab all see it. Secure when the request came over HTTPS (behind a proxy: `trust proxy` and
 * X-Forwarded-Proto), so a closed network serving plain HTTP still works.
 */
export const SESSION_COOKIE = 'qyzmet_session';

/** The header the admin UI sends with every request: a cross-site page cannot send it without a CORS preflight. */
export const UI_HEADER = 'x-qyzmet';

function options(req: Request) {
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: req.secure };
}

export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, options(req));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, options(req));
}

/** The session token of the request's cookie, if any (the last one, should a client send two). */
export function sessionCookieOf(req: Request): string | undefined {
  let found: string | undefined;
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Tokens are base64url; anything else is not ours (and is never looked up).
    if (/^[A-Za-z0-9_-]{16,128}$/.test(value)) found = value;
  }
  return found;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery, second line (SameSite=Strict is the first). "Same site" is wider than "same origin": a
 * page on a sibling subdomain is same-site and its requests carry the cookie, and older browsers ignore SameSite.
 * What such a page can send without the browser asking this server first (a CORS preflight, which the API never
 * grants) is a "simple" request: a form post or a fetch whose Content-Type is text/plain, form-urlencoded or
 * multipart, with no custom headers. So a cookie-authenticated request that changes something must show it came
 * from our own script: `Content-Type: application/json` or the UI's `X-Qyzmet` header; else it is refused (403).
 * Reads (GET, HEAD) change nothing and stay plain, so a document opens from a link. Bearer-token requests are not
 * concerned: a browser never adds that header on its own.
 */
export function forgeryRisk(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  return type !== 'application/json' && req.headers[UI_HEADER] === undefined;
}
