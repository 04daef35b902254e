import { isProblemError, type Problem } from '../errors/problem';
import { createFormCompiler, FORM_ERRORS_LIMIT } from './createFormCompiler';
import { FORM_LIMITS } from './formLimits';

/** Issue 16: an analyst's form is untrusted input to the compiler, and its data come from anonymous callers. */

const label = { kk: 'Өріс', ru: 'Поле' };
const field = (schema: object) => ({ ...schema, 'x-label': label });
const form = (properties: Record<string, object>) => ({ type: 'object', properties });

function problemOf(run: () => unknown): Problem {
  try {
    run();
  } catch (e) {
    if (isProblemError(e)) return e.problem;
    throw e;
  }
  throw new Error('expected a problem');
}

describe('patterns run in linear time (RE2)', () => {
  test('^(.+)+X$ on a 50-character input answers at once (backtracking takes 2^50 steps)', () => {
    const compiled = createFormCompiler().compile(form({ p: field({ type: 'string', pattern: '^(.+)+X$' }) }));
    const started = Date.now();
    expect(compiled.validate({ p: 'a'.repeat(50) }, 'en').map((e) => e.code)).toEqual(['form.pattern']);
    expect(compiled.validate({ p: `${'a'.repeat(50)}X` }, 'en')).toEqual([]);
    console.log(`^(.+)+X$ on 50 characters: ${Date.now() - started} ms`);
  });

  test('each pattern keeps its own matcher', () => {
    const compiled = createFormCompiler().compile(
      form({ a: field({ type: 'string', pattern: '^a+$' }), b: field({ type: 'string', pattern: '^b+$' }) }),
    );
    expect(compiled.validate({ a: 'aa', b: 'bb' }, 'en')).toEqual([]);
    expect(compiled.validate({ a: 'bb', b: 'aa' }, 'en').map((e) => e.pointer)).toEqual(['/a', '/b']);
  });

  test('ECMAScript escapes keep their meaning (\\d, \\u0410, classes)', () => {
    const compiled = createFormCompiler().compile(
      form({ p: field({ type: 'string', pattern: '^\\u0410\\d{2}[а-я]$' }) }),
    );
    expect(compiled.validate({ p: 'А12б' }, 'en')).toEqual([]);
    expect(compiled.validate({ p: 'A12б' }, 'en')).toHaveLength(1);
  });

  test.each([
    ['a backreference', { p: field({ type: 'string', pattern: '^(a)\\1$' }) }, '/properties/p/pattern'],
    ['a lookahead', { p: field({ type: 'string', pattern: '^(?=a)a$' }) }, '/properties/p/pattern'],
    [
      'a lookbehind in patternProperties',
      { m: field({ type: 'object', patternProperties: { '(?<=x)y': { type: 'string' } } }) },
      '/properties/m/patternProperties/(?<=x)y',
    ],
  ])('%s is a located definition error at compile time', (_, properties, pointer) => {
    const p = problemOf(() => createFormCompiler().compile(form(properties)));
    expect(p).toMatchObject({ code: 'form.schema.limit', kind: 'definition', pointer });
    expect(p.message).toMatch(/linear time/);
  });
});

describe('form size is bounded', () => {
  test('an 8,000-property form is a located error, found before ajv compiles it', () => {
    const properties = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`f${i}`, field({ type: 'string' })]));
    const started = Date.now();
    const p = problemOf(() => createFormCompiler().compile(form(properties)));
    console.log(`8,000-property form refused in ${Date.now() - started} ms`);
    expect(p).toMatchObject({
      code: 'form.schema.limit',
      kind: 'definition',
      pointer: `/properties/f${FORM_LIMITS.properties}`,
    });
  });

  test('a form of more schema parts than the limit is a located error, however they are spelt', () => {
    const allOf = Array.from({ length: FORM_LIMITS.schemaNodes }, () => ({ required: [] }));
    const p = problemOf(() => createFormCompiler().compile({ type: 'object', allOf }));
    expect(p.code).toBe('form.schema.limit');
    expect(p.pointer).toBe('/allOf');
  });

  test('a form nested deeper than the limit is a located error', () => {
    let schema: object = field({ type: 'string' });
    for (let i = 0; i < FORM_LIMITS.depth; i++) schema = field({ type: 'object', properties: { x: schema } });
    const p = problemOf(() => createFormCompiler().compile(schema));
    expect(p.code).toBe('form.schema.limit');
    expect(p.pointer).toMatch(/^(\/properties\/x)+/);
  });

  test.each([
    ['maxItems', { type: 'array', maxItems: 1e9 }],
    ['maxLength', { type: 'string', maxLength: 1e15 }],
    ['maxProperties', { type: 'object', maxProperties: 1e7 }],
  ])('an explicit %s above its cap is a located error', (keyword, schema) => {
    expect(problemOf(() => createFormCompiler().compile(form({ f: field(schema) })))).toMatchObject({
      code: 'form.schema.limit',
      pointer: `/properties/f/${keyword}`,
    });
  });

  test('an enum of more than the limit is a located error; a long one within it is checked', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(
      problemOf(() => createFormCompiler().compile(form({ f: field({ enum: values(FORM_LIMITS.enumValues + 1) }) }))),
    ).toMatchObject({ code: 'form.schema.limit', pointer: '/properties/f/enum' });
    const compiled = createFormCompiler().compile(form({ f: field({ enum: values(FORM_LIMITS.enumValues) }) }));
    expect(compiled.validate({ f: 'v999' }, 'en')).toEqual([]);
    expect(compiled.validate({ f: 'v1000' }, 'en').map((e) => e.code)).toEqual(['form.enum']);
  });

  test('the real forms fit: ~50 fields, explicit limits of a few thousand', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`f${i}`, field({ type: 'string', maxLength: 4000 })]),
    );
    expect(() => createFormCompiler().compile(form(properties))).not.toThrow();
  });
});

