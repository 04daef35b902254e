import type { Problem } from '../errors/problem';
import { appendPointer, escapeSegment } from '../format/jsonPointer';
import type { CompiledForm } from '../forms';

/**
 * Checks what ajv's keyword meta-schemas cannot: how `x-identity` and `x-summary` sit in the whole form. An identity
 * is a string the applicant UI can prefill, held by one field (two "fullName" fields would leave the inbox guessing
 * whose name it is) outside arrays (an item of a list is nobody's own identity); a summary is a value that can be
 * printed in a column: a string or a number, never an object, a list or a raw boolean.
 * Each problem is located at the schema node that carries the annotation (`formPointer` + the path inside the form).
 */

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Annotated {
  schemaPointer: string;
  dataPointer: string;
  node: Schema;
  inArray: boolean;
}

function resolveLocalRef(root: Schema, ref: string): { node: Schema; pointer: string } | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchema(node)) return undefined;
    node = node[seg];
  }
  return isSchema(node) ? { node, pointer: ref.slice(1) } : undefined;
}

function annotatedNodes(root: Schema): Annotated[] {
  const found: Annotated[] = [];
  const seen = new Set<string>();
  const walk = (s: unknown, at: string, data: string, inArray: boolean, refs: ReadonlySet<string>): void => {
    if (!isSchema(s)) return;
    const key = `${at}|${data}`;
    if (!seen.has(key) && ('x-identity' in s || 'x-summary' in s)) {
      seen.add(key);
      found.push({ schemaPointer: at, dataPointer: data, node: s, inArray });
    }
    if (typeof s.$ref === 'string' && !refs.has(s.$ref)) {
      const target = resolveLocalRef(root, s.$ref);
      if (target) walk(target.node, target.pointer, data, inArray, new Set([...refs, s.$ref]));
    }
    if (isSchema(s.properties)) {
      for (const [name, sub] of Object.entries(s.properties))
        walk(sub, appendPointer(at, 'properties', name), `${data}/${escapeSegment(name)}`, inArray, refs);
    }
    if (isSchema(s.items)) walk(s.items, appendPointer(at, 'items'), `${data}/*`, true, refs);
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = s[k];
      if (Array.isArray(list))
        list.forEach((sub, i) => walk(sub, appendPointer(at, k, String(i)), data, inArray, refs));
    }
    walk(s.then, appendPointer(at, 'then'), data, inArray, refs);
    walk(s.else, appendPointer(at, 'else'), data, inArray, refs);
    if (isSchema(s.dependentSchemas)) {
      for (const [name, sub] of Object.entries(s.dependentSchemas))
        walk(sub, appendPointer(at, 'dependentSchemas', name), data, inArray, refs);
    }
  };
  walk(root, '', '', false, new Set());
  return found;
}

/** The field's type: the node's own `type`, else what the form's field list knows of the property. */
function typeAt(node: Schema, dataPointer: string, form: CompiledForm | undefined): string | undefined {
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.type)) return node.type.join('|');
  if (Array.isArray(node.enum) && node.enum.length > 0)
    return [...new Set(node.enum.map((v) => (v === null ? 'null' : typeof v)))].join('|');
  return form?.fields().find((f) => f.pointer === dataPointer)?.type;
}

/**
 * Problems of the form's identity and summary annotations, located under `formPointer` (e.g. `/versions/0/form`).
 * @example
 * const form = { type: 'object', properties: { n: { type: 'number', 'x-identity': 'iin' } } };
 * checkFormAnnotations(form, '/versions/0/form')
 * // [{ code: 'form.identityNotString', pointer: '/versions/0/form/properties/n/x-identity', ... }]
 */
export function checkFormAnnotations(schema: unknown, formPointer: string, form?: CompiledForm): Problem[] {
  if (!isSchema(schema)) return [];
  const problems: Problem[] = [];
  const byKind = new Map<string, Annotated>();
  for (const a of annotatedNodes(schema)) {
    const identity = a.node['x-identity'];
    const fieldAt = () => form?.fields().find((f) => f.pointer === a.dataPointer);
    const type = typeAt(a.node, a.dataPointer, form);
    if (typeof identity === 'string') {
      const pointer = `${formPointer}${appendPointer(a.schemaPointer, 'x-identity')}`;
      if (type !== 'string') {
        problems.push({
          code: 'form.identityNotString',
          kind: 'definition',
          pointer,
          message: `"x-identity": "${identity}" is on field ${a.dataPointer}, whose type is ${type ?? 'not declared'}: an identity is a string the applicant UI can prefill; declare "type": "string" or remove the annotation`,
          params: { identity, field: a.dataPointer },
        });
      } else if (a.inArray) {
        problems.push({
          code: 'form.identityInArray',
          kind: 'definition',
          pointer,
          message: `"x-identity": "${identity}" is on ${a.dataPointer}, an item of a list: the applicant's own identity is one field, not one per item`,
          params: { identity, field: a.dataPointer },
        });
      }
      const first = byKind.get(identity);
      if (first && first.dataPointer !== a.dataPointer) {
        problems.push({
          code: 'form.identityTwice',
          kind: 'definition',
          pointer,
          message: `fields ${first.dataPointer} and ${a.dataPointer} both say "x-identity": "${identity}": one field holds the applicant's ${identity}; mark a representative's or a third party's field without x-identity`,
          params: { identity, fields: [first.dataPointer, a.dataPointer] },
        });
      } else if (!first) byKind.set(identity, a);
    }
    if (a.node['x-summary'] === true && type !== 'string' && type !== 'number' && type !== 'integer') {
      problems.push({
        code: 'form.summaryNotScalar',
        kind: 'definition',
        pointer: `${formPointer}${appendPointer(a.schemaPointer, 'x-summary')}`,
        message: `"x-summary" is on field ${a.dataPointer}, whose type is ${type ?? 'not declared'}: the inbox prints a summary field's value, so mark a string, number or enum field (the object's cadastral number, its kind, the address)`,
        params: { field: a.dataPointer },
      });
    }
    if (a.node['x-summary'] === true && Array.isArray(a.node.enum)) {
      const labels = (isSchema(a.node['x-enumLabels']) ? a.node['x-enumLabels'] : undefined) ?? fieldAt()?.enumLabels;
      const unlabelled = a.node.enum.filter((v) => !isSchema(labels?.[String(v)]));
      if (unlabelled.length)
        problems.push({
          code: 'form.summaryUnlabelled',
          kind: 'definition',
          pointer: `${formPointer}${appendPointer(a.schemaPointer, 'x-summary')}`,
          message: `"x-summary" is on field ${a.dataPointer}, whose values ${unlabelled.map((v) => JSON.stringify(v)).join(', ')} have no x-enumLabels: the inbox would print a raw value; label each value in kk and ru`,
          params: { field: a.dataPointer, values: unlabelled },
        });
    }
  }
  return problems;
}
