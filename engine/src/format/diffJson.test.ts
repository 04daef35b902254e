import fc from 'fast-check';
import { diffJson, type JsonChange } from './diffJson';

/**
 * diffJson compares two versions of a definition for the analyst's diff, the draft check and the audit trail. Its
 * contract: a pointer into the newer value, into the older one for a removal; arrays of objects that all carry a
 * distinct string `id` are matched by id (an inserted ground is one addition, not every later ground changed), other
 * arrays by position.
 */

interface Case {
  description: string;
  before: unknown;
  after: unknown;
  changes: JsonChange[];
}

const ground = (id: string, extra: Record<string, unknown> = {}) => ({ id, text: `ground ${id}`, ...extra });

const cases: Case[] = [
  // Primitives, objects, null
  {
    description: 'equal values: no change',
    before: { a: [1, { b: null }] },
    after: { a: [1, { b: null }] },
    changes: [],
  },
  {
    description: 'a primitive changed at the root',
    before: 1,
    after: 2,
    changes: [{ pointer: '', kind: 'changed', before: 1, after: 2 }],
  },
  {
    description: 'a string became an object: one change, no descent',
    before: { a: 'x' },
    after: { a: { b: 1 } },
    changes: [{ pointer: '/a', kind: 'changed', before: 'x', after: { b: 1 } }],
  },
  {
    description: 'an object became an array',
    before: { a: {} },
    after: { a: [] },
    changes: [{ pointer: '/a', kind: 'changed', before: {}, after: [] }],
  },
  {
    description: 'null became an object, and an object became null',
    before: { a: null, b: { c: 1 } },
    after: { a: { c: 1 }, b: null },
    changes: [
      { pointer: '/a', kind: 'changed', before: null, after: { c: 1 } },
      { pointer: '/b', kind: 'changed', before: { c: 1 }, after: null },
    ],
  },
  { description: 'null stays null', before: { a: null }, after: { a: null }, changes: [] },
  {
    description: 'a number is not its string',
    before: { a: 1 },
    after: { a: '1' },
    changes: [{ pointer: '/a', kind: 'changed', before: 1, after: '1' }],
  },
  {
    description: 'nested objects: the deepest key that differs',
    before: { a: { b: { c: 1, d: 2 } } },
    after: { a: { b: { c: 1, d: 3 } } },
    changes: [{ pointer: '/a/b/d', kind: 'changed', before: 2, after: 3 }],
  },
  {
    description: 'keys removed (pointer into the older value) and added',
    before: { a: 1, b: 2 },
    after: { b: 2, c: 3 },
    changes: [
      { pointer: '/a', kind: 'removed', before: 1 },
      { pointer: '/c', kind: 'added', after: 3 },
    ],
  },
  { description: 'key order is not a change', before: { a: 1, b: 2 }, after: { b: 2, a: 1 }, changes: [] },
  {
    description: 'keys with "/" and "~" are escaped in pointers (RFC 6901)',
    before: { 'a/b': 1, 'm~n': 1 },
    after: { 'a/b': 2, 'm~n': 2 },
    changes: [
      { pointer: '/a~1b', kind: 'changed', before: 1, after: 2 },
      { pointer: '/m~0n', kind: 'changed', before: 1, after: 2 },
    ],
  },
  {
    description: 'keys named like Object.prototype members are ordinary keys',
    before: { constructor: 1, a: {} },
    after: { toString: 2, a: { hasOwnProperty: true } },
    changes: [
      { pointer: '/constructor', kind: 'removed', before: 1 },
      { pointer: '/toString', kind: 'added', after: 2 },
      { pointer: '/a/hasOwnProperty', kind: 'added', after: true },
    ],
  },

  // Arrays without ids: by position
  {
    description: 'an array of primitives: changed by position',
    before: [1, 2, 3],
    after: [1, 5, 3],
    changes: [{ pointer: '/1', kind: 'changed', before: 2, after: 5 }],
  },
  {
    description: 'an array of primitives grew and shrank at its end',
    before: { a: [1], b: [1, 2] },
    after: { a: [1, 2], b: [1] },
    changes: [
      { pointer: '/a/1', kind: 'added', after: 2 },
      { pointer: '/b/1', kind: 'removed', before: 2 },
    ],
  },
  {
    description: 'objects without ids are compared by position, key by key',
    before: [{ x: 1 }, { x: 2 }],
    after: [{ x: 1 }, { x: 3 }],
    changes: [{ pointer: '/1/x', kind: 'changed', before: 2, after: 3 }],
  },
  {
    description: 'numeric ids are not ids (the format names things with strings): by position',
    before: [{ id: 1 }, { id: 2 }],
    after: [{ id: 2 }, { id: 1 }],
    changes: [
      { pointer: '/0/id', kind: 'changed', before: 1, after: 2 },
      { pointer: '/1/id', kind: 'changed', before: 2, after: 1 },
    ],
  },
  {
    description: 'only some elements have ids: by position',
    before: [ground('a'), 'x'],
    after: ['x', ground('a')],
    changes: [
      { pointer: '/0', kind: 'changed', before: ground('a'), after: 'x' },
      { pointer: '/1', kind: 'changed', before: 'x', after: ground('a') },
    ],
  },
  {
    description: 'duplicate ids cannot be matched by id: by position, nothing lost',
    before: [ground('a', { v: 1 }), ground('a', { v: 2 })],
    after: [ground('a', { v: 1 }), ground('a', { v: 3 })],
    changes: [{ pointer: '/1/v', kind: 'changed', before: 2, after: 3 }],
  },
  {
    description: 'an empty array gains elements with ids',
    before: [],
    after: [ground('a')],
    changes: [{ pointer: '/0', kind: 'added', after: ground('a') }],
  },

  // Arrays matched by id
  {
    description: 'by id: a ground inserted in the middle is one addition, the later ones unchanged',
    before: [ground('a'), ground('c'), ground('d')],
    after: [ground('a'), ground('b'), ground('c'), ground('d')],
    changes: [{ pointer: '/1', kind: 'added', after: ground('b') }],
  },
  {
    description: 'by id: a ground removed from the middle is one removal, pointer into the older array',
    before: [ground('a'), ground('b'), ground('c')],
    after: [ground('a'), ground('c')],
    changes: [{ pointer: '/1', kind: 'removed', before: ground('b') }],
  },
  {
    description: 'by id: a change inside an element is located at its new index',
    before: [ground('a'), ground('b', { v: 1 })],
    after: [ground('x'), ground('a'), ground('b', { v: 2 })],
    changes: [
      { pointer: '/0', kind: 'added', after: ground('x') },
      { pointer: '/2/v', kind: 'changed', before: 1, after: 2 },
    ],
  },
  {
    description: 'by id: a key removed inside a shifted element is located in the older value',
    before: [ground('a'), ground('b', { v: 1 })],
    after: [ground('b')],
    changes: [
      { pointer: '/1/v', kind: 'removed', before: 1 },
      { pointer: '/0', kind: 'removed', before: ground('a') },
    ],
  },
  {
    description: 'by id: a reordering is reported (the order of grounds is the order of the refusal notice)',
    before: [ground('a'), ground('b'), ground('c')],
    after: [ground('c'), ground('a'), ground('b')],
    // The fewest elements that moved: c left /2 and now stands at /0 (a and b kept their relative order).
    changes: [
      { pointer: '/0', kind: 'added', after: ground('c') },
      { pointer: '/2', kind: 'removed', before: ground('c') },
    ],
  },
  {
    description: 'by id: two elements swapped, one of them changed inside',
    before: [ground('a'), ground('b', { v: 1 })],
    after: [ground('b', { v: 2 }), ground('a')],
    changes: [
      { pointer: '/0', kind: 'added', after: ground('b', { v: 2 }) },
      { pointer: '/1', kind: 'removed', before: ground('b', { v: 1 }) },
    ],
  },
  {
    description: 'by id, nested: the grounds of a version inside a list of versions',
    before: { versions: [{ id: 'v1', refusalGrounds: [ground('a'), ground('b')] }] },
    after: { versions: [{ id: 'v1', refusalGrounds: [ground('a'), ground('b', { text: 'new' })] }] },
    changes: [{ pointer: '/versions/0/refusalGrounds/1/text', kind: 'changed', before: 'ground b', after: 'new' }],
  },
];

