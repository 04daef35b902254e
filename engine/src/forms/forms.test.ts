import cases from './forms.cases.json';
import { createFormCompiler } from './createFormCompiler';
import type { FormLang } from './formTypes';

interface ExpectedError {
  pointer: string;
  code: string;
  messageIncludes?: Partial<Record<FormLang, string>>;
}
interface FormCase {
  description: string;
  schema: object;
  tests: { description: string; data: unknown; valid: boolean; errors?: ExpectedError[] }[];
}

const LANGS: FormLang[] = ['kk', 'ru', 'en'];
const compiler = createFormCompiler();

// One generic runner over forms.cases.json (ajv's test-table shape plus expected pointers, codes and messages).
describe.each(cases as FormCase[])('$description', ({ schema, tests }) => {
  const form = compiler.compile(schema);

  test.each(tests)('$description', ({ data, valid, errors }) => {
    const byLang = Object.fromEntries(LANGS.map((l) => [l, form.validate(data, l)]));
    const actual = byLang.kk;
    expect(actual.length === 0).toBe(valid);

    for (const lang of LANGS) {
      // The same errors in every language; `message` is the requested language's entry of `messages`.
      expect(byLang[lang].map((e) => [e.pointer, e.code])).toEqual(actual.map((e) => [e.pointer, e.code]));
      for (const e of byLang[lang]) {
        expect(e.message).toBe(e.messages[lang]);
        for (const l of LANGS) expect(e.messages[l].length).toBeGreaterThan(0);
      }
    }

    if (errors) {
      const key = (e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`;
      expect(actual.map(key).sort()).toEqual(errors.map(key).sort());
      for (const expected of errors) {
        const got = actual.find((e) => key(e) === key(expected))!;
        for (const [lang, text] of Object.entries(expected.messageIncludes ?? {})) {
          expect(got.messages[lang as FormLang]).toContain(text);
        }
      }
    }
  });
});

describe('compiling', () => {
  const schema = { type: 'object', properties: { iin: { type: 'string', format: 'iin' } } };

  test('a form is compiled once per content, whatever object or key carries it', () => {
    const c = createFormCompiler();
    const first = c.compile(schema);
    expect(c.compile(schema)).toBe(first);
    expect(c.compile(structuredClone(schema))).toBe(first);
    expect(c.compile(schema, 'svc@2')).toBe(first);
    expect(c.compile({ ...schema, required: [] })).not.toBe(first);
  });

  test('two versions with the same $id compile side by side', () => {
    const c = createFormCompiler();
    const v1 = c.compile({ $id: 'https://qyzmet.kz/forms/x', type: 'object', required: ['a'] });
    const v2 = c.compile({ $id: 'https://qyzmet.kz/forms/x', type: 'object', required: ['b'] });
    expect(v1.validate({ b: 1 }, 'en').map((e) => e.pointer)).toEqual(['/a']);
    expect(v2.validate({ a: 1 }, 'en').map((e) => e.pointer)).toEqual(['/b']);
  });
});

describe('definition errors (strict mode)', () => {
  const c = createFormCompiler();
  const problemOf = (schema: object) => {
    try {
      c.compile(schema);
    } catch (e) {
      return (e as { problem: { code: string; kind: string; pointer: string; message: string } }).problem;
    }
    throw new Error('expected the schema to be rejected');
  };

  test.each([
    [
      'an unknown keyword',
      { type: 'object', properties: { a: { type: 'string', 'x-lable': 'typo' } } },
      '/properties/a',
    ],
    ['an unknown format', { type: 'string', format: 'iban' }, ''],
    [
      'x-label that is not a {kk, ru, en} object',
      { type: 'object', properties: { a: { 'x-label': 'ЖСН' } } },
      '/properties/a/x-label',
    ],
    [
      'x-source outside applicant | gateway | officer',
      { type: 'object', properties: { a: { 'x-source': 'egov' } } },
      '/properties/a/x-source',
    ],
    [
      'x-document that is not a boolean',
      { type: 'object', properties: { a: { 'x-document': 'yes' } } },
      '/properties/a/x-document',
    ],
    [
      'a keyword with a wrong value',
      { type: 'object', properties: { a: { minLength: -1 } } },
      '/properties/a/minLength',
    ],
  ])('%s is a definition problem with a pointer', (_, schema, pointer) => {
    const problem = problemOf(schema);
    expect(problem.code).toBe('form.schema.invalid');
    expect(problem.kind).toBe('definition');
    expect(problem.pointer).toBe(pointer);
  });

  test('x-legalRef accepts any object, x-ui any object with known hints', () => {
    expect(() =>
      c.compile({
        type: 'string',
        'x-legalRef': { act: 'order-156', paragraph: '5', annexRow: '2', seed: '003', lines: [10, 12], note: 'free' },
        'x-ui': { widget: 'masked', order: 3, placeholder: { kk: 'ЖСН', ru: 'ИИН' }, mask: '999999999999' },
        'x-description': { kk: 'Жеке куәлікте көрсетілген', ru: 'Указан в удостоверении личности' },
      }),
    ).not.toThrow();
    expect(problemOf({ type: 'string', 'x-legalRef': 'p. 5' }).pointer).toBe('/x-legalRef');
  });

  test('a field explains itself with x-description; the former x-help is an unknown keyword', () => {
    expect(problemOf({ type: 'string', 'x-help': { kk: 'Түсініктеме', ru: 'Пояснение' } }).message).toContain('x-help');
  });
});

describe('fields()', () => {
  const schema = (cases as FormCase[]).find((c) => c.description.startsWith('conditional requirements'))!.schema;
  const fields = createFormCompiler().compile(schema).fields();
  const at = (pointer: string) => fields.find((f) => f.pointer === pointer);

  test('lists every property at any depth in declaration order', () => {
    expect(fields.map((f) => f.pointer)).toEqual([
      '/variant',
      '/contractNumber',
      '/contractCopy',
      '/applicant',
      '/applicant/kind',
      '/applicant/iin',
      '/applicant/bin',
      '/applicant/fullName',
      '/applicant/companyName',
      '/representative',
      '/representative/fullName',
      '/representative/powerOfAttorney',
      '/registryExtract',
    ]);
  });

  test('tells unconditional from conditional requirements', () => {
    expect(at('/variant')).toMatchObject({ required: true, conditional: false });
    expect(at('/applicant/kind')).toMatchObject({ required: true, conditional: false });
    expect(at('/contractNumber')).toMatchObject({ required: false, conditional: true }); // if/then on /variant
    expect(at('/applicant/bin')).toMatchObject({ required: false, conditional: true }); // else on /applicant/kind
    expect(at('/representative/powerOfAttorney')).toMatchObject({ required: false, conditional: true }); // dependentRequired
    expect(at('/representative/fullName')).toMatchObject({ required: false, conditional: false });
  });

  test('carries label, type, source, document and legal reference', () => {
    expect(at('/contractNumber')).toMatchObject({
      label: { kk: 'Шарттың нөмірі', ru: 'Номер договора', en: 'Contract number' },
      type: 'string',
      source: 'applicant',
      document: false,
      legalRef: { act: 'seed-000', paragraph: '8', annexRow: '3', lines: [120, 124] },
    });
    expect(at('/contractCopy')).toMatchObject({ document: true, source: 'applicant' });
    expect(at('/registryExtract')).toMatchObject({ source: 'gateway', document: false });
    expect(at('/applicant/iin')).toMatchObject({ type: 'string', format: 'iin' });
    expect(at('/variant')?.type).toBe('string');
  });

  test('items of arrays use the segment *, and $refs to $defs are followed', () => {
    const f = createFormCompiler()
      .compile({
        type: 'object',
        $defs: {
          person: {
            type: 'object',
            properties: { iin: { type: 'string', 'x-label': { kk: 'ЖСН', ru: 'ИИН' } } },
            required: ['iin'],
          },
        },
        properties: { heirs: { type: 'array', items: { $ref: '#/$defs/person' } } },
      })
      .fields();
    expect(f.map((x) => [x.pointer, x.required])).toEqual([
      ['/heirs', false],
      ['/heirs/*/iin', true],
    ]);
  });

  test('returns copies: a caller cannot change the compiled form', () => {
    const form = createFormCompiler().compile(schema);
    form.fields()[0].required = false;
    expect(form.fields()[0].required).toBe(true);
  });
});
