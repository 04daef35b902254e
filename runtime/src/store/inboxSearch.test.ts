import { foldText, numberSequence, searchTerms, tailSequences } from './inboxSearch';

describe('foldText', () => {
  test('lowers Kazakh and Russian letters, reads ё as е and collapses spaces', () => {
    expect(foldText('  СЕЙІТОВА  Айгүл\tҚОНАЕВ Ёлкин ')).toBe('сейітова айгүл қонаев елкин');
    expect(foldText('ҒҮҰҚӨҺӘІҢ')).toBe('ғүұқөһәің');
  });

  test('folds every character as the Kazakh locale does, so the folded columns stored before stay valid', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (ch.toLowerCase() !== ch.toLocaleLowerCase('kk')) differ.push(`U+${cp.toString(16)}`);
    }
    expect(differ).toEqual([]);
    // Where a locale does tailor case (Turkish), the two differ: the comparison above can tell.
    expect('I'.toLocaleLowerCase('tr')).not.toBe('I'.toLowerCase());
  });

  test('a search for a name is folded the same way as the stored name', () => {
    expect(searchTerms('сейітова АЙГҮЛ')).toEqual({ text: foldText('Сейітова Айгүл') });
  });
});

describe('a number tail', () => {
  test('is what the search box reads as one: digits, a whole number in any case, digits with hyphens', () => {
    expect(searchTerms('000123')).toEqual({ numberTail: '000123' });
    expect(searchTerms('gknpzh-cpd-2026-000123')).toEqual({ numberTail: 'GKNPZH-CPD-2026-000123' });
    expect(searchTerms('2026-000123')).toEqual({ numberTail: '2026-000123', text: '2026-000123' });
    expect(searchTerms('920715401231')).toEqual({ applicantCode: '920715401231', numberTail: '920715401231' });
  });

  test("a number's sequence is its trailing digits", () => {
    expect(numberSequence('GKNPZH-CPD-2026-000123')).toBe(123);
    expect(numberSequence('GKNPZH-CPD-2026-1000123')).toBe(1_000_123);
    expect(numberSequence('GKNPZH-CPD')).toBeNull();
  });

  test.each([
    ['digits alone end the sequence', '123', 5_000, [123, 1_123, 2_123, 3_123, 4_123]],
    ['zeros in front are digits of the tail', '0123', 25_000, [123, 10_123, 20_123]],
    ['the largest sequence stored bounds them', '123', 122, []],
    ['digits after a hyphen are the sequence whole', '2026-000123', 5_000, [123]],
    ['a whole number', 'GKNPZH-CPD-2026-000123', 5_000, [123]],
    ['nothing is numbered yet', '123', -1, []],
    ['an IIN is no sequence of a number stored', '920715401231', 999_999, []],
  ])('%s', (_name, tail, max, expected) => {
    expect(tailSequences(tail, max)).toEqual(expected);
  });

  test('a tail that would name more sequences than the limit names none: it is compared row by row', () => {
    expect(tailSequences('23', 99_999, 1000)).toHaveLength(1000);
    expect(tailSequences('23', 100_023, 1000)).toBeNull();
  });
});
