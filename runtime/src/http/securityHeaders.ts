import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { sessionCookieOf } from '../auth/sessionCookie';

/**
 * The headers that tell a browser what this server's responses may do (helmet): nosniff, no framing by other
 * sites, and a Content-Security-Policy per kind of response. The API's JSON may load nothing; the admin UI only
 * its own files; an issued document (HTML an officer opens) only its inline styles.
 */

type Directives = Record<string, string[]>;

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

// No upgrade-insecure-requests (helmet's default): a closed network may serve plain HTTP on a private address.
const csp = (directives: Directives) => helmet.contentSecurityPolicy({ useDefaults: false, directives });

/** Every response: helmet's headers with the API's policy (the admin files and documents narrow theirs below). */
export function securityHeaders(): RequestHandler {
  return fixedHeaders(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: API },
      // HTTPS is the operator's (a proxy's) to turn on; its neighbours on the network may still be served over HTTP.
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    }),
  );
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

/** The admin UI's policy, before its static files. */
export const adminPolicy: RequestHandler = csp(ADMIN);

/** An issued document's policy, set by the route that sends it as HTML. */
export const documentPolicy: RequestHandler = csp(DOCUMENT);

/** An authenticated answer is the caller's alone: no browser or proxy keeps it (a route may say otherwise). */
export function noStoreWhenAuthenticated(req: Request, res: Response, next: NextFunction): void {
  if (req.headers.authorization !== undefined || sessionCookieOf(req) !== undefined)
    res.setHeader('cache-control', 'no-store');
  next();
}
