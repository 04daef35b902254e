import { foldText, searchTerms } from './inboxSearch';

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
