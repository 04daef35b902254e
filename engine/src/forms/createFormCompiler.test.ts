import { createFormCompiler } from './createFormCompiler';

// Regression: a draft keeps its version's id through every edit, and a published version keeps the draft's id; a
// form cached by that key alone was compiled once, so later edits were neither checked nor used for validation.
describe('createFormCompiler: the cache by key follows the form it names', () => {
  const label = { kk: 'Қабат', ru: 'Этаж' };
  const form = (maxLength: number) => ({
    type: 'object',
    properties: { floor: { type: 'string', maxLength, 'x-label': label } },
  });

  test('the same text under a key is compiled once', () => {
    const compiler = createFormCompiler();
    expect(compiler.compile(form(3), 'svc@draft')).toBe(compiler.compile(form(3), 'svc@draft'));
  });

  test('an edited form under the same key validates by its new rules', () => {
    const compiler = createFormCompiler();
    expect(compiler.compile(form(3), 'svc@draft').validate({ floor: '1234' }, 'en')).toHaveLength(1);
    expect(compiler.compile(form(5), 'svc@draft').validate({ floor: '1234' }, 'en')).toEqual([]);
  });

  test('an edit that breaks the form is reported, not hidden by the form compiled before it', () => {
    const compiler = createFormCompiler();
    compiler.compile(form(3), 'svc@draft');
    const broken = { type: 'object', properties: { floor: { type: 'string', 'x-label': { kk: 'Қабат', ru: '' } } } };
    expect(() => compiler.compile(broken, 'svc@draft')).toThrow(/x-label/);
  });
});
