/**
 * The one error shape of Qyzmet (STYLE.md habit 4). `kind` splits the user's mistakes (bad application data, bad CLI
 * input), definition mistakes (what an analyst wrote) and internal faults; the HTTP status is chosen from it in one
 * place in the runtime.
 */
export type ProblemKind = 'user' | 'definition' | 'internal';

export interface Problem {
  code: string;
  message: string;
  kind?: ProblemKind;
  /** JSON Pointer inside the assembled definition (or the data), e.g. /versions/0/machine/states/review */
  pointer?: string;
  file?: string;
  line?: number;
  column?: number;
  params?: Record<string, unknown>;
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
