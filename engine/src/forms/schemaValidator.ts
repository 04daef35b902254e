import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { Problem } from '../errors/problem';
import { escapeSegment } from '../format/jsonPointer';

/**
 * Validates a JSON value against one of the engine's own schemas (the definition meta-schema, the scenario schema)
 * and turns ajv's errors into plain-words problems with the JSON Pointer of the offending part. Compiled once per
 * schema. It lives in forms/ because forms/ is the one folder that imports ajv.
 */
export interface SchemaValidator {
  validate(value: unknown): Problem[];
}

const describe = (schema: unknown): string | undefined =>
  schema && typeof schema === 'object' && typeof (schema as { description?: unknown }).description === 'string'
    ? (schema as { description: string }).description
    : undefined;

function messageOf(e: ErrorObject): { message: string; pointer: string } {
  const at = e.instancePath || '/';
  const hint = describe(e.parentSchema);
  switch (e.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return {
        pointer: `${e.instancePath}/${escapeSegment(key)}`,
        message: `unknown key "${key}" at ${at}${allowed.length ? `; the keys allowed here are: ${allowed.join(', ')}` : ''}`,
      };
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      const prop = (e.parentSchema as { properties?: Record<string, unknown> })?.properties?.[key];
      const ex = describe(prop);
      return {
        pointer: e.instancePath,
        message: `missing the required key "${key}" at ${at}${ex ? ` (${key}: ${ex})` : ''}`,
      };
    }
    case 'type':
      return {
        pointer: e.instancePath,
        message: `${at} must be of type ${(e.params as { type: string | string[] }).type}${hint ? ` (${hint})` : ''}`,
      };
    case 'enum':
      return {
        pointer: e.instancePath,
        message: `${at} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return {
        pointer: e.instancePath,
        message: `${at} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`,
      };
    case 'pattern':
      return {
        pointer: e.instancePath,
        message: `${at} has the wrong form${hint ? `: ${hint}` : ` (expected to match ${(e.params as { pattern: string }).pattern})`}`,
      };
    case 'oneOf':
    case 'anyOf':
      return { pointer: e.instancePath, message: `${at} does not match any allowed form${hint ? `: ${hint}` : ''}` };
    default:
      return { pointer: e.instancePath, message: `${at} ${e.message ?? 'is invalid'}${hint ? ` (${hint})` : ''}` };
  }
}

const WRAPPERS = new Set(['oneOf', 'anyOf', 'if', 'not']);
const SHAPE = new Set(['additionalProperties', 'required']);

/**
 * Keeps the errors that explain the problem: inside a failed oneOf ajv reports every branch's errors; the branch
 * that got deepest into the value is the one the author meant, and a wrapper error is noise when a specific one exists.
 */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !WRAPPERS.has(e.keyword));
  const kept = errors.filter(
    (e) => !WRAPPERS.has(e.keyword) || !specific.some((s) => s.instancePath.startsWith(e.instancePath)),
  );
  const unique = new Map<string, ErrorObject>();
  for (const e of kept) unique.set(`${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`, e);
  const list = [...unique.values()];
  const deepest = list.filter((e) => !list.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/')));
  // At one path, a shape error (unknown or missing key) beats the type/const noise of the other oneOf branches.
  return deepest.filter(
    (e) => SHAPE.has(e.keyword) || !deepest.some((o) => o.instancePath === e.instancePath && SHAPE.has(o.keyword)),
  );
}

// No optimisation pass over the generated code: it was half of compiling the meta-schema at each start, and
// validating a definition is no slower without it (measured on the twelve services).
export const ENGINE_SCHEMA_AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, code: { optimize: false } };
const idOf = (schema: object): unknown => (schema as { $id?: unknown }).$id;
let shared: { ajv: Ajv2020; schemas: Map<unknown, object> } | undefined;

/** Validators generated ahead of time (precompiledValidators.ts), by $id, with the JSON text each came from. */
const precompiled = new Map<string, { json: string; validate: ValidateFunction }>();
const jsonOf = new WeakMap<object, string>();

/**
 * Hands the engine validators that ajv generated at build time for its own schemas (a runtime loads them from
 * disk): compiling the definition meta-schema is ~0.15 s of every start. Each is used only for a schema whose JSON
 * is exactly the text it was generated from, so a stale build falls back to compiling.
 */
export function usePrecompiledValidators(generated: {
  sources: Record<string, string>;
  validators: Record<string, unknown>;
}): void {
  for (const [id, json] of Object.entries(generated.sources)) {
    const validate = generated.validators[id];
    if (typeof validate === 'function') precompiled.set(id, { json, validate: validate as ValidateFunction });
  }
}

function precompiledFor(schema: object): ValidateFunction | undefined {
  const found = precompiled.get(idOf(schema) as string);
  if (!found) return undefined;
  let json = jsonOf.get(schema);
  if (json === undefined) jsonOf.set(schema, (json = JSON.stringify(schema)));
  return json === found.json ? found.validate : undefined;
}

/**
 * The engine's own schemas (each with its $id) share one ajv, so the definition meta-schema is compiled once rather
 * than again inside every validator that refers to it (the acts', the scenarios'): a third of a cold start's ajv
 * time. A schema without an $id, or another object under a known $id, gets an ajv of its own as before.
 */
function compiled(schema: object, referenced: object[]): ValidateFunction {
  const all = [...referenced, schema];
  // A generated validator holds its referenced schemas inside; they must be the ones generated from too.
  const ready = precompiledFor(schema);
  if (ready && referenced.every((r) => precompiledFor(r))) return ready;
  shared ??= { ajv: new Ajv2020(ENGINE_SCHEMA_AJV_OPTIONS), schemas: new Map() };
  const { ajv, schemas } = shared;
  if (!all.every((s) => typeof idOf(s) === 'string' && (schemas.get(idOf(s)) ?? s) === s)) {
    const own = new Ajv2020(ENGINE_SCHEMA_AJV_OPTIONS);
    for (const r of referenced) own.addSchema(r);
    return own.compile(schema);
  }
  for (const s of all)
    if (!schemas.has(idOf(s))) {
      ajv.addSchema(s);
      schemas.set(idOf(s), s);
    }
  return ajv.getSchema(idOf(schema) as string)!;
}

/**
 * @example
 *   const v = createSchemaValidator(metaSchema, 'definition');
 *   v.validate({ id: 'X' }) // [{ code: 'definition.pattern', pointer: '/id', message: '/id has the wrong form: ...'
 *     }, ...]
 */
export function createSchemaValidator(schema: object, what: string, referenced: object[] = []): SchemaValidator {
  const fn = compiled(schema, referenced);
  return {
    validate(value) {
      if (fn(value)) return [];
      return mostSpecific(fn.errors ?? []).map((e) => {
        const { message, pointer } = messageOf(e);
        // ajv's params (the missing key, the allowed values…) let a reader word the problem in its own language.
        return { code: `${what}.${e.keyword}`, kind: 'definition' as const, message, pointer, params: { ...e.params } };
      });
    },
  };
}
