import fastUri from 'fast-uri';
import rjsfUri from '../../admin-ui/src/forms/rjsfUri';

// The applicant form's build gives @rjsf/utils this module for fast-uri (vite.config.mts): it must resolve `$ref`s
// against `$id`s as fast-uri does, should a form ever declare them.
describe("rjsf's URI resolution without fast-uri", () => {
  test.each([
    ['#', '#/$defs/a'],
    ['http://x/a/b', 'c#/d'],
    ['urn:x', '#/a'],
    ['https://e.com/s.json', 'other.json#/x'],
    ['https://e.com/s.json', '#/properties/a'],
    ['https://e.com/a/', '../b'],
    ['#', 'other.json'],
    ['s.json', '#/a'],
  ])('%s + %s', (base, ref) => {
    expect(rjsfUri.resolve(base, ref)).toBe(fastUri.resolve(base, ref));
  });

  test.each([
    ['https://e.com/a', 'https://E.com/a'],
    ['https://e.com/a', 'https://e.com/b'],
    ['https://e.com/a#', 'https://e.com/a'],
    ['a.json', 'a.json'],
  ])('%s = %s', (a, b) => {
    expect(rjsfUri.equal(a, b)).toBe(fastUri.equal(a, b));
  });
});
