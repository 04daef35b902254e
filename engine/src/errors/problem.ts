/**
 * The one error shape of Qyzmet (STYLE.md habit 4). `kind` says whose mistake it is; the HTTP status is chosen from
 * it in one place in the runtime (`runtime/src/http/problem.ts`), never at the throw site.
 *
 * - `user`: the user's mistake in what they sent (bad application data, a bad CLI argument, an unreadable instant)
 * - `request`: a request that cannot be read at all (a query parameter that is not a number or a date)
 * - `definition`: an analyst's mistake in a definition or a draft
 * - `conflict`: the state does not allow it now (an event in the wrong state, a published draft, a concurrent write)
 * - `notFound`: no such thing, or none that this user may see
 * - `forbidden`: signed in, but this user may not do it
 * - `unauthenticated`: not signed in, or the session is gone
 * - `throttled`: too many attempts from this caller or on this account; try again later (Retry-After)
 * - `internal`: our fault; logged
 *
 * The engine's older problems use only `user`, `definition` and `internal`; those keep their meaning.
 */
export type ProblemKind =
  | 'user'
  | 'request'
  | 'definition'
  | 'conflict'
  | 'notFound'
  | 'forbidden'
  | 'unauthenticated'
  | 'throttled'
  | 'internal';

export interface Problem {
  code: string;
  message: string;
  kind?: ProblemKind;
  /** JSON Pointer inside the assembled definition (or the data), e.g. /versions/0/machine/states/review */
  pointer?: string;
  file?: string;
  line?: number;
  column?: number;
  /** The values the message is made of (kk/ru/en texts, the offending value, field errors under `errors`). */
  params?: Record<string, unknown>;
  /**
   * What a caller's answer carries beside the problem for a program to act on, e.g. `{ allowedEvents }`, or field
   * errors `{ errors: [{ pointer, code, message }] }` with pointers into the request; the runtime writes them as
   * members of the RFC 9457 problem.
   */
  extensions?: Record<string, unknown>;
  severity?: 'error' | 'warning';
}

/** An Error that carries a Problem, for the few places that must throw (out-of-coverage dates, bad CLI input). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'ProblemError';
  }
}

export function isProblemError(e: unknown): e is ProblemError {
  return e instanceof ProblemError;
}

/**
 * The error domain code throws: a code, whose mistake it is, and a message that says what was expected. No HTTP
 * status: the runtime maps the kind to one.
 *
 * @example
 * throw domainError('notFound', 'service.unknown', 'no service "x"; see GET /api/v1/services');
 * throw domainError('conflict', 'draft.published', 'this draft is already published', { params: { draftId } });
 */
export function domainError(
  kind: ProblemKind,
  code: string,
  message: string,
  more: Omit<Problem, 'code' | 'message' | 'kind'> = {},
): ProblemError {
  return new ProblemError({ code, kind, message, ...more });
}
