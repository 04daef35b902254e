import { unsafeTextPointers } from '../applications/unsafeText';
import { exceedsDepth, isIsoInstant, MAX_JSON_DEPTH, nulPointer } from './requestGuards';

const nested = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

test('the depth bound counts objects and arrays, not scalars, and stops at the first level past it', () => {
  expect(exceedsDepth(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
  expect(exceedsDepth(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  expect(exceedsDepth(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
  expect(exceedsDepth('x', 1)).toBe(false);
  expect(exceedsDepth(undefined, 1)).toBe(false);
  expect(
    exceedsDepth(
      Array.from({ length: 10_000 }, () => ({ a: [1] })),
      3,
    ),
  ).toBe(false);
});

test('instants carry their offset and exist', () => {
  expect(isIsoInstant('2026-03-31T18:30:00+05:00')).toBe(true);
  expect(isIsoInstant('2026-03-31T13:30:00Z')).toBe(true);
  for (const bad of ['1', '2026-03-31', '2026-03-31T18:30:00', '2026-02-30T10:00:00Z', '+275760-09-13T00:00:00Z'])
    expect(isIsoInstant(bad)).toBe(false);
});

test('unsafe characters are found where they are, by JSON pointer, at most 100', () => {
  expect(unsafeTextPointers({ 'a/b': { 'c~d': ['ok', 'x\u202Ey'] }, n: 1, z: null })).toEqual(['/a~1b/c~0d/1']);
  expect(unsafeTextPointers({ a: 'NUL\u0000', b: ['\u2067'], c: '\uD83D' })).toEqual(['/a', '/b/0', '/c']);
  // A proper surrogate pair (a character outside the BMP) and ordinary Kazakh text are fine.
  expect(unsafeTextPointers({ a: 'Әсел 𝔄 \uD83D\uDE00', b: 'ҚҰҮІ' })).toEqual([]);
  expect(unsafeTextPointers(Array.from({ length: 1000 }, () => '\u202D'))).toHaveLength(100);
});

test('nulPointer locates the first NUL in a string or a key, with the pointer escaped', () => {
  expect(nulPointer({ a: ['x', 'y\u0000'] })).toBe('/a/1');
  expect(nulPointer({ 'a/b~': { ['k\u0000']: 1 } })).toBe('/a~1b~0/k\u0000');
  expect(nulPointer('\u0000')).toBe('');
  expect(nulPointer({ a: 'clean', b: [1, null, true] })).toBeNull();
});