test.each(cases)('$description', ({ before, after, changes }) => {
  expect(diffJson(before, after)).toEqual(changes);
});

test('every change can be replayed: apply the diff of a to b onto a and get b (positional and by-id arrays)', () => {
  // The kinds and pointers are exact enough to rebuild the newer value: removals (older pointers, from the last),
  // then additions and changes (newer pointers, in order). Guards the pointer contract beyond the table.
  for (const { before, after } of cases) {
    const changes = diffJson(before, after);
    if (changes.some((c) => c.pointer === '')) continue;
    expect(replay(before, changes)).toEqual(normalise(after));
  }
});

test('any edit of a list of grounds (reorder, insert, remove, change inside) replays exactly', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const element = (id: string) => fc.record({ id: fc.constant(id), v: fc.integer({ min: 0, max: 2 }) });
  const list = fc.shuffledSubarray(ids).chain((xs) => fc.tuple(...xs.map(element)));
  fc.assert(
    fc.property(list, list, (before, after) => {
      const changes = diffJson({ grounds: before }, { grounds: after });
      expect(replay({ grounds: before }, changes)).toEqual(normalise({ grounds: after }));
      // Only elements that really differ or moved appear: an unchanged list reports nothing.
      if (JSON.stringify(before) === JSON.stringify(after)) expect(changes).toEqual([]);
    }),
    { numRuns: 2000 },
  );
});

/**
 * Applies diffJson's changes like a JSON Patch: the removals resolved against the older value first (their pointers
 * are into it), then additions and changes in order (their pointers are into the newer value).
 */
function replay(value: unknown, changes: JsonChange[]): unknown {
  const doc = structuredClone(value);
  const parts = (p: string) =>
    p
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const locate = (pointer: string) => {
    const path = parts(pointer);
    return { parent: path.slice(0, -1).reduce((o: any, k) => o[k], doc), key: path[path.length - 1] };
  };
  const removals = changes.filter((c) => c.kind === 'removed').map((c) => locate(c.pointer));
  for (const { parent, key } of removals.sort((x, y) => Number(y.key) - Number(x.key)))
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  for (const c of changes.filter((x) => x.kind !== 'removed')) {
    const { parent, key } = locate(c.pointer);
    if (Array.isArray(parent) && c.kind === 'added') parent.splice(Number(key), 0, structuredClone(c.after));
    else parent[key] = structuredClone(c.after);
  }
  return normalise(doc);
}

/** Key order is not part of JSON's meaning. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, normalise((v as Record<string, unknown>)[k])]),
    );
  return v;
}
