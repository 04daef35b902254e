import Ajv2020 from 'ajv/dist/2020';
import type { CodeOptions, ErrorObject, ValidateFunction } from 'ajv';
import { ProblemError } from '../errors/problem';
import { collectFields } from './collectFields';
import { formAnnotationKeywords } from './formAnnotationKeywords';
import { addFormFormats } from './formFormats';
import { checkFormLimits, exceedsDataValues, tooLargeError, withDefaultLimits } from './formLimits';
import { linearRegExp } from './linearRegExp';
import type { CompiledForm, FormCompiler, FormLang } from './formTypes';
import { toFormErrors } from './toFormErrors';
import { escapeSegment } from '../format/jsonPointer';

/**
 * Options of the one ajv instance, and why:
 * - `allErrors`: an applicant sees every mistake of the form at once, not one per submission.
 * - `strict`: unknown keywords, unknown formats and ignored keywords are definition errors (an analyst's typo must not
 *   silently switch a check off); our `x-` annotations are registered so they pass.
 * - `strictRequired: false`: the conditional patterns we use (`anyOf: [{ required: ['iin'] }, …]`) name properties
 *   declared in the parent schema, which ajv's strictRequired check does not see inside `anyOf` / `oneOf` branches.
 * - `allowUnionTypes`: nullable fields (`type: ['string', 'null']`) are ordinary in forms.
 * - `addUsedSchema: false`: versions of one service may carry the same `$id`; each form is compiled on its own.
 * - `code.regExp`: analysts' patterns match in linear time (RE2), never backtracking on an anonymous caller's input.
 * - `loopEnum`: an enum of more than 20 values is checked in a loop, not unrolled into one comparison per value.
 * - `code.optimize: false`: ajv's pass over the generated code was ~40% of compiling a form (48 at every start);
 *   validating an application's data takes well under a microsecond with or without it.
 */
const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  addUsedSchema: false,
  code: { regExp: linearRegExp, optimize: false },
  loopEnum: 20,
} as const;

/** The options as text: a validator generated ahead of time under other options is not used. */
export const FORM_CODE_OPTIONS = JSON.stringify(AJV_OPTIONS);

/** A new ajv with the form options, formats and annotation keywords (`code` adds to the options' code settings). */
export function formAjv(code: Partial<CodeOptions> = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, ...code } });
  addFormFormats(ajv);
  for (const keyword of formAnnotationKeywords) ajv.addKeyword(keyword);
  return ajv;
}

/** Finds a form's validator generated ahead of time by the JSON text of its schema as compiled, if there is one. */
export type PrecompiledForms = (compiledSchemaText: string) => ValidateFunction | undefined;
let precompiledForms: PrecompiledForms | undefined;

/**
 * Lets every form compiler take validators generated at build (precompiledForms.ts; a runtime finds them on disk)
 * instead of compiling: ajv compiling the 39 distinct forms on disk was ~0.2 s of every start. Keyed by the exact
 * text compiled, under FORM_CODE_OPTIONS; anything else (a draft, a changed form) is compiled as before.
 */
export function usePrecompiledForms(lookup: PrecompiledForms | undefined): void {
  precompiledForms = lookup;
}

/** The generated validator for `schema` (checked within its limits, as build() checks it), or undefined. */
function precompiledFor(schema: object): { compiled: object; validator: ValidateFunction } | undefined {
  if (!precompiledForms) return undefined;
  let compiled: object;
  try {
    compiled = withDefaultLimits(schema);
  } catch {
    return undefined; // not a schema: ajv's check below says where
  }
  const validator = precompiledForms(JSON.stringify(compiled));
  return validator && { compiled, validator };
}

/** Compiled forms kept: a few hundred versions and drafts; the least recently used one leaves (and ajv's cache). */
export const FORM_CACHE_SIZE = 300;

/** Field errors answered at most: the first ones explain the mistake; the total says how many there were. */
export const FORM_ERRORS_LIMIT = 100;

function schemaProblem(message: string, pointer: string, errors?: unknown): ProblemError {
  return new ProblemError({
    code: 'form.schema.invalid',
    kind: 'definition',
    message: `invalid form schema at "${pointer || '/'}": ${message}`,
    pointer,
    ...(errors ? { params: { errors } } : {}),
  });
}

