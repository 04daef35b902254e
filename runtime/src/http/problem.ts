import type { NextFunction, Request, Response } from 'express';
import { isProblemError, type Lang, type Problem, type ProblemKind } from '@qyzmet/engine';
import { languageOf } from './context';
import { problemDetail } from './problemTexts';

/**
 * RFC 9457 problem details: every error of the API, and the one place where an error becomes an HTTP status.
 * Domain code throws a ProblemError with a kind (`domainError` from the engine); this module alone turns the kind
 * into a status. Never an HTML error page, never a stack trace.
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

/** Each kind of problem has exactly one status. */
export const STATUS_OF_KIND: Readonly<Record<ProblemKind, number>> = {
  user: 422,
  request: 400,
  definition: 422,
  conflict: 409,
  notFound: 404,
  forbidden: 403,
  unauthenticated: 401,
  throttled: 429,
  internal: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
};

/**
 * The engine raises these with kind `user`, which it used for every caller's mistake before the finer kinds existed;
 * their answers have always been these statuses. Exact codes, so a new engine code never lands here by accident.
 */
const ENGINE_KINDS: Readonly<Record<string, ProblemKind>> = {
  'version.notInForce': 'notFound',
  'event.unknown': 'conflict',
  'event.notAllowed': 'conflict',
  'event.forbiddenRole': 'forbidden',
};

/** The kind that decides the status: the problem's own, refined for the engine's older codes; none is internal. */
export function kindOf(problem: Problem): ProblemKind {
  if (problem.kind === 'user' && ENGINE_KINDS[problem.code]) return ENGINE_KINDS[problem.code];
  return problem.kind ?? 'internal';
}

export function statusOf(problem: Problem): number {
  return STATUS_OF_KIND[kindOf(problem)];
}

/**
 * The body of a problem. `extensions` become members; `params` stay under `params` as the engine reports them,
 * except its field errors (`params.errors`, pointers into the application data), written as `errors` with pointers
 * into the request body (`/data/...`) like those of POST /applications.
 */
export function problemBody(problem: Problem, instance?: string, lang: Lang = 'en'): ProblemBody {
  const { errors, ...params } = (problem.params ?? {}) as { errors?: Problem[] };
  const detail = problemDetail(problem.code, problem.message, lang, { ...params, ...problem.extensions });
  const body = bodyOf(statusOf(problem), problem.code, detail, instance);
  if (Object.keys(params).length) body.params = params;
  // An event's data errors are already located in the request (/data/…, as the problem's own pointer says); a form's
  // are into the application data. Their kk/ru/en words are on the error itself or under its params.
  const inRequest = problem.pointer?.startsWith('/data/') === true;
  if (Array.isArray(errors))
    body.errors = errors.map((e) => ({
      pointer: inRequest && e.pointer?.startsWith('/data/') ? e.pointer : `/data${e.pointer ?? ''}`,
      code: e.code,
      message: e.message,
      messages:
        (e as { messages?: Record<string, string> }).messages ??
        (e.params as { messages?: Record<string, string> })?.messages,
    }));
  // A user's mistake the engine located in the request itself (an event's /data/reasoning): a field error there, so
  // a form shows it on its field.
  else if (problem.pointer?.startsWith('/data/') && kindOf(problem) === 'user') {
    const words = { ...params, ...problem.extensions };
    const messages = Object.fromEntries(
      (['kk', 'ru', 'en'] as const).map((l) => [l, problemDetail(problem.code, problem.message, l, words)]),
    );
    body.errors = [{ pointer: problem.pointer, code: problem.code, message: detail, messages }];
  }
  return { ...body, ...problem.extensions };
}

function bodyOf(status: number, code: string, detail: string, instance?: string): ProblemBody {
  return {
    type: `https://qyzmet.kz/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
  };
}

function write(res: Response, body: ProblemBody): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

export function sendProblem(res: Response, problem: Problem, instance?: string, lang?: Lang): void {
  write(res, problemBody(problem, instance, lang));
}

/**
 * A failure of the transport rather than of the domain (a body that is not JSON or too deep, a media type the API
 * does not read): its own HTTP status, which no domain kind has. Thrown by the request guards before any route.
 */
export class TransportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Members of the problem body, e.g. the query `parameter` at fault. */
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function transportError(
  status: number,
  code: string,
  message: string,
  params?: Record<string, unknown>,
): TransportError {
  return new TransportError(status, code, message, params);
}

/** Failures of the body parser by their `type`: the bytes are not JSON (400), too many (413), an unread encoding. */
const BODY_PARSER = new Map<string, { status: number; code: string; detail: (message: string) => string }>([
  [
    'entity.parse.failed',
    { status: 400, code: 'request.malformedJson', detail: (m) => `the request body is not valid JSON: ${m}` },
  ],
  [
    'entity.too.large',
    {
      status: 413,
      code: 'request.tooLarge',
      detail: () => 'the request body is larger than the limit of this endpoint',
    },
  ],
  ['charset.unsupported', { status: 415, code: 'request.encoding', detail: (m) => m }],
  ['encoding.unsupported', { status: 415, code: 'request.encoding', detail: (m) => m }],
]);

/**
 * The caller's mistakes that express and its body parser find before any route (http-errors with a 4xx `status`):
 * the body parser's by type, a path parameter that is not percent-encoded UTF-8, a body that is not in the
 * Content-Encoding it names. Undefined for anything else.
 */
function clientErrorOf(err: unknown): TransportError | undefined {
  if (err instanceof TransportError) return err;
  const e = err as { type?: unknown; status?: unknown; message?: unknown } | null;
  const parser = BODY_PARSER.get(String(e?.type));
  if (parser) return transportError(parser.status, parser.code, parser.detail(String(e?.message)));
  if (typeof e?.status !== 'number' || e.status < 400 || e.status > 499) return undefined;
  if (err instanceof URIError)
    return transportError(400, 'request.malformedPath', 'a path parameter is not valid percent-encoded UTF-8');
  if (e.status === 400)
    return transportError(
      400,
      'request.malformedBody',
      'the request body could not be read: is it in the Content-Encoding it names?',
    );
  return transportError(e.status, 'request.invalid', String(e.message));
}

/** The express error handler: body-parser failures, ProblemError (domain and engine), anything else as 500. */
export function problemHandler(log: (message: string) => void) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    void next;
    const client = clientErrorOf(err);
    if (client) {
      const detail = problemDetail(client.code, client.message, languageOf(req), client.params);
      const body = bodyOf(client.status, client.code, detail, req.originalUrl);
      return write(res, { ...body, ...client.params });
    }
    if (isProblemError(err)) {
      if (kindOf(err.problem) === 'internal')
        log(`internal problem ${err.problem.code} on ${req.method} ${req.originalUrl}: ${err.stack ?? err.message}`);
      return sendProblem(res, err.problem, req.originalUrl, languageOf(req));
    }
    log(`internal error on ${req.method} ${req.originalUrl}: ${(err as Error)?.stack ?? String(err)}`);
    const problem: Problem = {
      code: 'internal',
      kind: 'internal',
      message: 'an internal error occurred; it has been logged',
    };
    sendProblem(res, problem, req.originalUrl);
  };
}
