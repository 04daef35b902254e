import Handlebars from 'handlebars';
import fc from 'fast-check';
import { ProblemError } from '../errors/problem';
import cases from './documents.cases.json';
import {
  createDocumentRenderer,
  DocumentError,
  formatNumber,
  REFUSAL_NOTICE_TEMPLATES,
  renderDocument,
  type DocumentContext,
} from './index';

interface ExpectedError {
  code: string;
  line?: number;
  column?: number;
  messageIncludes?: string;
}

interface DocumentCase {
  description: string;
  /** Template text, or "@refusal" for the shared refusal notice of the case's language. */
  template: string;
  lang: 'kk' | 'ru';
  /** Merged over the base context below (top-level keys replace). */
  context?: Record<string, unknown>;
  /** Render the full page with renderDocument instead of the body only. */
  page?: boolean;
  expectIncludes?: string[];
  expectExcludes?: string[];
  expectPlaceholders?: string[];
  expectPlaceholdersInclude?: string[];
  expectCompileError?: ExpectedError;
  expectRenderError?: ExpectedError;
}

/** A context as the engine builds it; cases override the parts they test. */
function baseContext(lang: 'kk' | 'ru'): DocumentContext {
  return {
    lang,
    data: {},
    application: {
      id: 'A-2025-0001',
      registeredAt: '2025-03-03T10:15:00+05:00',
      serviceId: 'housing-presence-certificate',
      version: '1',
    },
    service: {
      label: { kk: 'Анықтама беру', ru: 'Выдача справки', en: 'Certificate' },
      provider: { label: { kk: 'Әкімдік', ru: 'Акимат' } },
    },
    deadlines: { service: '2025-03-10T18:30:00+05:00' },
    now: '2025-03-06T11:00:00+05:00',
  };
}

function expectError(thrown: unknown, expected: ExpectedError, file: string | undefined): void {
  expect(thrown).toBeInstanceOf(DocumentError);
  const e = thrown as DocumentError;
  expect(e.code).toBe(expected.code);
  if (expected.line !== undefined) expect(e.line).toBe(expected.line);
  if (expected.column !== undefined) expect(e.column).toBe(expected.column);
  if (expected.messageIncludes !== undefined) expect(e.message).toContain(expected.messageIncludes);
  if (file !== undefined) expect(e.file).toBe(file);
  // The message names the place too, for a reader who only sees the text.
  if (expected.line !== undefined) expect(e.message).toContain(`line ${expected.line}`);
}

const renderer = createDocumentRenderer();

describe('documents.cases.json', () => {
  it.each((cases as DocumentCase[]).map((c) => [c.description, c] as const))('%s', (_description, c) => {
    const file = `case.${c.lang}.hbs`;
    const template = c.template === '@refusal' ? REFUSAL_NOTICE_TEMPLATES[c.lang] : c.template;
    const where = { documentId: 'case', lang: c.lang, file };

    if (c.expectCompileError) {
      let thrown: unknown;
      try {
        renderer.compile(template, where);
      } catch (e) {
        thrown = e;
      }
      expectError(thrown, c.expectCompileError, file);
      return;
    }

    const compiled = renderer.compile(template, where);
    if (c.expectPlaceholders) expect(compiled.placeholders).toEqual(c.expectPlaceholders);
    if (c.expectPlaceholdersInclude)
      expect(compiled.placeholders).toEqual(expect.arrayContaining(c.expectPlaceholdersInclude));

    const context = { ...baseContext(c.lang), ...(c.context ?? {}) } as DocumentContext;
    if (c.expectRenderError) {
      let thrown: unknown;
      try {
        compiled.render(context);
      } catch (e) {
        thrown = e;
      }
      expectError(thrown, c.expectRenderError, file);
      return;
    }

    const out = c.page ? renderDocument(compiled, context).html : compiled.render(context);
    for (const s of c.expectIncludes ?? []) expect(out).toContain(s);
    for (const s of c.expectExcludes ?? []) expect(out).not.toContain(s);
  });

  it('has a case for every month in both languages', () => {
    const months = new Set(
      (cases as DocumentCase[]).filter((c) => /date, month \d+$/.test(c.description)).map((c) => c.description),
    );
    expect(months.size).toBe(24);
  });
});

