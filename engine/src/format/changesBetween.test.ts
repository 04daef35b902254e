import { applyPatch } from 'fast-json-patch';
import { changesBetween } from './changesBetween';

// Regression: the order of a form's properties is the order of the applicant's page; a field moved in the workbench
// was saved as no change at all, since a key-by-key diff cannot see an order.
describe('changesBetween keeps the order of a container’s keys', () => {
  const field = (ru: string) => ({ type: 'string', 'x-label': { kk: ru, ru } });
  const version = (order: string[], extra: Record<string, unknown> = {}) => ({
    id: 'v',
    form: {
      type: 'object',
      properties: Object.fromEntries(order.map((k) => [k, { ...field(k), ...(extra[k] ?? {}) }])),
    },
  });
  const apply = (base: Record<string, unknown>, target: Record<string, unknown>) => {
    const { changes } = changesBetween(base, target, () => ({ act: 'a' }));
    const doc = applyPatch(structuredClone(base), changes as never, false, false).newDocument;
    return { changes, doc };
  };
  const order = (doc: unknown) =>
    Object.keys((doc as { form: { properties: Record<string, unknown> } }).form.properties);

  test.each([
    ['unchanged', ['a', 'b', 'c'], 0],
    ['a key added last', ['a', 'b', 'c', 'd'], 1],
    ['the last key moved first', ['c', 'a', 'b'], 6],
    ['two keys swapped at the end', ['a', 'c', 'b'], 4],
    ['a key removed', ['a', 'c'], 1],
    ['a key added in the middle', ['a', 'd', 'b', 'c'], 5],
  ])('%s: the patch makes the order, in %p operations', (_what, target, count) => {
    const base = version(['a', 'b', 'c']);
    const { changes, doc } = apply(base, version(target));
    expect(order(doc)).toEqual(target);
    expect(changes).toHaveLength(count);
  });

  test('a field changed in place is one replacement, not a remove and an add', () => {
    const base = version(['a', 'b']);
    const { changes, doc } = apply(base, version(['a', 'b'], { a: { maxLength: 3 } }));
    expect(changes.map((c) => [c.op, c.path])).toEqual([['replace', '/form/properties/a']]);
    expect(order(doc)).toEqual(['a', 'b']);
  });
});

test('elsewhere (the states of a machine) an order of keys is no change', () => {
  const base = { id: 'v', machine: { states: { a: { status: 'registered' }, b: { status: 'approved' } } } };
  const target = { id: 'v', machine: { states: { b: { status: 'approved' }, a: { status: 'registered' }, c: {} } } };
  const { changes } = changesBetween(base, target, () => ({ act: 'a' }));
  expect(changes.map((c) => [c.op, c.path])).toEqual([['add', '/machine/states/c']]);
});
