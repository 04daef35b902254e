/**
 * The form of a version (a JSON Schema with our x- annotations, docs/definition-format.md "The form") read and written
 * as the fields editor sees it: a tree of fields, each of a kind an analyst picks from a list, and a requirement
 * (always / when one field of its group has a value / never). Pure and immutable: every function returns a new form
 * and keeps every untouched object as it was, so the draft's diff names exactly what changed. Whatever the panel
 * cannot say (oneOf, patterns, `$ref`, an `$include`) is reported, never rewritten.
 */

export type Schema = Record<string, unknown>;

export const FIELD_KINDS = ['text', 'number', 'integer', 'boolean', 'choice', 'date', 'group'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** The formats of a text field an analyst picks (engine/src/forms/formFormats.ts); '' is none. */
export const TEXT_FORMATS = ['iin', 'bin', 'iin-or-bin', 'kz-phone', 'cadastral-number'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** Who supplies the value (`x-source`): the applicant unless the provider fetches it or the officer records it. */
export const FIELD_SOURCES = ['applicant', 'gateway', 'officer'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** The numeric limits of a number field, and the length limits of a text. */
export const NUMBER_LIMITS = ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'] as const;
export const LENGTH_LIMITS = ['minLength', 'maxLength'] as const;

export const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Annotations every field may carry; the panel edits label, help and source, and keeps the others as they are. */
const COMMON = [
  'type',
  'x-label',
  'x-description',
  'x-source',
  'x-legalRef',
  'x-document',
  'x-ui',
  'x-identity',
  'x-summary',
];
const KIND_KEYWORDS: Record<FieldKind, string[]> = {
  text: ['format', ...LENGTH_LIMITS],
  number: [...NUMBER_LIMITS],
  integer: [...NUMBER_LIMITS],
  // `const: true`: a consent or declaration the act makes a condition of applying (kept as it is).
  boolean: ['const'],
  choice: ['enum', 'x-enumLabels'],
  date: ['format'],
  // A group's conditional requirements are read rule by rule (requirementOf); the rest of if/then stays untouched.
  group: ['properties', 'required', 'additionalProperties', 'if', 'then', 'allOf'],
};

/** The kind of a field's schema, or null when it is none the panel offers (an array, a union, a `const`…). */
export function kindOf(schema: unknown): FieldKind | null {
  if (!isSchema(schema)) return null;
  const { type, format } = schema;
  if (Array.isArray(schema.enum))
    return (type === undefined || type === 'string') && schema.enum.every((v) => typeof v === 'string')
      ? 'choice'
      : null;
  if (type === 'object') return 'group';
  if (type === 'string') return format === 'date' ? 'date' : 'text';
  if (type === 'number' || type === 'integer' || type === 'boolean') return type;
  return null;
}

/** The keywords of a field the panel cannot edit: non-empty makes the field read only, with a pointer to JSON. */
export function unsupportedKeywords(schema: unknown): string[] {
  if (!isSchema(schema)) return ['$include'];
  const kind = kindOf(schema);
  if (!kind) return Object.keys(schema).filter((k) => !COMMON.includes(k) || k === 'type');
  const allowed = new Set([...COMMON, ...KIND_KEYWORDS[kind]]);
  const odd = Object.keys(schema).filter((k) => !allowed.has(k));
  if (kind === 'text' && schema.format !== undefined && !(TEXT_FORMATS as readonly unknown[]).includes(schema.format))
    odd.push('format');
  if (kind === 'group' && schema.properties !== undefined && !isSchema(schema.properties)) odd.push('properties');
  if (typeof schema['x-source'] === 'string' && !(FIELD_SOURCES as readonly string[]).includes(schema['x-source']))
    odd.push('x-source');
  return odd;
}

export interface FieldNode {
  /** The property name ('' for the form itself). */
  key: string;
  /** The property names from the form's root to this field. */
  path: string[];
  /** JSON Pointer of its schema in the version (`/form/properties/object/properties/kind`). */
  pointer: string;
  schema: Schema;
  kind: FieldKind | null;
  /** Keywords the panel does not edit; non-empty means read only. */
  unsupported: string[];
  children: FieldNode[];
}

const escapeToken = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The fields of a form as a tree, in the order of `properties` (the order on the applicant's page). */
export function formTree(form: unknown, pointer = '/form', path: string[] = []): FieldNode {
  const schema = isSchema(form) ? form : {};
  const props = isSchema(schema.properties) ? schema.properties : {};
  const kind = kindOf(form);
  return {
    key: path[path.length - 1] ?? '',
    path,
    pointer,
    schema,
    kind,
    unsupported: unsupportedKeywords(form),
    children:
      kind === 'group'
        ? Object.entries(props).map(([k, s]) => formTree(s, `${pointer}/properties/${escapeToken(k)}`, [...path, k]))
        : [],
  };
}

/** The field at a path of property names, or undefined. */
export function fieldAt(root: FieldNode, path: readonly string[]): FieldNode | undefined {
  let node: FieldNode | undefined = root;
  for (const key of path) node = node?.children.find((c) => c.key === key);
  return node;
}

// ---------------------------------------------------------------- keys

/** A field's key: latin camelCase, as the data and the conditions name it. */
export const FIELD_KEY = /^[a-z][a-zA-Z0-9]*$/;
/** An option's value: latin words joined by hyphens ("legal-entity"), as conditions compare it. */
export const OPTION_VALUE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why a new key cannot be used in a group: null when it can. */
export function keyProblem(group: Schema, key: string): 'empty' | 'format' | 'taken' | null {
  if (!key) return 'empty';
  if (!FIELD_KEY.test(key)) return 'format';
  return isSchema(group.properties) && key in group.properties ? 'taken' : null;
}

/** Why a value cannot be an option of a choice (`current` is the option being renamed): null when it can. */
export function optionProblem(field: Schema, value: string, current?: string): 'empty' | 'format' | 'taken' | null {
  if (!value) return 'empty';
  if (!OPTION_VALUE.test(value)) return 'format';
  return value !== current && optionsOf(field).includes(value) ? 'taken' : null;
}

// ---------------------------------------------------------------- edits of a field's own schema

/** A copy of a schema with a keyword set, or removed when `value` is undefined (the key order kept). */
export function withKeyword(schema: Schema, keyword: string, value: unknown): Schema {
  const next = { ...schema };
  if (value === undefined) delete next[keyword];
  else next[keyword] = value;
  return next;
}

/** The schema of a new field of a kind. A group is closed to unknown keys, like every group of our forms. */
export function schemaOfKind(kind: FieldKind): Schema {
  switch (kind) {
    case 'text':
      return { type: 'string' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'choice':
      return { type: 'string', enum: [], 'x-enumLabels': {} };
    case 'group':
      return { type: 'object', additionalProperties: false, properties: {} };
    default:
      return { type: kind };
  }
}

/** The field as another kind: its label, help, source and citation kept, what belonged to the old kind dropped. */
export function changeKind(schema: Schema, kind: FieldKind): Schema {
  if (kindOf(schema) === kind) return schema;
  const kept = Object.fromEntries(Object.entries(schema).filter(([k]) => COMMON.includes(k) && k !== 'type'));
  return { ...schemaOfKind(kind), ...kept };
}

/** The values of a choice, in order. */
export function optionsOf(field: Schema): string[] {
  return Array.isArray(field.enum) ? field.enum.map(String) : [];
}

function enumLabels(field: Schema): Record<string, unknown> {
  return isSchema(field['x-enumLabels']) ? field['x-enumLabels'] : {};
}

/** A choice with one option more, its label still to be written in kk and ru. */
export function addOption(field: Schema, value: string): Schema {
  return {
    ...field,
    enum: [...optionsOf(field), value],
    'x-enumLabels': { ...enumLabels(field), [value]: { kk: '', ru: '' } },
  };
}

export function removeOption(field: Schema, value: string): Schema {
  const { [value]: _gone, ...labels } = enumLabels(field);
  return { ...field, enum: optionsOf(field).filter((v) => v !== value), 'x-enumLabels': labels };
}

/** An option renamed: its place and its label kept. */
export function renameOption(field: Schema, from: string, to: string): Schema {
  const labels = Object.fromEntries(Object.entries(enumLabels(field)).map(([k, v]) => [k === from ? to : k, v]));
  return { ...field, enum: optionsOf(field).map((v) => (v === from ? to : v)), 'x-enumLabels': labels };
}

/** An option moved one place up (-1) or down (+1); the labels follow the order of the values. */
export function moveOption(field: Schema, value: string, delta: -1 | 1): Schema {
  const values = optionsOf(field);
  const i = values.indexOf(value);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= values.length) return field;
  [values[i], values[j]] = [values[j], values[i]];
  const labels = enumLabels(field);
  const ordered = Object.fromEntries([
    ...values.filter((v) => v in labels).map((v) => [v, labels[v]]),
    ...Object.entries(labels).filter(([k]) => !values.includes(k)),
  ]);
  return { ...field, enum: values, 'x-enumLabels': ordered };
}

// ---------------------------------------------------------------- requirement

/**
 * Whether the applicant must fill a field: `always` (the group's `required`), `when` one field of the same group has a
 * value (an `if`/`then` of the group, the format's conditional requirement: docs/definition-format.md "Variants"),
 * `never`, or `complex` when another construct decides it (the JSON section edits that).
 */
export type Requirement =
  | { mode: 'always' }
  | { mode: 'never' }
  | { mode: 'when'; field: string; value: string | boolean }
  | { mode: 'complex' };

/** A rule `{ if: { properties: { <field>: { const: <value> } } }, then: { required: [...] } }`, and nothing else. */
interface SimpleRule {
  field: string;
  value: string | boolean;
  required: string[];
}

function simpleRule(rule: unknown): SimpleRule | null {
  if (!isSchema(rule) || !isSchema(rule.if) || !isSchema(rule.then)) return null;
  if (Object.keys(rule).some((k) => k !== 'if' && k !== 'then')) return null;
  const cond = rule.if;
  if (Object.keys(cond).some((k) => k !== 'properties' && k !== 'required') || !isSchema(cond.properties)) return null;
  const tested = Object.entries(cond.properties);
  if (tested.length !== 1) return null;
  const [field, test] = tested[0];
  if (!isSchema(test) || Object.keys(test).length !== 1 || !('const' in test)) return null;
  const value = test.const;
  if (typeof value !== 'string' && typeof value !== 'boolean') return null;
  if (cond.required !== undefined && !(Array.isArray(cond.required) && cond.required.join() === field)) return null;
  const { then } = rule;
  if (Object.keys(then).some((k) => k !== 'required') || !Array.isArray(then.required)) return null;
  if (!then.required.every((k): k is string => typeof k === 'string')) return null;
  return { field, value, required: then.required };
}

/** Where a group keeps its conditional rules: its own if/then, and the entries of its allOf. */
interface RuleAt {
  at: 'self' | number;
  rule: Schema;
}

function rulesOf(group: Schema): RuleAt[] {
  const own = group.if !== undefined || group.then !== undefined ? [{ at: 'self' as const, rule: ownRule(group) }] : [];
  const all = Array.isArray(group.allOf) ? group.allOf.map((rule, i) => ({ at: i, rule: rule as Schema })) : [];
  return [...own, ...all];
}

function ownRule(group: Schema): Schema {
  return Object.fromEntries(['if', 'then', 'else'].filter((k) => k in group).map((k) => [k, group[k]]));
}

/** Whether a key is named by a `required` anywhere inside a construct (a complex rule deciding the field). */
function namesRequired(node: unknown, key: string): boolean {
  if (Array.isArray(node)) return node.some((n) => namesRequired(n, key));
  if (!isSchema(node)) return false;
  if (Array.isArray(node.required) && node.required.includes(key)) return true;
  return Object.entries(node).some(([k, v]) => k !== 'properties' && namesRequired(v, key));
}

export function requirementOf(group: Schema, key: string): Requirement {
  if (Array.isArray(group.required) && group.required.includes(key)) return { mode: 'always' };
  const others = ['anyOf', 'oneOf', 'dependentRequired', 'dependentSchemas', 'not'].map((k) => group[k]);
  const rules = rulesOf(group);
  const complex = rules.filter((r) => !simpleRule(r.rule)).map((r) => r.rule);
  if ([...others, ...complex].some((n) => namesRequired(n, key))) return { mode: 'complex' };
  if (isSchema(group.dependentRequired) && key in group.dependentRequired) return { mode: 'complex' };
  const deciding = rules.map((r) => simpleRule(r.rule)).filter((r): r is SimpleRule => !!r?.required.includes(key));
  if (deciding.length > 1) return { mode: 'complex' };
  if (deciding.length === 1) return { mode: 'when', field: deciding[0].field, value: deciding[0].value };
  return { mode: 'never' };
}

/** A rule with its `then.required` replaced; undefined when nothing is left to require. */
function withRequired(rule: Schema, required: string[]): Schema | undefined {
  if (!required.length) return undefined;
  return { ...rule, then: { ...(rule.then as Schema), required } };
}

/** The group with a rule put back at its place (or removed, when undefined). */
function putRule(group: Schema, at: 'self' | number, rule: Schema | undefined): Schema {
  if (at === 'self') {
    const next = { ...group };
    delete next.if;
    delete next.then;
    return rule ? { ...next, if: rule.if, then: rule.then } : next;
  }
  const all = [...(group.allOf as unknown[])];
  if (rule) all[at] = rule;
  else all.splice(at, 1);
  return withKeyword(group, 'allOf', all.length ? all : undefined);
}

/**
 * The group with one field's requirement set. A condition joins the rule that already tests the same value (one rule
 * per condition, as the format's examples write them) or starts one: the group's own if/then while free, else an
 * entry of its allOf. A `complex` requirement is left as it is.
 */
export function setRequirement(group: Schema, key: string, req: Requirement): Schema {
  if (req.mode === 'complex' || requirementOf(group, key).mode === 'complex') return group;
  let next = group;
  if (Array.isArray(next.required) && next.required.includes(key)) {
    const left = next.required.filter((k) => k !== key);
    next = withKeyword(next, 'required', left.length ? left : undefined);
  }
  // From the last allOf entry back, so that removing one does not move the others' places.
  for (const { at, rule } of rulesOf(next).reverse()) {
    const simple = simpleRule(rule);
    if (simple?.required.includes(key))
      next = putRule(
        next,
        at,
        withRequired(
          rule,
          simple.required.filter((k) => k !== key),
        ),
      );
  }
  if (req.mode === 'always') return { ...next, required: [...((next.required as string[]) ?? []), key] };
  if (req.mode === 'never') return next;
  const same = rulesOf(next).find((r) => {
    const s = simpleRule(r.rule);
    return s && s.field === req.field && s.value === req.value;
  });
  if (same) return putRule(next, same.at, withRequired(same.rule, [...simpleRule(same.rule)!.required, key]));
  const rule = { if: { properties: { [req.field]: { const: req.value } } }, then: { required: [key] } };
  if (next.if === undefined && next.then === undefined && next.else === undefined)
    return { ...next, if: rule.if, then: rule.then };
  return { ...next, allOf: [...((next.allOf as unknown[]) ?? []), rule] };
}

/** The fields of a group that a condition may test: its choices (by value) and yes/no fields. */
export function conditionFields(
  group: Schema,
  except: string,
): Array<{ key: string; values: Array<string | boolean> }> {
  const props = isSchema(group.properties) ? group.properties : {};
  return Object.entries(props)
    .filter(([k]) => k !== except)
    .flatMap(([k, s]) => {
      const kind = kindOf(s);
      if (kind === 'choice') return [{ key: k, values: optionsOf(s as Schema) as Array<string | boolean> }];
      if (kind === 'boolean') return [{ key: k, values: [true, false] }];
      return [];
    });
}

/** The fields of a group whose requirement depends on the value of `key` (they block its removal). */
export function dependentsOf(group: Schema, key: string): string[] {
  return rulesOf(group).flatMap(({ rule }) => {
    const s = simpleRule(rule);
    if (s) return s.field === key ? s.required : [];
    const tests = isSchema(rule.if) && isSchema(rule.if.properties) && key in rule.if.properties;
    const props = isSchema(group.properties) ? Object.keys(group.properties) : [];
    return tests ? props.filter((k) => k !== key && namesRequired([rule.then, rule.else], k)) : [];
  });
}

/** The values of a choice that the group's conditions test, each with the fields it makes required. */
export function testedValues(group: Schema, key: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { rule } of rulesOf(group)) {
    const s = simpleRule(rule);
    if (s?.field === key) out[String(s.value)] = [...(out[String(s.value)] ?? []), ...s.required];
  }
  return out;
}

// ---------------------------------------------------------------- edits of the tree

/** The form with the group at `path` (property names) replaced by what `edit` makes of it. */
export function editGroup(form: Schema, path: readonly string[], edit: (group: Schema) => Schema): Schema {
  if (!path.length) return edit(form);
  const [head, ...rest] = path;
  const props = form.properties as Schema;
  return { ...form, properties: { ...props, [head]: editGroup(props[head] as Schema, rest, edit) } };
}

/** The form with the field at `path` replaced by what `edit` makes of it. */
export function editField(form: Schema, path: readonly string[], edit: (field: Schema) => Schema): Schema {
  const key = path[path.length - 1];
  return editGroup(form, path.slice(0, -1), (group) => ({
    ...group,
    properties: { ...(group.properties as Schema), [key]: edit((group.properties as Schema)[key] as Schema) },
  }));
}

/** A new field at the end of a group (optional: a requirement is a choice of its own). */
export function addField(form: Schema, groupPath: readonly string[], key: string, field: Schema): Schema {
  return editGroup(form, groupPath, (group) => ({
    ...group,
    properties: { ...(isSchema(group.properties) ? group.properties : {}), [key]: field },
  }));
}

/** The form without a field: out of its group's properties and of every requirement that names it. */
export function removeField(form: Schema, path: readonly string[]): Schema {
  const key = path[path.length - 1];
  return editGroup(form, path.slice(0, -1), (group) => {
    const optional = setRequirement(group, key, { mode: 'never' });
    const { [key]: _gone, ...props } = optional.properties as Schema;
    return { ...optional, properties: props };
  });
}

/** A field moved one place up (-1) or down (+1) in its group: the order of `properties` is the order on the page. */
export function moveField(form: Schema, path: readonly string[], delta: -1 | 1): Schema {
  const key = path[path.length - 1];
  return editGroup(form, path.slice(0, -1), (group) => {
    const entries = Object.entries(group.properties as Schema);
    const i = entries.findIndex(([k]) => k === key);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= entries.length) return group;
    [entries[i], entries[j]] = [entries[j], entries[i]];
    return { ...group, properties: Object.fromEntries(entries) };
  });
}

// ---------------------------------------------------------------- uses elsewhere in the version

/**
 * Where the rest of the version names a field's data (a condition's `path`, a fact, a reference): the parts to look
 * at before removing it. Returned as `[section, name]`, the name being the id or key of the entry when it has one.
 */
export function usesOfField(version: Schema, path: readonly string[]): Array<[string, string]> {
  const pointer = `/${path.map(escapeToken).join('/')}`;
  const dotted = new RegExp(`\\bdata\\.${path.join('\\.')}\\b`);
  const found = new Map<string, [string, string]>();
  const names = (v: string) => v === pointer || v.startsWith(`${pointer}/`) || dotted.test(v);
  const walk = (node: unknown): boolean =>
    typeof node === 'string'
      ? names(node)
      : Array.isArray(node)
        ? node.some(walk)
        : isSchema(node) && Object.values(node).some(walk);
  for (const [section, value] of Object.entries(version)) {
    if (section === 'form') continue;
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [String(isSchema(v) && typeof v.id === 'string' ? v.id : i + 1), v])
      : isSchema(value) && section !== 'machine'
        ? Object.entries(value)
        : [['', value]];
    for (const [name, v] of entries) if (walk(v)) found.set(`${section}/${name}`, [section, name]);
  }
  return [...found.values()];
}
