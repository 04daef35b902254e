import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { domainError, findTexts, parseInstant } from '@qyzmet/engine';
import { transportError } from './problem';

/**
 * Checks of a request's form that run before any route: the body is JSON when there is one, it is not nested
 * deeper than any application needs, and each query parameter comes once. Each failure is a 4xx problem, so a
 * caller's mistake never reaches domain code as something it cannot handle (a stack overflow, an array for a string).
 */

/** Deeper than any form or definition (their schemas are a few levels); 5,000 levels overflowed recursive walks. */
export const MAX_JSON_DEPTH = 64;

const JSON_TYPES = ['application/json', 'application/*+json'];

/** A request that carries a body must label it JSON (415 otherwise): the API reads nothing else. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is(JSON_TYPES))
    throw transportError(
      415,
      'request.mediaType',
      `the request body must be JSON (Content-Type: application/json), not "${req.headers['content-type'] ?? 'unlabelled'}"`,
    );
  next();
}

/**
 * The depth of a parsed value, walked with an explicit stack (JSON.parse itself copes with deep nesting; what
 * comes after it, recursive validators and serializers, does not). Stops as soon as the bound is passed.
 */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The JSON pointer of the first string or key holding a NUL, or null. No text of the API holds one (it cuts strings
 * short in C libraries and on printed documents), and PostgreSQL under FerretDB cannot store or look one up.
 */
export function nulPointer(value: unknown): string | null {
  return findTexts(value, (text) => text.includes('\u0000'), 1)[0] ?? null;
}

/** The parsed body is no deeper than MAX_JSON_DEPTH and holds no NUL (400s, the NUL located by its pointer). */
export function checkJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (exceedsDepth(req.body, MAX_JSON_DEPTH))
    throw transportError(400, 'request.tooDeep', `the request body is nested more than ${MAX_JSON_DEPTH} levels deep`, {
      maxDepth: MAX_JSON_DEPTH,
    });
  const nul = nulPointer(req.body);
  if (nul !== null)
    throw transportError(400, 'request.nul', `the request body holds a NUL character at ${nul || '/'}`, {
      pointer: nul,
    });
  next();
}

/**
 * NUL in the address (`%00` in a path or a query): no id, name or parameter of the API holds one, and some stores
 * (PostgreSQL under FerretDB) cannot even look a NUL up, so it is refused before any route reads it.
 */
export function refuseNulInAddress(req: Request, _res: Response, next: NextFunction): void {
  if (/%00/i.test(req.originalUrl) || req.originalUrl.includes('\u0000'))
    throw transportError(400, 'request.nul', 'the address holds a NUL character (%00), which no id or parameter has');
  next();
}

/** `?status=a&status=b` arrives as an array where every route reads one string: refuse it rather than drop it. */
export function singleQueryValues(req: Request, _res: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(req.query))
    if (typeof value !== 'string')
      throw transportError(400, 'request.query', `the query parameter "${name}" must be given once, as plain text`, {
        parameter: name,
      });
  next();
}

/**
 * Middlewares that finish at once, run as one: each passes on by calling `next`, and an error passed or thrown stops
 * the run as express would stop it. Express enters each of its layers with work of its own (the path matched again,
 * closures for params and the next layer, ~2 µs on this machine), and every API request passes the guards.
 */
export function inSequence(...handlers: RequestHandler[]): RequestHandler {
  return handlers.reduceRight<RequestHandler>(
    (rest, handler) => (req, res, next) =>
      handler(req, res, (error?: unknown) => (error === undefined ? rest(req, res, next) : next(error))),
    (_req, _res, next) => next(),
  );
}

/** A query parameter's problem (400), located by the parameter's name. */
export function queryError(parameter: string, code: string, message: string): Error {
  return domainError('request', code, message, { extensions: { parameter } });
}

/**
 * A whole-number query parameter from `min` to `max`, `fallback` when absent. Digits only: Number() would take
 * "1e20", "0x10" or " 7 ", and a number past 2^53 silently becomes another.
 */
export function wholeNumberQuery(
  req: Request,
  name: string,
  bounds: { min: number; max: number; fallback: number },
): number {
  const raw = req.query[name];
  if (raw === undefined) return bounds.fallback;
  const n = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= bounds.min && n <= bounds.max))
    throw queryError(
      name,
      `request.${name}`,
      `${name} must be a whole number from ${bounds.min} to ${bounds.max}, not "${String(raw).slice(0, 40)}"`,
    );
  return n;
}

/** An ISO 8601 instant with its offset or Z, as every instant of the API (Date.parse takes "1" for 2001). */
export function isIsoInstant(value: string): boolean {
  try {
    parseInstant(value);
    return true;
  } catch {
    return false;
  }
}
