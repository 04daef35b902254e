import type { ValidateFunction } from 'ajv';
import { compileOnDisk, listRepoDir, readRepoJson } from '../../../tests/definitions/servicesOnDisk';
import type { Scenario } from '../format/types';
import { createFormCompiler, formAjv, usePrecompiledForms } from './createFormCompiler';
import { withDefaultLimits } from './formLimits';
import { precompiledFormCode } from './precompiledForms';

// A form's validator generated at build must judge every application exactly as the one ajv compiles at run time:
// the same verdict and the same errors, for every form of every service on disk (versions and officers' events),
// on the scenarios' own data and on broken copies of it (formats, patterns, types, required keys).

/** The generated module evaluated here: its requires of the engine's formats and patterns resolve from this file. */
function load(code: string): ValidateFunction {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports as ValidateFunction;
}

/** Broken copies: every leaf replaced by a value of another kind or an empty string, every key removed, {}. */
function broken(data: unknown): unknown[] {
  const out: unknown[] = [{}, null, 'text'];
  const walk = (value: unknown, replace: (v: unknown) => unknown) => {
    if (value === null || typeof value !== 'object') {
      const others = typeof value === 'string' ? ['', '12', 7] : typeof value === 'number' ? ['7', -1] : ['yes', 1];
      for (const o of others) out.push(replace(o));
      return;
    }
    const entries = Object.entries(value);
    for (const [k, v] of entries) {
      const copy = (next: unknown) =>
        Array.isArray(value) ? value.map((x, i) => (String(i) === k ? next : x)) : { ...value, [k]: next };
      if (!Array.isArray(value)) {
        const { [k]: _removed, ...rest } = value as Record<string, unknown>;
        out.push(replace(rest));
      }
      walk(v, (next) => replace(copy(next)));
    }
  };
  walk(data, (x) => x);
  return out;
}

const forms: Array<{ where: string; schema: object; data: unknown[] }> = [];
for (const id of listRepoDir('definitions/services')) {
  const { service } = compileOnDisk(id);
  if (!service) continue;
  let scenarios: Scenario[] = [];
  try {
    scenarios = listRepoDir(`definitions/services/${id}/scenarios`)
      .filter((f) => f.endsWith('.json'))
      .map((f) => readRepoJson<Scenario>(`definitions/services/${id}/scenarios/${f}`));
  } catch {
    scenarios = [];
  }
  service.def.versions.forEach((v, i) => {
    forms.push({ where: `${id} v${i} form`, schema: v.form, data: scenarios.map((s) => s.data) });
    for (const [type, e] of Object.entries(v.machine.events ?? {}))
      if (e.data)
        forms.push({
          where: `${id} v${i} ${type}`,
          schema: e.data,
          data: scenarios.flatMap((s) => s.events.filter((x) => x.type === type).map((x) => x.data)),
        });
  });
}

test('the services on disk have forms with scenario data to check', () => {
  expect(forms.length).toBeGreaterThan(40);
  expect(forms.filter((f) => f.data.length > 0).length).toBeGreaterThan(30);
});

test.each(forms.map((f) => [f.where, f] as const))('%s: generated and compiled validators agree', (_where, form) => {
  const generated = load(precompiledFormCode(form.schema).code);
  const compiled = formAjv().compile(withDefaultLimits(form.schema));
  for (const data of form.data.flatMap((d) => [d, ...broken(d)])) {
    const verdict = compiled(data);
    expect([generated(data), generated.errors ?? null]).toEqual([verdict, compiled.errors ?? null]);
  }
});

test('a form compiler takes the generated validator for the same compiled text, and compiles any other', () => {
  const schema = forms.find((f) => f.data.length > 0)!;
  const { text, code } = precompiledFormCode(schema.schema);
  const asked: string[] = [];
  usePrecompiledForms((t) => {
    asked.push(t);
    return t === text ? load(code) : undefined;
  });
  try {
    const fromBuild = createFormCompiler().compile(schema.schema);
    const other = { type: 'object', properties: { a: { type: 'string', format: 'iin' } }, required: ['a'] };
    const compiledHere = createFormCompiler().compile(other);
    expect(asked).toEqual([text, JSON.stringify(withDefaultLimits(other))]);
    usePrecompiledForms(undefined);
    const reference = createFormCompiler().compile(schema.schema);
    for (const data of schema.data.flatMap((d) => [d, ...broken(d).slice(0, 20)]))
      expect(fromBuild.check(data, 'kk')).toEqual(reference.check(data, 'kk'));
    expect(compiledHere.validate({ a: '123' }, 'ru')).toEqual([expect.objectContaining({ pointer: '/a' })]);
  } finally {
    usePrecompiledForms(undefined);
  }
});
