/**
 * The service's form (JSON Schema with x-label / x-help in kk, ru, en) made ready for @rjsf/core in one UI language,
 * and the server's field errors (JSON pointers into the request: /data/applicant/iin) made into rjsf's extraErrors.
 * Pure functions: the browser tests call them directly too.
 */
export type Schema = { [k: string]: unknown };
type Text = Record<string, string | undefined>;
export interface ServerFieldError {
  pointer: string;
  code?: string;
  message: string;
  messages?: Record<string, string>;
}
export type ErrorTree = { __errors?: string[]; [k: string]: ErrorTree | string[] | undefined };

const pickText = (t: unknown, lang: string): string | undefined => {
  if (!t) return undefined;
  if (typeof t === 'string') return t;
  const x = t as Text;
  return x[lang] ?? x.ru ?? x.kk;
};

/** Fields the applicant does not fill: the provider fetches them from state systems or the officer records them. */
function notTheApplicants(s: unknown): boolean {
  const source = (s as Schema | undefined)?.['x-source'];
  return source === 'gateway' || source === 'officer';
}

/**
 * x-label → title, x-help → description, enum labels (x-enumLabels, or oneOf [{ const, x-label }]) → oneOf with
 * titles; fields of other sources (x-source gateway / officer) left out together with their `required` entries.
 * Everything else (types, formats, if/then, allOf) is kept, so rjsf shows the same conditional fields the server
 *   checks.
 */
export function toRjsfSchema(schema: unknown, lang: string): Schema {
  if (Array.isArray(schema)) return schema.map((s) => toRjsfSchema(s, lang)) as unknown as Schema;
  if (!schema || typeof schema !== 'object') return schema as Schema;
  const src = schema as Schema;
  const out: Schema = {};
  const hidden = new Set<string>();
  if (src.properties && typeof src.properties === 'object') {
    for (const [k, v] of Object.entries(src.properties as Schema)) if (notTheApplicants(v)) hidden.add(k);
  }
  for (const [k, v] of Object.entries(src)) {
    if (k === 'x-label') out.title = pickText(v, lang);
    else if (k === 'x-help') out.description = pickText(v, lang);
    else if (k.startsWith('x-')) continue;
    else if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(v as Schema)
          .filter(([p]) => !hidden.has(p))
          .map(([p, s]) => [p, toRjsfSchema(s, lang)]),
      );
    } else if (k === 'required' && Array.isArray(v)) out.required = v.filter((p) => !hidden.has(p as string));
    else if (
      ['items', 'then', 'else', 'if', 'not', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(
        k,
      ) &&
      v &&
      typeof v === 'object'
    )
      out[k] = toRjsfSchema(v, lang);
    else if (k === '$defs' || k === 'definitions')
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, toRjsfSchema(s, lang)]));
    else out[k] = v;
  }
  // A bare enum with labels given by the definition becomes a oneOf of titled constants: a select with readable
  // options.
  const enumLabels = src['x-enumLabels'] as Record<string, Text> | undefined;
  if (Array.isArray(src.enum) && enumLabels) {
    out.oneOf = (src.enum as unknown[]).map((v) => ({
      const: v,
      title: pickText(enumLabels[String(v)], lang) ?? String(v),
    }));
    delete out.enum;
    if (!out.type && src.enum.every((v) => typeof v === 'string')) out.type = 'string';
  }
  // rjsf renders a select for a bare enum only when the type is known.
  if (Array.isArray(out.enum) && !out.type && (out.enum as unknown[]).every((v) => typeof v === 'string'))
    out.type = 'string';
  return out;
}

/** The path of a pointer into the request's `data` (/data/applicant/iin → ['applicant', 'iin']). */
export function pointerPath(pointer: string): string[] {
  const segs = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segs[0] === 'data' ? segs.slice(1) : segs;
}

/**
 * The server's field errors as rjsf extraErrors, each message in the UI language (the error's `messages` carry
 * kk/ru/en; `message` is in the request's Accept-Language). Errors on fields the form does not show come back in
 * `unplaced`, to be listed above the form.
 */
export function toExtraErrors(
  errors: ServerFieldError[],
  lang: string,
  schema?: Schema,
): { tree: ErrorTree; unplaced: string[] } {
  const tree: ErrorTree = {};
  const unplaced: string[] = [];
  for (const e of errors) {
    const text = e.messages?.[lang] ?? e.message;
    const path = pointerPath(e.pointer);
    if (schema && !shown(schema, path)) {
      unplaced.push(text);
      continue;
    }
    let node = tree;
    for (const seg of path) node = (node[seg] ??= {}) as ErrorTree;
    (node.__errors ??= []).push(text);
  }
  return { tree, unplaced };
}

/** Whether the rjsf schema has a field at the path (looking through the branches of conditionals). */
function shown(schema: Schema, path: string[]): boolean {
  let level: Schema[] = [schema];
  for (const seg of path) {
    const next: Schema[] = [];
    const visit = (s: unknown) => {
      if (!s || typeof s !== 'object') return;
      const x = s as Schema;
      const p = (x.properties as Schema | undefined)?.[seg];
      if (p) next.push(p as Schema);
      if (/^\d+$/.test(seg) && x.items) next.push(x.items as Schema);
      for (const k of ['allOf', 'anyOf', 'oneOf'] as const)
        for (const b of (x[k] as Schema[] | undefined) ?? []) visit(b);
      for (const k of ['then', 'else'] as const) visit(x[k]);
    };
    level.forEach(visit);
    if (next.length === 0) return false;
    level = next;
  }
  return true;
}
