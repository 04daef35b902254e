import type { NextFunction, Request, Response } from 'express';
import { isProblemError, type Problem } from '@qyzmet/engine';

/**
 * RFC 9457 problem details: every error of the API, and the one place where an error becomes an HTTP status.
 * Never an HTML error page, never a stack trace.
 */

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: Array<{ pointer: string; code: string; message: string; messages?: Record<string, string> }>;
  [extension: string]: unknown;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal error',
};

export function sendProblem(
  res: Response,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
  instance?: string,
): void {
  const body: ProblemBody = {
    type: `https://qyzmet.kz/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
    ...extra,
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** The HTTP status of an engine problem: the user's mistakes are 4xx, definition and internal faults 500. */
export function statusOf(problem: Problem): number {
  if (problem.code === 'version.notInForce') return 404;
  if (problem.code.startsWith('event.')) return problem.code === 'event.forbiddenRole' ? 403 : 409;
  if (problem.code.startsWith('form.') || problem.code.startsWith('calendar.') || problem.code.startsWith('input.'))
    return 422;
  return problem.kind === 'user' ? 422 : 500;
}

/** The express error handler: body-parser failures, HttpProblem, engine ProblemError, anything else as 500. */
export function problemHandler(log: (message: string) => void) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    void next;
    const e = err as { type?: string; status?: number; message?: string; expose?: boolean };
    if (e?.type === 'entity.parse.failed')
      return sendProblem(
        res,
        400,
        'request.malformedJson',
        `the request body is not valid JSON: ${e.message}`,
        {},
        req.originalUrl,
      );
    if (e?.type === 'entity.too.large')
      return sendProblem(
        res,
        413,
        'request.tooLarge',
        'the request body is larger than the limit of this endpoint',
        {},
        req.originalUrl,
      );
    if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported')
      return sendProblem(res, 415, 'request.encoding', String(e.message), {}, req.originalUrl);
    if (err instanceof HttpProblem)
      return sendProblem(res, err.status, err.code, err.detail, err.extra, req.originalUrl);
    if (isProblemError(err)) {
      const p = err.problem;
      const { errors, ...params } = (p.params ?? {}) as { errors?: Problem[] };
      const extra: Record<string, unknown> = Object.keys(params).length ? { params } : {};
      // Form errors (simulate) are field errors like those of POST /applications: pointers into the request body.
      if (Array.isArray(errors))
        extra.errors = errors.map((e) => ({
          pointer: `/data${e.pointer ?? ''}`,
          code: e.code,
          message: e.message,
          messages: (e.params as { messages?: unknown })?.messages,
        }));
      return sendProblem(res, statusOf(p), p.code, p.message, extra, req.originalUrl);
    }
    log(`internal error on ${req.method} ${req.originalUrl}: ${(err as Error)?.stack ?? String(err)}`);
    sendProblem(res, 500, 'internal', 'an internal error occurred; it has been logged', {}, req.originalUrl);
  };
}
