import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import scenarioSchema from './scenario.schema.json';
import serviceSchema from './service.schema.json';

/**
 * types.ts mirrors the meta-schemas by hand (the compiler reads definitions through it): this test holds the two
 * equal. It walks each schema from its root beside the TypeScript type the compiler resolves for it (ServiceDef,
 * Scenario), following $ref, properties, arrays, maps (additionalProperties) and oneOf branches (paired with the
 * members of the type's union by their keys), and reports every object whose keys, required keys or string enums
 * differ. A property added to one and not to the other fails here, with its path.
 */

type Schema = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  type?: string | string[];
};

const TYPES_FILE = join(__dirname, 'types.ts');
const SCHEMAS: Record<string, Schema> = {
  'https://qyzmet.kz/schemas/service/v1.json': serviceSchema as Schema,
  'https://qyzmet.kz/schemas/scenario/v1.json': scenarioSchema as Schema,
};

/** The checker over types.ts, whose text may be replaced (the self-test feeds it a drifted copy). */
function typeChecker(typesText: string): { checker: ts.TypeChecker; typeNamed(name: string): ts.Type } {
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => (file === TYPES_FILE ? typesText : read(file));
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, onError, create) =>
    file === TYPES_FILE ? ts.createSourceFile(file, typesText, lang) : getSource(file, lang, onError, create);
  const program = ts.createProgram([TYPES_FILE], options, host);
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(TYPES_FILE)!)!);
  return {
    checker,
    typeNamed(name) {
      const symbol = exported.find((s) => s.name === name);
      if (!symbol) throw new Error(`types.ts exports no ${name}`);
      return checker.getDeclaredTypeOfSymbol(symbol);
    },
  };
}

/** The differences between a schema (from its root) and a TypeScript type, each "path: what differs". */
function differences(rootSchema: Schema, rootType: ts.Type, checker: ts.TypeChecker): string[] {
  const out: string[] = [];
  const seen = new Map<Schema, Set<ts.Type>>();

  const resolve = (s: Schema, base: Schema): { schema: Schema; base: Schema } => {
    let schema = s;
    let root = base;
    while (schema.$ref) {
      const [file, pointer = ''] = schema.$ref.split('#');
      if (file && !SCHEMAS[file]) throw new Error(`unknown schema ${file}`);
      if (file) root = SCHEMAS[file];
      const target = pointer
        .split('/')
        .slice(1)
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as Schema;
      // Keywords beside $ref (a description) change nothing the types say.
      schema = target;
    }
    return { schema, base: root };
  };

  const members = (t: ts.Type): ts.Type[] =>
    (t.isUnion() ? t.types : [t]).filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  const isArray = (t: ts.Type) => checker.isArrayType(t) || checker.isTupleType(t);
  const isObject = (t: ts.Type) => Boolean(t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) && !isArray(t);
  const keysOf = (t: ts.Type) => checker.getPropertiesOfType(t).map((p) => p.name);
  const kind = (s: Schema): 'object' | 'array' | 'scalar' =>
    s.properties || (s.additionalProperties && typeof s.additionalProperties === 'object')
      ? 'object'
      : s.items || s.type === 'array'
        ? 'array'
        : 'scalar';
  const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

  const walk = (s: Schema, base: Schema, type: ts.Type, path: string): void => {
    const r = resolve(s, base);
    const schema = r.schema;
    const union = members(type);
    if (!seen.has(schema)) seen.set(schema, new Set());
    if (seen.get(schema)!.has(type)) return;
    seen.get(schema)!.add(type);

    const branches = schema.properties ? undefined : (schema.oneOf ?? schema.anyOf);
    if (branches) {
      // Pair each branch with the union member of the same shape: objects by their keys, arrays with arrays.
      const resolved = branches.map((b) => resolve(b, r.base));
      const objects = union.filter(isObject);
      for (const b of resolved) {
        const k = kind(b.schema);
        if (k === 'array') {
          const arr = union.find(isArray);
          if (!arr) out.push(`${path}: the schema allows an array, the type does not`);
          else walk(b.schema, b.base, arr, `${path}[]`);
        } else if (k === 'object') {
          const keys = Object.keys(b.schema.properties ?? {});
          const match =
            resolved.filter((x) => kind(x.schema) === 'object').length === 1 && objects.length === 1
              ? objects[0]
              : objects.find((o) => sameKeys(keysOf(o), keys));
          if (!match) out.push(`${path}: no member of the type has the keys {${keys.join(', ')}} of a schema branch`);
          else walk(b.schema, b.base, match, path);
        }
      }
      const branchKeys = resolved
        .filter((b) => kind(b.schema) === 'object')
        .map((b) => Object.keys(b.schema.properties ?? {}));
      if (branchKeys.length > 1)
        for (const o of objects)
          if (!branchKeys.some((k) => sameKeys(k, keysOf(o))))
            out.push(`${path}: the type's member {${keysOf(o).join(', ')}} is no branch of the schema`);
      return;
    }

    if (schema.properties) {
      const object = union.find(isObject);
      if (!object) return void out.push(`${path}: the schema has an object, the type does not`);
      const schemaKeys = Object.keys(schema.properties);
      const props = checker.getPropertiesOfType(object);
      const typeKeys = props.map((p) => p.name);
      for (const k of schemaKeys.filter((k) => !typeKeys.includes(k)))
        out.push(`${path}.${k}: in the schema, not in the type`);
      for (const k of typeKeys.filter((k) => !schemaKeys.includes(k)))
        out.push(`${path}.${k}: in the type, not in the schema`);
      for (const p of props) {
        if (!schemaKeys.includes(p.name)) continue;
        const required = (schema.required ?? []).includes(p.name);
        const optional = Boolean(p.flags & ts.SymbolFlags.Optional);
        if (required === optional)
          out.push(`${path}.${p.name}: ${required ? 'required' : 'optional'} in the schema, not in the type`);
        walk(schema.properties[p.name], r.base, checker.getTypeOfSymbol(p), `${path}.${p.name}`);
      }
      return;
    }

    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      const object = union.find(isObject);
      const index = object && checker.getIndexInfosOfType(object).find((i) => i.keyType.flags & ts.TypeFlags.String);
      if (!index) return void out.push(`${path}: the schema has a map, the type has no string index`);
      walk(schema.additionalProperties, r.base, index.type, `${path}.*`);
      return;
    }

    if (schema.items) {
      const arr = union.find((t) => checker.isArrayType(t));
      if (arr) walk(schema.items, r.base, checker.getTypeArguments(arr as ts.TypeReference)[0], `${path}[]`);
      return;
    }

    if (schema.enum && schema.enum.every((v) => typeof v === 'string')) {
      const literals = union.filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
      // A type that is plain `string` does not restrict the values: only a union of literals is compared.
      if (literals.length === union.length && !sameKeys(literals, schema.enum as string[]))
        out.push(
          `${path}: enum [${(schema.enum as string[]).join(', ')}] in the schema, [${literals.join(', ')}] in the type`,
        );
    }
  };

  walk(rootSchema, rootSchema, rootType, '');
  return out;
}

