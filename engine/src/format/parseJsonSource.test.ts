import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { locateInSource, parseJsonSource } from './parseJsonSource';

// A valid file is read with JSON.parse and its tree built only when a position is asked for; a key written twice must
// still be found, at its line, whatever the strings around it hold.
describe('parseJsonSource', () => {
  test('a key written twice is a located problem, also beside strings holding colons and quotes', () => {
    const text = '{\n  "a": "x: \\"y\\": z",\n  "b": { "c": 1, "c": 2 },\n  "d": [":", {"e": ":"}]\n}';
    const { problems } = parseJsonSource('f.json', text);
    expect(problems).toEqual([expect.objectContaining({ code: 'json.duplicateKey', line: 3, column: 18 })]);
  });

  test('a valid file: the value of JSON.parse, positions as the tree gives them', () => {
    const text = '\ufeff{\n  "id": "x",\n  "versions": [\n    { "id": "v1", "label": "a:b" }\n  ]\n}';
    const { source, problems } = parseJsonSource('f.json', text);
    expect(problems).toEqual([]);
    expect(source.value).toEqual({ id: 'x', versions: [{ id: 'v1', label: 'a:b' }] });
    expect(locateInSource(source, '/versions/0/label')).toEqual({ line: 4, column: 19 });
    expect(source.tree).toEqual(parseTree(text.slice(1)));
  });

  test('syntax errors are located as before', () => {
    const { problems } = parseJsonSource('f.json', '{\n  "a": 1,\n}');
    expect(problems[0]).toEqual(expect.objectContaining({ code: 'json.syntax', line: 3, column: 1 }));
  });

  test('property: duplicates are reported exactly when a key is written twice in one object', () => {
    const key = fc.constantFrom('a', 'b', ':', 'a:b', '"', '\\', '{', 'ключ');
    const json: fc.Arbitrary<string> = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 0 }).map((v) => JSON.stringify(v)),
        fc.array(tie('value'), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
        fc
          .array(fc.tuple(key, tie('value')), { maxLength: 4 })
          .map((kvs) => `{${kvs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
      ),
    })).value as fc.Arbitrary<string>;
    fc.assert(
      fc.property(json, (text) => {
        const { source, problems } = parseJsonSource('f.json', text);
        const twice = problems.filter((p) => p.code === 'json.duplicateKey').length > 0;
        const written = (node: ReturnType<typeof parseTree>): boolean =>
          !!node &&
          ((node.type === 'object' &&
            new Set(node.children!.map((p) => p.children![0].value)).size < node.children!.length) ||
            (node.children ?? []).some(written));
        expect(twice).toBe(written(parseTree(text)));
        if (!twice) expect(source.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
