import fc from 'fast-check';
import { appendPointer, formatPointer, getAtPointer, parsePointer } from './jsonPointer';

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
});