const typesText = readFileSync(TYPES_FILE, 'utf8');

describe('types.ts against the meta-schemas', () => {
  const { checker, typeNamed } = typeChecker(typesText);

  test('ServiceDef has the keys of service.schema.json, object by object', () => {
    expect(differences(serviceSchema as Schema, typeNamed('ServiceDef'), checker)).toEqual([]);
  });

  test('Scenario has the keys of scenario.schema.json', () => {
    expect(differences(scenarioSchema as Schema, typeNamed('Scenario'), checker)).toEqual([]);
  });
});

describe('the check catches drift (so a green run means something)', () => {
  test('a property added to an interface and not to the schema', () => {
    const drifted = typesText.replace(/(export interface StateDef \{\n)/, '$1  colour?: string;\n');
    expect(drifted).not.toBe(typesText);
    const { checker, typeNamed } = typeChecker(drifted);
    expect(differences(serviceSchema as Schema, typeNamed('ServiceDef'), checker)).toContain(
      '.versions[].machine.states.*.colour: in the type, not in the schema',
    );
  });

  test('a property added to the schema and not to the type, inside a oneOf branch', () => {
    const schema = structuredClone(serviceSchema) as unknown as { $defs: Record<string, Schema> };
    schema.$defs.conditionRef.properties!.weight = { type: 'number' };
    const { checker, typeNamed } = typeChecker(typesText);
    expect(differences(schema as unknown as Schema, typeNamed('ServiceDef'), checker)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.when\.weight: in the schema, not in the type$/)]),
    );
  });

  test('a value added to a string enum of the type and not of the schema', () => {
    const drifted = typesText.replace(
      "records?: 'findings' | 'external' | 'none';",
      "records?: 'findings' | 'external' | 'none' | 'audit';",
    );
    expect(drifted).not.toBe(typesText);
    const { checker, typeNamed } = typeChecker(drifted);
    expect(differences(serviceSchema as Schema, typeNamed('ServiceDef'), checker)).toEqual([
      '.versions[].machine.events.*.records: enum [findings, external, none] in the schema, [findings, external, none, audit] in the type',
    ]);
  });

  test('a key required in the schema but optional in the type', () => {
    const drifted = typesText.replace(/(export interface DocumentDef \{[^}]*?)\n {2}kind:/, '$1\n  kind?:');
    expect(drifted).not.toBe(typesText);
    const { checker, typeNamed } = typeChecker(drifted);
    expect(differences(serviceSchema as Schema, typeNamed('ServiceDef'), checker)).toContain(
      '.versions[].documents[].kind: required in the schema, not in the type',
    );
  });
});
