import { citedLines, clauseOf, clauseRef, compactRef, linesOf } from '../../admin-ui/src/analyst/editors/legalRefModel';

/** Order 156's annex 2 row 3 (the terms) as the clause inventory gives it, its text shortened to five lines. */
const row3 = { id: 'annex 2 row 3', annex: '2', row: '3', lines: [511, 515], text: 'a\nb\nc\nd\ne' };
const row9 = { id: 'annex 2 row 9', annex: '2', row: '9', lines: [547], text: 'z' };

describe('legalRefModel: the picker’s logic apart from its form', () => {
  test('a citation names the clause whose units are exactly its own', () => {
    expect(clauseOf([row3, row9], { act: 'x', annex: '2', row: '9', lines: [547] })).toBe(row9);
    // A sub-paragraph typed in makes another unit: no clause of the list, the free fields hold it.
    expect(clauseOf([row3, row9], { act: 'x', annex: '2', row: '9', subparagraph: '1' })).toBeUndefined();
  });

  test.each([
    ['all the clause’s lines', undefined, [511, 512, 513, 514, 515]],
    ['one line', [513], [513]],
    ['a narrower range', [512, 514], [512, 513, 514]],
    ['a range past the clause, cut to it', [509, 530], [511, 512, 513, 514, 515]],
  ] as const)('cited lines: %s', (_name, lines, numbers) => {
    expect(citedLines(row3, lines).map((l) => l.n)).toEqual(numbers);
  });

  test('a text that does not come line by line is shown whole, unnumbered', () => {
    expect(citedLines({ ...row3, text: 'a\nb' }, [512])).toEqual([
      { n: null, text: 'a' },
      { n: null, text: 'b' },
    ]);
  });

  test('a chosen clause replaces the units and lines, keeps the quote and note, names a seed only if not the act’s', () => {
    const before = { act: 'moj-order-156-2013', paragraph: '9', part: '3', lines: [141], quote: 'бірінші', note: 'n' };
    expect(clauseRef(before as never, row3, '003.txt', undefined)).toEqual({
      act: 'moj-order-156-2013',
      annex: '2',
      row: '3',
      seed: '003.txt',
      lines: [511, 515],
      quote: 'бірінші',
      note: 'n',
    });
    expect(clauseRef({ act: 'a' }, row9, '003.txt', '003.txt')).toEqual({
      act: 'a',
      annex: '2',
      row: '9',
      lines: [547],
    });
  });

  test('lines from the two number fields, and cleared fields leave the citation', () => {
    expect(linesOf('511', '521')).toEqual([511, 521]);
    expect(linesOf('511', '511')).toEqual([511]);
    expect(linesOf('511', '')).toEqual([511]);
    expect(linesOf('', '521')).toBeUndefined();
    expect(compactRef({ act: 'a', paragraph: '', row: undefined, quote: 'q' })).toEqual({ act: 'a', quote: 'q' });
    // Units typed before the act is chosen: the act stays, empty, for the engine to name at its field.
    expect(compactRef({ act: '', paragraph: '1' })).toEqual({ act: '', paragraph: '1' });
  });
});
