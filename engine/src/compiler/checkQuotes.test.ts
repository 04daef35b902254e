import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '../calendar';
import { assembleDefinition } from '../format';
import type { Act } from '../format/types';
import { checkQuotes, createQuoteChecker, missingFragment, quoteKey } from './checkQuotes';
import { compileService } from './compileService';

/**
 * A quote is the act's words in the cited seed lines: case, whitespace and quotation marks aside, and piece by piece
 * where it is shortened with "..." or "…".
 */

const SEED = [
  'Бірінші жол.', // 1
  '', // 2
  'жалпы ауданы 1000 шаршы метрден асатын объектілер оныншы жұмыс күні беріледі;', // 3
  '', // 4
  '«Азаматтарға арналған үкімет»   мемлекеттік корпорациясы', // 5
  'тыңдауды өткізу туралы хабардар етеді, ол хабарламаны', // 6
  'алған күнінен бастап үш жұмыс күні ішінде өткізіледі.', // 7
].join('\r\n');
const seeds: Record<string, string> = { 'seed.txt': SEED + '\r\n' };
const readSeed = (file: string) => seeds[file];

const ref = (over: Record<string, unknown>) => ({ legalRef: { act: 'a', seed: 'seed.txt', ...over } });

describe('missingFragment', () => {
  const cases: Array<{ description: string; quote: string; text: string; missing?: string }> = [
    { description: 'the exact words', quote: 'оныншы жұмыс күні', text: 'объектілер оныншы жұмыс күні беріледі' },
    { description: 'case does not matter', quote: 'Оныншы Жұмыс', text: 'оныншы жұмыс' },
    {
      description: 'whitespace runs and line breaks do not count',
      quote: 'хабарламаны алған',
      text: 'хабарламаны\n  алған',
    },
    {
      description: 'letters the extraction spaced out are the word',
      quote: 'болуына байланысты',
      text: 'б о л у ы н а байланысты',
    },
    { description: 'a word broken over two lines is the word', quote: 'Министрлігінің', text: 'Министр\nлігінің' },
    { description: '«» and “” are "', quote: '"Азаматтарға арналған үкімет"', text: '«Азаматтарға арналған үкімет»' },
    { description: '„ is "', quote: '„үкімет“', text: '"үкімет"' },
    {
      description: 'a different word ending is a misquote',
      quote: 'оныншы жұмыс күніне беріледі',
      text: 'оныншы жұмыс күні беріледі',
      missing: 'оныншы жұмыс күніне беріледі',
    },
    {
      description: 'the missing piece is shown as written',
      quote: 'a ...  Үш\n жұмыс ',
      text: 'a',
      missing: 'Үш жұмыс',
    },
    {
      description: 'pieces around "..." in order',
      quote: 'тыңдауды ... үш жұмыс күні',
      text: 'тыңдауды өткізу, үш жұмыс күні',
    },
    { description: 'pieces around "…" in order', quote: 'тыңдауды…үш', text: 'тыңдауды өткізу, үш жұмыс күні' },
    {
      description: 'pieces out of order',
      quote: 'үш ... Тыңдауды',
      text: 'тыңдауды өткізу, үш жұмыс күні',
      missing: 'Тыңдауды',
    },
    { description: 'a piece may not overlap the previous one', quote: 'абаб ... аб', text: 'абаб', missing: 'аб' },
    { description: 'a quote of dots only asks for nothing', quote: '...', text: 'anything' },
  ];
  test.each(cases)('$description', ({ quote, text, missing }) => {
    expect(missingFragment(quote, text)).toBe(missing);
  });

  test('the compared key keeps the letters, in lower case, with one kind of quotation mark', () => {
    expect(quoteKey('  «Азаматтарға\tАРНАЛҒАН»\n “Ү” ')).toBe('"азаматтарғаарналған""ү"');
  });
});

