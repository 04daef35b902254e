import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assembleDefinition,
  createFormCompiler,
  createSchemaValidator,
  precompiledFormCode,
  precompiledValidatorsCode,
  scenarioSchema,
  serviceSchema,
  sharedActsSchema,
  usePrecompiledValidators,
} from '@qyzmet/engine';
import { findDefinitionsRoot } from './loadRepository';
import { engineSchemasFile, formFile, formsDir, usePrecompiledSchemas } from './precompiledSchemas';

// The validators generated at build must say exactly what ajv compiling the same schemas says, for every real
// definition, act file and scenario and for broken copies of them; and a stale build must not be used.

const root = findDefinitionsRoot();
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const servicesDir = join(root, 'services');
const readText = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
// As the meta-schema sees them: with their includes and amendments applied.
const services = readdirSync(servicesDir).map(
  (id) => assembleDefinition(join(servicesDir, id, 'service.json'), readText).definition!.value,
);
const scenarios = readdirSync(servicesDir).flatMap((id) => {
  const dir = join(servicesDir, id, 'scenarios');
  try {
    return readdirSync(dir).map((f) => readJson(join(dir, f)));
  } catch {
    return [];
  }
});
const acts = readdirSync(join(root, 'shared', 'acts')).map((f) => readJson(join(root, 'shared', 'acts', f)));

/** Broken copies: a key removed, a wrong type, an unknown key, at the top and one level down. */
function broken(value: unknown): unknown[] {
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const out: unknown[] = [{ ...obj, unknownKey: 1 }, [], null];
  for (const k of keys.slice(0, 6)) {
    const { [k]: _removed, ...rest } = obj;
    out.push(rest, { ...obj, [k]: 42 }, { ...obj, [k]: { nested: true } });
    const inner = obj[k];
    if (Array.isArray(inner) && inner.length && typeof inner[0] === 'object')
      out.push({ ...obj, [k]: [{ ...(inner[0] as object), stray: 'x' }, 'text'] });
  }
  return out;
}

/** The module's exports, evaluated here (its requires of ajv's runtime resolve from this file). */
function generatedModule(): { sources: Record<string, string> } & Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  new Function('exports', 'require', precompiledValidatorsCode([serviceSchema, sharedActsSchema, scenarioSchema]))(
    exports,
    require,
  );
  return exports as { sources: Record<string, string> } & Record<string, unknown>;
}

const cases: Array<[string, object, object[], unknown[]]> = [
  ['definition', serviceSchema, [], services.flatMap((s) => [s, ...broken(s)])],
  ['acts', sharedActsSchema, [serviceSchema], acts.flatMap((a) => [a, ...broken(a)])],
  ['scenario', scenarioSchema, [serviceSchema], scenarios.flatMap((s, i) => (i % 4 ? [s] : [s, ...broken(s)]))],
];

test('the generated validators report what compiled ones report, and are the ones used', () => {
  const compiledFirst = cases.map(([what, schema, refs]) => createSchemaValidator(schema, what, refs));
  const generated = generatedModule();
  let calls = 0;
  const counted = Object.fromEntries(
    Object.keys(generated.sources).map((id) => {
      const fn = generated[id] as ((v: unknown) => boolean) & { errors?: unknown };
      const wrapper = Object.assign(
        (v: unknown) => {
          calls++;
          const ok = fn(v);
          wrapper.errors = fn.errors;
          return ok;
        },
        { errors: undefined as unknown },
      );
      return [id, wrapper];
    }),
  );
  usePrecompiledValidators({ sources: generated.sources, validators: counted });
  cases.forEach(([what, schema, refs, values], i) => {
    const fromBuild = createSchemaValidator(schema, what, refs);
    let invalid = 0;
    for (const value of values) {
      const expected = compiledFirst[i].validate(value);
      if (expected.length) invalid++;
      expect(fromBuild.validate(value)).toEqual(expected);
    }
    // The corpus holds both outcomes, so an always-valid or always-invalid validator would fail above.
    expect(invalid).toBeGreaterThan(0);
    expect(invalid).toBeLessThan(values.length);
  });
  expect(calls).toBe(cases.reduce((n, c) => n + c[3].length, 0));
});

test('a validator generated from another text of the schema is not used', () => {
  const always = Object.assign(() => true, { errors: null });
  const id = (serviceSchema as { $id: string }).$id;
  usePrecompiledValidators({
    sources: { [id]: JSON.stringify({ ...serviceSchema, title: 'older' }) },
    validators: { [id]: always },
  });
  expect(createSchemaValidator(serviceSchema, 'definition').validate({})).not.toEqual([]);
});

test('generated modules that cannot be loaded are not used, and nothing fails', () => {
  // As when a dependency they require is installed elsewhere than at build: every require throws.
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-precompiled-'));
  try {
    const form = { type: 'object', properties: { iin: { type: 'string', format: 'iin' } }, required: ['iin'] };
    writeFileSync(engineSchemasFile(dir), 'throw new Error("cannot load")');
    mkdirSync(formsDir(dir));
    writeFileSync(formFile(dir, precompiledFormCode(form).text), 'throw new Error("cannot load")');
    expect(() => usePrecompiledSchemas(dir)).not.toThrow();
    expect(createFormCompiler().compile(form).validate({ iin: '1' }, 'en')).toEqual([
      expect.objectContaining({ pointer: '/iin' }),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
