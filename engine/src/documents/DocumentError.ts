import { ProblemError, type ProblemKind } from '../errors/problem';

/**
 * The one error shape of Qyzmet (`{ code, message, file?, line?, column?, params? }`) for document templates.
 * It is a {@link ProblemError} (so the runtime maps it like every other engine error, and stack traces survive) that
 * also carries the shared fields directly on the error, so callers can read `err.line` or serialise it with
 * {@link toDocumentProblem}.
 */

/** Codes raised by the documents module. */
export type DocumentErrorCode =
  /** The template text is not valid Handlebars (unclosed mustache, mismatched block). */
  | 'document.syntax'
  /** A helper that is not one of the document helpers (knownHelpersOnly), or a section over a plain path. */
  | 'document.unknownHelper'
  /** A construct we do not allow in legal documents: partials, decorators, unescaped `{{{ }}}` output. */
  | 'document.unsupported'
  /** A helper got a value it cannot format (a malformed date, a non-numeric amount). */
  | 'document.value'
  /** The render context is not usable (language missing or not kk / ru). */
  | 'document.context';

/** Where a template comes from, used to locate every error. */
export interface TemplateLocation {
  documentId: string;
  lang: 'kk' | 'ru';
  /** The template file relative to the definition folder, when the template came from a file. */
  file?: string;
}

/** Plain-object form of a document error, as the rest of the engine reports errors. */
export interface DocumentProblem {
  code: DocumentErrorCode;
  /** Always 'definition': templates, helpers' arguments and the render context are the definition's business. */
  kind?: ProblemKind;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  params?: Record<string, unknown>;
}

/**
 * An error of the documents module. `line` and `column` are 1-based (as editors show them; Handlebars itself
 * counts columns from 0 and we convert).
 *
 * @example
 * try { renderer.compile('{{#if a}}', { documentId: 'extract', lang: 'kk' }); }
 * catch (e) { if (e instanceof DocumentError) console.log(e.code, e.line, e.column); }
 */
export class DocumentError extends ProblemError {
  readonly code: DocumentErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly params?: Record<string, unknown>;

  constructor(problem: DocumentProblem) {
    super({ ...problem, kind: 'definition' });
    this.name = 'DocumentError';
    this.code = problem.code;
    if (problem.file !== undefined) this.file = problem.file;
    if (problem.line !== undefined) this.line = problem.line;
    if (problem.column !== undefined) this.column = problem.column;
    if (problem.params !== undefined) this.params = problem.params;
  }

  /** The plain error object (no stack), for JSON answers and definition-validation reports. */
  toJSON(): DocumentProblem {
    return toDocumentProblem(this);
  }
}

/**
 * Plain-object copy of a {@link DocumentError}.
 *
 * @example
 * toDocumentProblem(err) // { code: 'document.syntax', message: '…', file: 'extract.kk.hbs', line: 3, column: 7 }
 */
export function toDocumentProblem(error: DocumentError): DocumentProblem {
  const out: DocumentProblem = { code: error.code, message: error.message, kind: 'definition' };
  if (error.file !== undefined) out.file = error.file;
  if (error.line !== undefined) out.line = error.line;
  if (error.column !== undefined) out.column = error.column;
  if (error.params !== undefined) out.params = error.params;
  return out;
}