describe('createDocumentRenderer', () => {
  it('keeps its helpers in its own environment: the global Handlebars is untouched', () => {
    createDocumentRenderer();
    expect(Object.keys(Handlebars.helpers)).not.toContain('date');
    expect(Object.keys(Handlebars.helpers)).toContain('log');
  });

  it('raises an unknown helper at compile time, before any render', () => {
    // A template that is never rendered must still fail: definitions are checked when loaded.
    expect(() => renderer.compile('{{#if data.x}}{{nope data.y}}{{/if}}', { documentId: 'd', lang: 'kk' })).toThrow(
      DocumentError,
    );
  });

  it('reports errors in the shared problem shape, with the document named when there is no file', () => {
    let thrown: unknown;
    try {
      renderer.compile('{{#if}}', { documentId: 'extract', lang: 'ru' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    const problem = (thrown as DocumentError).toJSON();
    expect(problem).toMatchObject({ code: 'document.syntax', kind: 'definition', line: 1 });
    expect(problem.message).toContain('extract (ru)');
    expect(problem.params).toMatchObject({ documentId: 'extract', lang: 'ru' });
  });

  it('renders many times from one compilation with different contexts', () => {
    const compiled = renderer.compile('{{data.n}}:{{date data.d}}', { documentId: 'd', lang: 'kk' });
    expect(compiled.render({ ...baseContext('kk'), data: { n: 1, d: '2025-01-01' } })).toBe('1:2025 жылғы 1 қаңтар');
    expect(compiled.render({ ...baseContext('ru'), data: { n: 2, d: '2025-01-02' } })).toBe('2:2 января 2025 г.');
  });

  it('one text compiled for two documents: each names its own document in a render error', () => {
    const own = createDocumentRenderer();
    const text = '<p>{{date data.d}}</p>';
    const a = own.compile(text, { documentId: 'extract', lang: 'kk', file: 'a/extract.kk.hbs' });
    const b = own.compile(text, { documentId: 'notice', lang: 'kk', file: 'b/notice.kk.hbs' });
    expect(b.placeholders).toEqual(a.placeholders);
    expect(b.render({ ...baseContext('kk'), data: { d: '2025-01-01' } })).toBe('<p>2025 жылғы 1 қаңтар</p>');
    const bad = { ...baseContext('kk'), data: { d: '2025-02-29' } };
    expect(() => a.render(bad)).toThrow(/a\/extract\.kk\.hbs/);
    expect(() => b.render(bad)).toThrow(/b\/notice\.kk\.hbs/);
    // A text that failed is refused again at every compile, not remembered as compiled.
    for (let i = 0; i < 2; i++)
      expect(() => own.compile('{{nope data.y}}', { documentId: 'd', lang: 'kk' })).toThrow(/unknown helper "nope"/);
  });

  it('the refusal templates compile in both languages', () => {
    for (const lang of ['kk', 'ru'] as const) {
      expect(() =>
        renderer.compile(REFUSAL_NOTICE_TEMPLATES[lang], { documentId: 'refusal-notice', lang }),
      ).not.toThrow();
    }
  });
});

describe('formatNumber', () => {
  it('groups any safe integer so that removing the spaces gives the number back', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = formatNumber(n)!;
        expect(text.replace(/\u00a0/g, '')).toBe(String(n));
        expect(text).toMatch(/^-?\d{1,3}(\u00a0\d{3})*$/);
      }),
      { numRuns: 200 },
    );
  });

  it('rounds to 2 decimals within half a tiyn of the value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const text = formatNumber(x, 2)!;
        const back = Number(text.replace(/\u00a0/g, '').replace(',', '.'));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a template runs with the document helpers it names', () => {
  const renderer = createDocumentRenderer();
  const where = { documentId: 'helpers', lang: 'ru' as const };

  test('helpers named only inside sub-expressions, hashes, block parameters and nested blocks still work', () => {
    const tpl = renderer.compile(
      '{{#each data.items as |item i|}}{{#if (and (not (eq i 1)) item.ok)}}[{{upper (t item.label)}}]{{/if}}{{/each}}' +
        '{{#with data}}{{number amount 2}} {{date ../now case="attr"}}{{/with}}',
      where,
    );
    const html = tpl.render({
      ...baseContext('ru'),
      data: {
        items: [
          { ok: true, label: { kk: 'а', ru: 'первый' } },
          { ok: true, label: { kk: 'б', ru: 'второй' } },
          { ok: false, label: { kk: 'в', ru: 'третий' } },
        ],
        amount: 1234.5,
      },
    });
    expect(html).toBe(`[ПЕРВЫЙ]${formatNumber(1234.5, 2)} 6 марта 2025 г.`);
  });

  test('templates naming different helpers render independently, in any order, from one renderer', () => {
    const a = renderer.compile('{{upper data.x}}', where);
    const b = renderer.compile('{{join data.list "; "}}', where);
    const context = { ...baseContext('ru'), data: { x: 'қала', list: ['a', 'b'] } };
    expect([b.render(context), a.render(context), b.render(context)]).toEqual(['a; b', 'ҚАЛА', 'a; b']);
  });
});
