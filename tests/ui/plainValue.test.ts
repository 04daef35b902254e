import { plainPath, plainValue } from '../../admin-ui/src/analyst/plainValue';

describe('plainValue: a definition value in words for the review, never JSON', () => {
  test.each([
    ['a string', '2 workingDays', 'ru', '2 workingDays'],
    ['nothing', undefined, 'ru', '—'],
    ['a text in the reader language', { kk: 'Иә', ru: 'Да' }, 'kk', 'Иә'],
    ['English falls back to Russian', { kk: 'Иә', ru: 'Да' }, 'en', 'Да'],
    ['an element by id and text', { id: 'arrest', text: { kk: 'тыйым', ru: 'арест' } }, 'ru', 'arrest: арест'],
    [
      'other objects by their plain members',
      { when: 'housing', duration: '1 workingDays', x: [1] },
      'en',
      'when: housing, duration: 1 workingDays',
    ],
    ['a list by its size', [1, 2, 3], 'en', '[3]'],
  ] as const)('%s', (_name, value, lang, expected) => {
    expect(plainValue(value, lang)).toBe(expected);
  });
  test('long values are cut', () => {
    expect(plainValue('x'.repeat(200), 'en', 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

test('plainPath: a pointer inside an element in words, items counted from 1', () => {
  expect(plainPath('/cases/0/duration')).toBe('cases 1 duration');
  expect(plainPath('/x-enumLabels/a~1b')).toBe('x-enumLabels a/b');
});
