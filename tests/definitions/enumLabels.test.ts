import { join } from 'node:path';
import { loadRepository } from '../../runtime/src/registry/loadRepository';
import { REPO } from './exampleCopy';

/**
 * Issue 19: the kk/ru interface shows no raw codes — a form, an officer's event form and the officer's data view show
 * an enum value by its label. Every `enum` of every compiled form and event `data` schema, in every version of every
 * service, names each of its values in kk, ru and en (`x-enumLabels`); so does every string `const` that stands as a
 * field of its own (a property's schema, an array's items), since the data view shows that value too. A `const` inside
 * a condition (`if`, `not`, `contains`) is a test of a value, not a value shown, and a `const` option of a `oneOf` /
 * `anyOf` labelled by its own `x-label` is labelled already.
 */

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const LANGS = ['kk', 'ru', 'en'] as const;
const labelled = (labels: unknown, value: unknown): boolean => {
  if (!isSchema(labels)) return false;
  const l = labels[String(value)];
  return isSchema(l) && LANGS.every((lang) => typeof l[lang] === 'string' && (l[lang] as string).trim() !== '');
};

/** Pointers (with the unlabelled values) of enums and shown string consts lacking a label in any language. */
export function unlabelledValues(root: unknown): string[] {
  const missing: string[] = [];
  const walk = (s: unknown, pointer: string, shown: boolean, optionLabelled: boolean): void => {
    if (!isSchema(s)) return;
    if (shown && Array.isArray(s.enum)) {
      const bad = s.enum.filter((v) => typeof v !== 'boolean' && v !== null && !labelled(s['x-enumLabels'], v));
      if (bad.length > 0) missing.push(`${pointer || '/'}: enum ${bad.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    if (shown && !optionLabelled && typeof s.const === 'string' && !labelled(s['x-enumLabels'], s.const))
      missing.push(`${pointer || '/'}: const ${JSON.stringify(s.const)}`);
    for (const [key, sub] of Object.entries(s)) {
      const at = `${pointer}/${key}`;
      if (key === 'properties' || key === '$defs' || key === 'definitions' || key === 'patternProperties') {
        if (isSchema(sub)) for (const [name, p] of Object.entries(sub)) walk(p, `${at}/${name}`, shown, false);
      } else if (key === 'dependentSchemas') {
        if (isSchema(sub)) for (const [name, p] of Object.entries(sub)) walk(p, `${at}/${name}`, shown, false);
      } else if (key === 'oneOf' || key === 'anyOf') {
        if (Array.isArray(sub))
          sub.forEach((o, i) => walk(o, `${at}/${i}`, shown, isSchema(o) && isSchema(o['x-label'])));
      } else if (key === 'allOf' || key === 'prefixItems') {
        if (Array.isArray(sub)) sub.forEach((o, i) => walk(o, `${at}/${i}`, shown, false));
      } else if (key === 'items' || key === 'additionalProperties' || key === 'then' || key === 'else') {
        walk(sub, at, shown, false);
      } else if (key === 'if' || key === 'not' || key === 'contains' || key === 'propertyNames') {
        walk(sub, at, false, false);
      }
    }
  };
  walk(root, '', true, false);
  return missing;
}

const repo = loadRepository(join(REPO, 'definitions'));
const versions = [...repo.services.values()].flatMap((service) =>
  service.versions.map((v) => [`${service.id}@${v.id}`, v] as const),
);

test('the repository compiles, and every service of it is checked here', () => {
  expect([...repo.broken]).toEqual([]);
  expect(repo.services.size).toBeGreaterThanOrEqual(12);
});

describe.each(versions)('%s', (_key, version) => {
  test('its form labels every value of every enum in kk, ru and en', () => {
    expect(unlabelledValues(version.def.form)).toEqual([]);
  });

  test('every event data schema labels every value of every enum in kk, ru and en', () => {
    const missing = Object.entries(version.def.machine.events ?? {}).flatMap(([name, event]) =>
      unlabelledValues((event as { data?: unknown }).data).map((m) => `${name}${m}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the check itself', () => {
  test('finds an unlabelled enum value, a language missing and a shown const; passes a labelled one', () => {
    const form = {
      type: 'object',
      properties: {
        a: { enum: ['x', 'y'], 'x-enumLabels': { x: { kk: 'Х', ru: 'Х', en: 'X' } } },
        b: { enum: ['z'], 'x-enumLabels': { z: { kk: 'З', ru: 'З' } } },
        c: { const: 'fixed' },
        d: { oneOf: [{ const: 'o', 'x-label': { kk: 'О', ru: 'О', en: 'O' } }] },
        e: { type: 'array', items: { enum: ['w'], 'x-enumLabels': { w: { kk: 'Ш', ru: 'Ш', en: 'W' } } } },
      },
      if: { properties: { a: { const: 'x' } } },
      then: { properties: { f: { enum: ['q'] } } },
    };
    expect(unlabelledValues(form)).toEqual([
      '/properties/a: enum "y"',
      '/properties/b: enum "z"',
      '/properties/c: const "fixed"',
      '/then/properties/f: enum "q"',
    ]);
  });
});
