/**
 * The service's form (JSON Schema with x-label / x-description / x-enumLabels in kk, ru, en) made ready for
 * @rjsf/core in one UI language. Pure: the browser tests call it directly too.
 */
export type Schema = { [k: string]: unknown };
type Text = Record<string, string | undefined>;

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

/** Keywords whose value is a subschema or a list of them, converted the same way. */
const SUBSCHEMA = [
  'items',
  'prefixItems',
  'contains',
  'additionalProperties',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'allOf',
  'anyOf',
  'oneOf',
];
/** Keywords whose value maps names to subschemas. */
const SUBSCHEMA_MAPS = ['$defs', 'definitions', 'dependentSchemas', 'patternProperties'];

/**
 * x-label → title, x-description → description, enum labels (x-enumLabels, or oneOf [{ const, x-label }]) → oneOf with
 * titles; fields of other sources (x-source gateway / officer) left out together with their `required` entries.
 * Everything else (types, formats, if/then, allOf) is kept, so rjsf shows the same conditional fields the server
 * checks. `$schema` and `$id` are dropped: rjsf's validator knows one draft, and it caches schemas by `$id`, which a
 * form edited in the workbench would reuse with another content.
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
  const each = (v: unknown, f: (s: unknown) => unknown) =>
    Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, f(s)]));
  for (const [k, v] of Object.entries(src)) {
    if (k === 'x-label') out.title = pickText(v, lang);
    else if (k === 'x-description') out.description = pickText(v, lang);
    else if (k.startsWith('x-') || k === '$schema' || k === '$id') continue;
    else if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(v as Schema)
          .filter(([p]) => !hidden.has(p))
          .map(([p, s]) => [p, toRjsfSchema(s, lang)]),
      );
    } else if (k === 'required' && Array.isArray(v)) out.required = v.filter((p) => !hidden.has(p as string));
    else if (SUBSCHEMA.includes(k)) out[k] = toRjsfSchema(v, lang);
    else if (SUBSCHEMA_MAPS.includes(k) && v && typeof v === 'object') out[k] = each(v, (s) => toRjsfSchema(s, lang));
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
