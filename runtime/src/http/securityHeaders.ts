import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { sessionCookieOf } from '../auth/sessionCookie';

/**
 * The headers that tell a browser what this server's responses may do (helmet): nosniff, no framing by other
 * sites, and a Content-Security-Policy per kind of response. The API's JSON may load nothing; the admin UI only
 * its own files; an issued document (HTML an officer opens) only its inline styles. A rendered page carries more
 * than JSON does (pagePolicy).
 */

export type Directives = Record<string, string[]>;

const API: Directives = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

const ADMIN: Directives = {
  defaultSrc: ["'self'"],
  // ajv (the forms' and the workbench's validators, as the runtime runs them) compiles each schema to a function.
  scriptSrc: ["'self'", "'unsafe-eval'"],
  // Monaco and the React components set style attributes; Monaco starts its workers from the bundle or a blob.
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'", 'blob:'],
  // Documents are shown from blob: URLs (the token cannot ride on a link), the simulator's in a srcdoc frame.
  frameSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

const DOCUMENT: Directives = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ['data:'],
  fontSrc: ['data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'self'"],
};

/**
 * What every answer carries, the API's JSON included: the headers OWASP's REST Security Cheat Sheet names for API
 * responses (a policy that loads nothing and may not be framed, HTTPS from then on, no MIME sniffing, no framing by
 * other sites), and the cross-origin resource policy, so another site cannot embed an answer the session cookie
 * authenticated. (Cache-Control: no-store comes with authentication, noStoreWhenAuthenticated.)
 */
const EVERY_ANSWER = {
  contentSecurityPolicy: { useDefaults: false, directives: API },
  // HTTPS is the operator's (a proxy's) to turn on; its neighbours on the network may still be served over HTTP.
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} as const;

/**
 * What a page a browser renders carries besides (the admin UI, an issued document, the HTML 404): its own policy, and
 * helmet's headers that act only on a rendered page (its window's opener, its links' referrer, prefetching, legacy
 * download and XSS filters, cross-domain policy files). On JSON they do nothing, and every answer paid for them (the
 * twelve headers cost ~27 µs of the runtime's CPU per submission, measured beside the same runtime without them).
 */
const pageOnly = (directives: Directives) => ({
  // No upgrade-insecure-requests (helmet's default): a closed network may serve plain HTTP on a private address.
  contentSecurityPolicy: { useDefaults: false, directives },
  strictTransportSecurity: false,
  crossOriginResourcePolicy: false,
  xContentTypeOptions: false,
  xFrameOptions: false,
});

/** Every response: the headers of EVERY_ANSWER (a page adds its own, pagePolicy). */
export function securityHeaders(): RequestHandler {
  return fixedHeaders(helmet(EVERY_ANSWER));
}

/** A rendered page's headers with its policy, `directives` (see pageOnly). */
export function pagePolicy(directives: Directives): RequestHandler {
  return fixedHeaders(helmet(pageOnly(directives)));
}

/**
 * A middleware that only sets and removes the same headers on every response (helmet's, whose policies here hold no
 * per-request part such as a nonce), worked out once by running it on a stand-in response: every request then gets
 * the same headers without helmet's dozen middlewares.
 */
export function fixedHeaders(middleware: RequestHandler): RequestHandler {
  const set: Array<[string, string | number | readonly string[]]> = [];
  const removed: string[] = [];
  let passed = false;
  const standIn = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  void middleware({} as Request, standIn as unknown as Response, (error?: unknown) => {
    if (error) throw error;
    passed = true;
  });
  if (!passed)
    throw new Error('a header middleware did not pass its request on at once: it does more than set headers');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/** The admin UI's page headers, before its static files. */
export const adminPolicy: RequestHandler = pagePolicy(ADMIN);

/** An issued document's page headers, set by the route that sends it. */
export const documentPolicy: RequestHandler = pagePolicy(DOCUMENT);

/** An authenticated answer is the caller's alone: no browser or proxy keeps it (a route may say otherwise). */
export function noStoreWhenAuthenticated(req: Request, res: Response, next: NextFunction): void {
  if (req.headers.authorization !== undefined || sessionCookieOf(req) !== undefined)
    res.setHeader('cache-control', 'no-store');
  next();
}
