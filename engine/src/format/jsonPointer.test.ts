import fc from 'fast-check';
import { appendPointer, findTexts, formatPointer, getAtPointer, parsePointer } from './jsonPointer';

// RFC 6901: "~" is written "~0" and "/" is written "~1", in that order, so that a key holding "~1" survives.
describe('JSON Pointers', () => {
  test('keys with ~ and / are escaped, others kept as they are', () => {
    expect(formatPointer(['a', 'b/c', 'd~e', '~1', 0])).toBe('/a/b~1c/d~0e/~01/0');
    expect(appendPointer('/x', 'y/z', 3)).toBe('/x/y~1z/3');
    expect(formatPointer([])).toBe('');
  });

  test('property: any keys round-trip through format and parse, and lead back to their value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', '~', '/', '0', '1', 'ж') }), { maxLength: 5 }),
        (keys) => {
          expect(parsePointer(formatPointer(keys))).toEqual(keys);
          const value = keys.reduceRight<unknown>((inner, k) => ({ [k]: inner }), 'leaf');
          expect(getAtPointer(value, formatPointer(keys))).toBe('leaf');
        },
      ),
    );
  });

  describe('findTexts', () => {
    /** Every string with its pointer, keys included, in document order: the plain recursive reading of the rule. */
    function allTexts(value: unknown, at: Array<string | number> = []): Array<[string, string, boolean]> {
      if (typeof value === 'string') return [[value, formatPointer(at), false]];
      if (value === null || typeof value !== 'object') return [];
      if (Array.isArray(value)) return value.flatMap((child, i) => allTexts(child, [...at, i]));
      return Object.entries(value).flatMap(([k, child]): Array<[string, string, boolean]> => [
        [k, formatPointer([...at, k]), true],
        ...allTexts(child, [...at, k]),
      ]);
    }

    test('strings and keys found in document order, pointers escaped, at most the limit', () => {
      const value = { 'a/b': { 'c~d': ['ok', 'x!y'] }, n: 1, z: null, 'k!': 'v', last: ['!'] };
      expect(findTexts(value, (text) => text.includes('!'))).toEqual(['/a~1b/c~0d/1', '/k!', '/last/0']);
      expect(findTexts(value, (text, key) => !key && text.includes('!'))).toEqual(['/a~1b/c~0d/1', '/last/0']);
      expect(findTexts(value, (text) => text.includes('!'), 2)).toEqual(['/a~1b/c~0d/1', '/k!']);
      expect(findTexts('!', () => true)).toEqual(['']);
      expect(findTexts({ a: 1 }, () => false)).toEqual([]);
    });

    test('a value nested 100,000 levels deep is walked without overflowing the stack', () => {
      let deep: unknown = 'found';
      for (let i = 0; i < 100_000; i++) deep = [deep];
      expect(findTexts(deep, (text) => text === 'found')[0]).toBe('/0'.repeat(100_000));
    });

    test('property: it finds what the plain recursive walk finds, in the same order', () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.constantFrom('a', '~', '/', ''), (value, needle) => {
          const expected = allTexts(value)
            .filter(([text]) => text.includes(needle))
            .map(([, pointer]) => pointer);
          expect(findTexts(value, (text) => text.includes(needle))).toEqual(expected);
        }),
      );
    });
  });
});
