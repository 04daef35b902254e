import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import { ProblemError } from '../errors/problem';
import { collectFields } from './collectFields';
import { formAnnotationKeywords } from './formAnnotationKeywords';
import { addFormFormats } from './formFormats';
import type { CompiledForm, FormCompiler, FormLang } from './formTypes';
import { toFormErrors } from './toFormErrors';

/**
 * Options of the one ajv instance, and why:
 * - `allErrors`: an applicant sees every mistake of the form at once, not one per submission.
 * - `strict`: unknown keywords, unknown formats and ignored keywords are definition errors (an analyst's typo must not
 *   silently switch a check off); our `x-` annotations are registered so they pass.
 * - `strictRequired: false`: the conditional patterns we use (`anyOf: [{ required: ['iin'] }, …]`) name properties
 *   declared in the parent schema, which ajv's strictRequired check does not see inside `anyOf` / `oneOf` branches.
 * - `allowUnionTypes`: nullable fields (`type: ['string', 'null']`) are ordinary in forms.
 * - `addUsedSchema: false`: versions of one service may carry the same `$id`; each form is compiled on its own.
 */
const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  addUsedSchema: false,
} as const;

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
    const found = findKey(v, key, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
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
 * Compiled forms are cached: by `key` when the caller gives one (e.g. `serviceId@version`), else by schema identity.
 * @example
 * const compiler = createFormCompiler();
 * const form = compiler.compile({ type: 'object', properties: { iin: { type: 'string', format: 'iin',
 *   'x-label': { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' } } }, required: ['iin'] });
 * form.validate({}, 'kk')[0].message // '«ЖСН»: міндетті өріс толтырылмаған'
 */
export function createFormCompiler(): FormCompiler {
  const ajv = new Ajv2020(AJV_OPTIONS);
  addFormFormats(ajv);
  for (const keyword of formAnnotationKeywords) ajv.addKeyword(keyword);

  const byIdentity = new WeakMap<object, CompiledForm>();
  // A key names a version, whose form changes while it is a draft (an analyst's every edit keeps the version's id):
  // the compiled form stands only while the schema's text is the same, and a replaced one leaves ajv's cache.
  const byKey = new Map<string, { text: string; schema: object; form: CompiledForm }>();

  const build = (schema: object): CompiledForm => {
    if (!ajv.validateSchema(schema)) {
      const errors = (ajv.errors ?? []) as ErrorObject[];
      const first = errors[0];
      throw schemaProblem(
        first ? `${first.message ?? first.keyword}` : 'not a JSON Schema',
        first?.instancePath ?? '',
        errors.map((e) => ({ pointer: e.instancePath, message: e.message, keyword: e.keyword })),
      );
    }
    let validator: ReturnType<typeof ajv.compile>;
    try {
      validator = ajv.compile(schema);
    } catch (e) {
      throw compileProblem(e, schema);
    }
    const index = collectFields(schema);
    return {
      validate(data: unknown, lang: FormLang) {
        if (validator(data)) return [];
        return toFormErrors(validator.errors ?? [], index, lang);
      },
      fields: () => index.fields.map((f) => ({ ...f })),
    };
  };

  return {
    compile(schema: object, key?: string): CompiledForm {
      if (key === undefined) {
        const cached = byIdentity.get(schema);
        if (cached) return cached;
        const form = build(schema);
        byIdentity.set(schema, form);
        return form;
      }
      const text = JSON.stringify(schema);
      const cached = byKey.get(key);
      if (cached?.text === text) return cached.form;
      const form = build(schema);
      if (cached) ajv.removeSchema(cached.schema);
      byKey.set(key, { text, schema, form });
      return form;
    },
  };
}
