import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { fixedHeaders } from './securityHeaders';

/** The headers a middleware leaves on a response that already had `before`. */
function headersAfter(middleware: RequestHandler, before: Record<string, string>): Record<string, unknown> {
  const headers = new Map(Object.entries(before).map(([k, v]) => [k.toLowerCase(), v as unknown]));
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let passed = false;
  void middleware({} as Request, res as unknown as Response, (() => (passed = true)) as NextFunction);
  expect(passed).toBe(true);
  return Object.fromEntries(headers);
}

test("helmet's headers worked out once are the headers helmet itself sets, removals included", () => {
  const options = {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  };
  const before = { 'X-Powered-By': 'something', 'Content-Type': 'text/plain' };
  const direct = headersAfter(helmet(options), before);
  expect(Object.keys(direct)).toEqual(expect.arrayContaining(['content-security-policy', 'x-content-type-options']));
  expect(direct).not.toHaveProperty('x-powered-by');
  expect(headersAfter(fixedHeaders(helmet(options)), before)).toEqual(direct);
});

test('a middleware that does more than set headers at once is refused when the app is built', () => {
  const later: RequestHandler = (_req, _res, next) => void setTimeout(next, 0);
  expect(() => fixedHeaders(later)).toThrow(/did not pass its request on at once/);
  const reads: RequestHandler = (req, _res, next) => (req.headers.host ? next() : next());
  expect(() => fixedHeaders(reads)).toThrow(TypeError);
});
