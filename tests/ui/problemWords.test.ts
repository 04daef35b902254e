import { problemWords } from '../../admin-ui/src/analyst/problemWords';

/** The engine's problems of a draft, worded in the analyst's language from their code and params. */
describe('problemWords', () => {
  const required = {
    code: 'definition.required',
    message: 'missing the required key "legalRef" at /x',
    params: { missingProperty: 'legalRef' },
  };

  test('a schema problem in Russian and Kazakh, its param filled in', () => {
    expect(problemWords(required, 'ru')).toBe('не заполнено «legalRef»');
    expect(problemWords(required, 'kk')).toBe('«legalRef» толтырылмаған');
  });

  test('the parity problem names the missing language in words', () => {
    const parity = { code: 'text.parity', message: '…', params: { missing: 'ru' } };
    expect(problemWords(parity, 'kk')).toBe('мәтін бір мемлекеттік тілде ғана бар: орысша мәтіні жоқ');
    expect(problemWords(parity, 'en')).toBe('the text is in one state language only: the Russian text is missing');
  });

  test('a misquote says where it was searched and what is missing', () => {
    const misquote = {
      code: 'legalRef.misquote',
      message: '…',
      params: { seed: '003.txt', lines: [517, 519], quote: 'x', missing: 'екінші күні', text: '…' },
    };
    expect(problemWords(misquote, 'ru')).toBe('цитаты нет в указанных строках акта (003.txt, L517–519): «екінші күні»');
  });

  test('allowed values are listed as written', () => {
    const e = { code: 'definition.enum', message: '…', params: { allowedValues: ['refusal', 'return'] } };
    expect(problemWords(e, 'en')).toBe('must be one of: "refusal", "return"');
  });

  test('a code without words, or without a param its words need, keeps the English message', () => {
    expect(problemWords({ code: 'version.overlap', message: 'two versions overlap' }, 'ru')).toBe(
      'two versions overlap',
    );
    expect(problemWords({ code: 'definition.required', message: 'missing the key' }, 'kk')).toBe('missing the key');
  });
});