describe('checkQuotes', () => {
  test('a quote found in its lines, or a ref without quote, lines or seed, is fine', () => {
    const value = {
      a: ref({ lines: [3], quote: 'ОНЫНШЫ жұмыс күні беріледі;' }),
      b: ref({ lines: [5, 7], quote: '"Азаматтарға арналған үкімет" ... үш жұмыс күні ішінде' }),
      c: ref({ lines: [3] }),
      d: ref({ quote: 'words with no lines' }),
      e: { legalRef: { act: 'a', lines: [1], quote: 'no seed' } },
    };
    expect(checkQuotes(value, readSeed)).toEqual([]);
  });

  test('a misquote is an error at the quote, naming the seed lines and what they say', () => {
    const [p, ...rest] = checkQuotes(
      { deadlines: [ref({ lines: [3], quote: 'оныншы жұмыс күніне беріледі' })] },
      readSeed,
      '/versions/0',
    );
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      code: 'legalRef.misquote',
      severity: 'error',
      kind: 'definition',
      pointer: '/versions/0/deadlines/0/legalRef/quote',
    });
    expect(p.message).toContain('line 3 of the seed seed.txt');
    expect(p.message).toContain('"жалпы ауданы 1000 шаршы метрден асатын объектілер оныншы жұмыс күні беріледі;"');
  });

  test('the quote must be within the cited lines, not elsewhere in the seed', () => {
    const problems = checkQuotes(ref({ lines: [5, 6], quote: 'үш жұмыс күні' }), readSeed);
    expect(problems.map((p) => p.code)).toEqual(['legalRef.misquote']);
    expect(problems[0].message).toContain('lines 5–6');
  });

  test('the message shows about 80 characters of long lines', () => {
    const [p] = checkQuotes(ref({ lines: [5, 7], quote: 'not there' }), readSeed);
    const shown = /which read: "([^"]*)"/.exec(p.message.replace(/«|»/g, ''))?.[1] ?? '';
    expect(shown.length).toBeLessThanOrEqual(81);
    expect(shown.endsWith('…')).toBe(true);
  });

  test('lines past the end of the seed are an error at the lines', () => {
    expect(checkQuotes(ref({ lines: [6, 8], quote: 'тыңдауды' }), readSeed)).toEqual([
      expect.objectContaining({ code: 'legalRef.linesOutsideSeed', pointer: '/legalRef/lines', severity: 'error' }),
    ]);
    expect(checkQuotes(ref({ lines: [0] }), readSeed).map((p) => p.code)).toEqual(['legalRef.linesOutsideSeed']);
    // The final newline ends line 7; there is no line 8.
    expect(checkQuotes(ref({ lines: [7] }), readSeed)).toEqual([]);
  });

  test('a seed that cannot be read, or backward lines, are not checked here', () => {
    expect(checkQuotes(ref({ seed: 'other.txt', lines: [1], quote: 'x' }), readSeed)).toEqual([]);
    expect(checkQuotes(ref({ lines: [7, 3], quote: 'x' }), readSeed)).toEqual([]);
  });

  test('every kind of legalRef is checked (legalRefs of a scenario, legalBasis, citation)', () => {
    const value = {
      legalRefs: [ref({ lines: [1], quote: 'x' }).legalRef],
      legalBasis: [ref({ lines: [1], quote: 'y' }).legalRef],
      notEncoded: [{ citation: ref({ lines: [1], quote: 'z' }).legalRef }],
    };
    expect(checkQuotes(value, readSeed).map((p) => p.pointer)).toEqual([
      '/legalRefs/0/quote',
      '/legalBasis/0/quote',
      '/notEncoded/0/citation/quote',
    ]);
  });

  test('one checker reads each seed once', () => {
    const read = jest.fn(readSeed);
    const check = createQuoteChecker(read);
    check(ref({ lines: [3], quote: 'оныншы' }));
    check({ a: ref({ lines: [5], quote: 'үкімет' }), b: ref({ seed: 'none.txt', lines: [1], quote: 'x' }) });
    check(ref({ seed: 'none.txt', lines: [1], quote: 'x' }));
    expect(read.mock.calls).toEqual([['seed.txt'], ['none.txt']]);
  });
});

describe('compileService checks the quotes when it can read the seeds (the example service on disk)', () => {
  const repo = join(__dirname, '../../..');
  const read = <T>(rel: string): T => JSON.parse(readFileSync(join(repo, rel), 'utf8')) as T;
  const sharedActs: Record<string, Act> = Object.assign(
    {},
    ...readdirSync(join(repo, 'definitions/shared/acts')).map(
      (f) => read<{ acts: Record<string, Act> }>(`definitions/shared/acts/${f}`).acts,
    ),
  );
  const workingTime = compileWorkingTime(
    read<CalendarData>('definitions/calendars/kz.calendar.json'),
    read<ScheduleData>('definitions/calendars/schedules/state-corporation.schedule.json'),
  );
  const VERSION = 'definitions/services/cadastral-passport-duplicate/versions/2026-order-65.json';
  const QUOTE = 'жалпы ауданы 1000 шаршы метрге дейінгі қалған жылжымайтын мүлік объектілері';
  const fromDisk = (p: string) => {
    try {
      return readFileSync(join(repo, p), 'utf8');
    } catch {
      return undefined;
    }
  };
  const compile = (edit: (text: string) => string, readSeed?: (file: string) => string | undefined) => {
    const readText = (p: string) => (p === VERSION ? edit(fromDisk(p)!) : fromDisk(p));
    const { definition } = assembleDefinition(
      'definitions/services/cadastral-passport-duplicate/service.json',
      readText,
    );
    return compileService(definition!, {
      sharedActs,
      workingTime: (id) => (id === 'state-corporation' ? workingTime : undefined),
      readText,
      readSeed,
    });
  };
  const readSeed = (file: string) => fromDisk(`definitions/seeds/${file}`);
  // The quote itself, not the same words elsewhere (a condition's description may repeat the act's words).
  const misquoted = (text: string) =>
    text.replace(`"quote": "${QUOTE}"`, '"quote": "жалпы ауданы 1000 шаршы метрге дейінгі барлық объектілер"');

  test('the example quotes its seed faithfully', () => {
    expect(compile((t) => t, readSeed).problems.filter((p) => p.code.startsWith('legalRef.'))).toEqual([]);
  });

  test('a misquote is an error located in the version file, and the service does not compile', () => {
    const { service, problems } = compile(misquoted, readSeed);
    const misquotes = problems.filter((p) => p.code === 'legalRef.misquote');
    expect(misquotes).toHaveLength(1);
    expect(misquotes[0]).toMatchObject({ file: VERSION, severity: 'error' });
    expect(misquotes[0].pointer).toMatch(/\/legalRef\/quote$/);
    expect(service).toBeUndefined();
  });

  test('without readSeed (or a seed it cannot read) the quotes are not checked', () => {
    expect(compile(misquoted).problems.filter((p) => p.code.startsWith('legalRef.'))).toEqual([]);
    expect(compile(misquoted, () => undefined).service).toBeDefined();
  });
});