describe('default limits for data', () => {
  const compiled = createFormCompiler().compile(
    form({
      list: field({ type: 'array', items: { type: 'integer' } }),
      text: field({ type: 'string' }),
      kind: field({ type: 'string', enum: ['a', 'b'] }),
      own: field({ type: 'array', maxItems: 2000, items: { type: 'integer' } }),
    }),
  );

  test(`an array without maxItems holds at most ${FORM_LIMITS.defaultMaxItems} items`, () => {
    expect(compiled.validate({ list: Array(FORM_LIMITS.defaultMaxItems).fill(1) }, 'en')).toEqual([]);
    const errors = compiled.validate({ list: Array(FORM_LIMITS.defaultMaxItems + 1).fill(1) }, 'en');
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([['/list', 'form.maxItems']]);
  });

  test(`a string without maxLength holds at most ${FORM_LIMITS.defaultMaxLength} characters`, () => {
    expect(compiled.validate({ text: 'x'.repeat(FORM_LIMITS.defaultMaxLength) }, 'en')).toEqual([]);
    const errors = compiled.validate({ text: 'x'.repeat(FORM_LIMITS.defaultMaxLength + 1) }, 'en');
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([['/text', 'form.maxLength']]);
  });

  test("an analyst's own limit stands", () => {
    expect(compiled.validate({ own: Array(2000).fill(1) }, 'en')).toEqual([]);
  });

  test(`errors are capped at ${FORM_ERRORS_LIMIT}, with the total`, () => {
    // The reproduction at small scale: 330,000 item errors × 3 languages made a 198 MB response.
    const { errors, total } = compiled.check({ own: Array(2000).fill('not a number') }, 'en');
    expect(errors).toHaveLength(FORM_ERRORS_LIMIT);
    expect(total).toBe(2000);
    expect(errors[0]).toMatchObject({ pointer: '/own/0', code: 'form.type' });
  });

  test(`data of more than ${FORM_LIMITS.dataValues} values are one error, found before ajv reads them`, () => {
    // The 1 MB body: 330,000 items.
    const { errors, total } = compiled.check({ list: Array(330_000).fill('x') }, 'ru');
    expect(total).toBe(1);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'form.tooLarge', pointer: '', message: expect.stringContaining('слишком') }),
    ]);
    expect(compiled.check({ own: Array(2000).fill(1) }, 'en').total).toBe(0);
  });

  test('beyond the scanned errors the rest are counted', () => {
    const big = createFormCompiler().compile(
      form({ own: field({ type: 'array', maxItems: 10_000, items: { type: 'integer' } }) }),
    );
    const { errors, total } = big.check({ own: Array(8000).fill('x') }, 'en');
    expect(errors).toHaveLength(FORM_ERRORS_LIMIT);
    expect(total).toBe(8000);
  });
});

describe('compiled forms are cached by content and evicted', () => {
  const schema = (max: number) => form({ floor: field({ type: 'string', maxLength: max }) });

  test('the same content is compiled once; an edit under the same version is a new form', () => {
    const compiler = createFormCompiler();
    const first = compiler.compile(schema(3), 'svc@draft');
    expect(compiler.compile(structuredClone(schema(3)), 'svc@1')).toBe(first);
    expect(compiler.compile(schema(5), 'svc@draft').validate({ floor: '1234' }, 'en')).toEqual([]);
  });

  test('the cache keeps the most recently used forms only', () => {
    const compiler = createFormCompiler({ cacheSize: 2 });
    const a = compiler.compile(schema(1));
    compiler.compile(schema(2));
    expect(compiler.compile(schema(1))).toBe(a); // a is now the most recent
    compiler.compile(schema(3)); // evicts schema(2)
    expect(compiler.compile(schema(1))).toBe(a);
    const b = compiler.compile(schema(2));
    expect(compiler.compile(schema(2))).toBe(b);
    // An evicted form compiled again still validates by its own rules.
    expect(b.validate({ floor: '123' }, 'en').map((e) => e.code)).toEqual(['form.maxLength']);
  });
});
