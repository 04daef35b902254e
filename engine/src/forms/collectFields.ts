import type { FieldInfo, FieldLegalRef, FieldSource, IdentityKind, LocalizedText } from './formTypes';
import { escapeSegment } from '../format/jsonPointer';

/**
 * Walks a form schema and lists its fields: every property at any depth, array items written with the segment `*`.
 * A property declared in several places (base `properties` and a `then` branch) is one field: the first declaration
 * gives its attributes, later ones fill what is missing. Only local `$ref`s (`#/...`) are followed; a form is one
 * document after the definition has been assembled.
 */

type Schema = Record<string, unknown>;

export interface FieldIndex {
  /** Property fields in declaration order. */
  fields: FieldInfo[];
  /** The field (property or array item) at a data pointer such as `/children/0/iin`, if the form declares it. */
  at(pointer: string): FieldInfo | undefined;
}

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolveLocalRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchema(node)) return undefined;
    node = node[seg];
  }
  return isSchema(node) ? node : undefined;
}

function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join('|');
  if ('const' in schema) return typeof schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const types = [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
    return types.join('|');
  }
  return undefined;
}

/**
 * Lists the fields of a form schema.
 * @example
 * collectFields({ type: 'object', properties: { iin: { type: 'string', format: 'iin' } }, required: ['iin'] })
 *   .fields // [{ pointer: '/iin', required: true, conditional: false, type: 'string', format: 'iin', document: false
 *     }]
 */
export function collectFields(root: object): FieldIndex {
  const byPointer = new Map<string, FieldInfo>();
  const items = new Set<string>(); // pointers of array items, which are not listed as fields
  const order: string[] = [];

  const touch = (pointer: string): FieldInfo => {
    let f = byPointer.get(pointer);
    if (!f) {
      f = { pointer, required: false, conditional: false, document: false };
      byPointer.set(pointer, f);
      order.push(pointer);
    }
    return f;
  };

  const describe = (f: FieldInfo, s: Schema): void => {
    if (f.label === undefined && isSchema(s['x-label'])) f.label = s['x-label'] as unknown as LocalizedText;
    if (f.description === undefined && isSchema(s['x-description']))
      f.description = s['x-description'] as unknown as LocalizedText;
    if (f.ui === undefined && isSchema(s['x-ui'])) f.ui = s['x-ui'] as Record<string, unknown>;
    if (f.type === undefined) f.type = typeOf(s);
    if (f.format === undefined && typeof s.format === 'string') f.format = s.format;
    if (f.source === undefined && typeof s['x-source'] === 'string') f.source = s['x-source'] as FieldSource;
    if (s['x-document'] === true) f.document = true;
    if (f.legalRef === undefined && isSchema(s['x-legalRef'])) f.legalRef = s['x-legalRef'] as FieldLegalRef;
    if (f.identity === undefined && typeof s['x-identity'] === 'string') f.identity = s['x-identity'] as IdentityKind;
    if (s['x-summary'] === true) f.summary = true;
    if (f.enumLabels === undefined && isSchema(s['x-enumLabels']))
      f.enumLabels = s['x-enumLabels'] as Record<string, LocalizedText>;
  };

  const markRequired = (parent: string, names: unknown, conditional: boolean): void => {
    if (!Array.isArray(names)) return;
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const f = touch(`${parent}/${escapeSegment(name)}`);
      if (conditional) f.conditional = !f.required;
      else {
        f.required = true;
        f.conditional = false;
      }
    }
  };

  const walk = (schema: unknown, pointer: string, conditional: boolean, refs: ReadonlySet<string>): void => {
    if (!isSchema(schema)) return;
    if (typeof schema.$ref === 'string' && !refs.has(schema.$ref)) {
      const target = resolveLocalRef(root as Schema, schema.$ref);
      if (target) walk(target, pointer, conditional, new Set([...refs, schema.$ref]));
    }
    if (isSchema(schema.properties)) {
      for (const [name, sub] of Object.entries(schema.properties)) {
        const child = `${pointer}/${escapeSegment(name)}`;
        if (isSchema(sub)) describe(touch(child), sub);
        walk(sub, child, conditional, refs);
      }
    }
    markRequired(pointer, schema.required, conditional);
    if (isSchema(schema.dependentRequired)) {
      for (const deps of Object.values(schema.dependentRequired)) markRequired(pointer, deps, true);
    }
    if (isSchema(schema.items)) {
      const child = `${pointer}/*`;
      items.add(child);
      describe(touch(child), schema.items);
      walk(schema.items, child, conditional, refs);
    }
    if (Array.isArray(schema.allOf)) for (const s of schema.allOf) walk(s, pointer, conditional, refs);
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list)) for (const s of list) walk(s, pointer, true, refs);
    }
    // `if` only states a condition: its properties are not declarations of fields.
    walk(schema.then, pointer, true, refs);
    walk(schema.else, pointer, true, refs);
    if (isSchema(schema.dependentSchemas)) {
      for (const s of Object.values(schema.dependentSchemas)) walk(s, pointer, true, refs);
    }
  };

  walk(root, '', false, new Set());

  const fields = order.filter((p) => !items.has(p)).map((p) => byPointer.get(p)!);
  return {
    fields,
    at(pointer: string) {
      const exact = byPointer.get(pointer);
      if (exact) return exact;
      // Array indices in data pointers match the `*` of item declarations.
      const generic = pointer
        .split('/')
        .map((seg, i) => (i > 0 && /^\d+$/.test(seg) ? '*' : seg))
        .join('/');
      return byPointer.get(generic);
    },
  };
}