/** The pointer of the first schema object in `node` that has the key `key` (for messages that name no path). */
function findKey(node: unknown, key: string, pointer = ''): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, key)) return pointer;
  for (const [k, v] of Object.entries(node)) {
    const found = findKey(v, key, `${pointer}/${escapeSegment(k)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Turns ajv's compile exception ("… at path "#/properties/a" …") into a definition problem with a pointer. */
function compileProblem(e: unknown, schema: object): ProblemError {
  const message = e instanceof Error ? e.message : String(e);
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
  if (unknownKeyword) return schemaProblem(message, findKey(schema, unknownKeyword) ?? '');
  const keyword = /keyword "([^"]+)"/.exec(message)?.[1];
  const at = /at (?:path )?"#([^"]*)"/.exec(message)?.[1];
  const pointer = at === undefined ? '' : keyword && message.includes('value is invalid') ? `${at}/${keyword}` : at;
  return schemaProblem(message, pointer);
}

/**
 * Creates a form compiler holding one Ajv 2020-12 instance with our formats and annotation keywords.
 * Compiled forms are cached by their content (the schema's JSON text), whatever version or draft names them: a draft
 * keeps its version's id through every edit, and a published version the draft's, so a cache by name served stale
 * forms. The cache is bounded (LRU of FORM_CACHE_SIZE); an evicted form also leaves ajv's own cache.
 * @example
 * const compiler = createFormCompiler();
 * const form = compiler.compile({ type: 'object', properties: { iin: { type: 'string', format: 'iin',
 *   'x-label': { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' } } }, required: ['iin'] });
 * form.validate({}, 'kk')[0].message // '«ЖСН»: міндетті өріс толтырылмаған'
 */
export function createFormCompiler(options: { cacheSize?: number } = {}): FormCompiler {
  const cacheSize = options.cacheSize ?? FORM_CACHE_SIZE;
  // Made at the first form that has no generated validator (at start, none: every form on disk has one).
  let ajv: Ajv2020 | undefined;

  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  const byContent = new Map<string, { compiled: object; form: CompiledForm }>();

  const build = (schema: object): { compiled: object; form: CompiledForm } => {
    checkFormLimits(schema);
    const generated = precompiledFor(schema);
    let compiled: object;
    let validator: ValidateFunction;
    if (generated) ({ compiled, validator } = generated);
    else {
      ajv ??= formAjv();
      if (!ajv.validateSchema(schema)) {
        const errors = (ajv.errors ?? []) as ErrorObject[];
        const first = errors[0];
        throw schemaProblem(
          first ? `${first.message ?? first.keyword}` : 'not a JSON Schema',
          first?.instancePath ?? '',
          errors
            .slice(0, FORM_ERRORS_LIMIT)
            .map((e) => ({ pointer: e.instancePath, message: e.message, keyword: e.keyword })),
        );
      }
      compiled = withDefaultLimits(schema);
      try {
        validator = ajv.compile(compiled);
      } catch (e) {
        throw compileProblem(e, schema);
      }
    }
    const index = collectFields(schema);
    const check = (data: unknown, lang: FormLang) => {
      if (exceedsDataValues(data)) {
        const error = tooLargeError();
        return { errors: [{ ...error, message: error.messages[lang] }], total: 1 };
      }
      if (validator(data)) return { errors: [], total: 0 };
      return toFormErrors(validator.errors ?? [], index, lang, FORM_ERRORS_LIMIT);
    };
    return {
      compiled,
      form: {
        validate: (data, lang) => check(data, lang).errors,
        check,
        fields: () => index.fields.map((f) => ({ ...f })),
      },
    };
  };

  return {
    compile(schema: object): CompiledForm {
      const text = JSON.stringify(schema);
      const cached = byContent.get(text);
      if (cached) {
        byContent.delete(text);
        byContent.set(text, cached);
        return cached.form;
      }
      const entry = build(schema);
      byContent.set(text, entry);
      for (const [oldest, { compiled }] of byContent) {
        if (byContent.size <= cacheSize) break;
        byContent.delete(oldest);
        ajv?.removeSchema(compiled);
      }
      return entry.form;
    },
  };
}
