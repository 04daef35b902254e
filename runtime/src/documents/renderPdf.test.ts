import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDocumentRenderer,
  ProblemError,
  renderDocument,
  REFUSAL_NOTICE_TEMPLATES,
  type DocumentContext,
} from '@qyzmet/engine';
import { renderPdf, type PdfMeta } from './renderPdf';

/**
 * The text checks read the PDF back with poppler's pdftotext/pdfinfo, the way a search index or a screen reader
 * would: a PDF whose fonts lack a ToUnicode map looks right on screen but gives garbage there.
 */
const POPPLER = spawnSync('pdftotext', ['-v']).error === undefined && spawnSync('pdfinfo', ['-v']).error === undefined;
const SKIP_REASON =
  'SKIPPED: pdftotext/pdfinfo (poppler-utils) are not installed; install them with `apt-get install -y poppler-utils`';
const withPoppler = (name: string, fn: () => Promise<void>): void =>
  POPPLER ? it(name, fn) : it.skip(`${name} — ${SKIP_REASON}`, fn);

const TITLE_KK = 'Жылжымайтын мүлік объектісінің кадастрлық паспортының телнұсқасы';
const LETTERS = 'Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і';
const CREATED_AT = '2026-02-11T10:00:00+05:00';

const renderer = createDocumentRenderer();

function context(lang: 'kk' | 'ru', extra: Partial<DocumentContext> = {}): DocumentContext {
  return {
    lang,
    data: {
      applicant: { fullName: 'ЖШС "Ақ & Көк" <Астана>' },
      object: { cadastralNumber: '20-321-001-123:15', area: 1000.5 },
    },
    application: {
      id: 'A-2026-0001',
      registeredAt: '2026-02-10T10:00:00+05:00',
      serviceId: 'cadastral-passport-duplicate',
      version: '1',
    },
    service: {
      label: { kk: 'Кадастрлық паспорттың телнұсқасын беру', ru: 'Выдача дубликата кадастрового паспорта' },
      provider: { label: { kk: 'Азаматтарға арналған үкімет', ru: 'Правительство для граждан' } },
    },
    deadlines: { service: '2026-02-11T18:30:00+05:00' },
    now: CREATED_AT,
    ...extra,
  };
}

const KK_TEMPLATE = `<p class="mark"><strong>«Телнұсқа»</strong></p>
<h1>${TITLE_KK}</h1>
<p>Әліпби: ${LETTERS}</p>
<p>Көрсетілетін қызметті алушы: <strong>{{data.applicant.fullName}}</strong>, <em>кадастрлық нөмір</em> {{data.object.cadastralNumber}}.</p>
<ol><li>Бірінші тармақ</li><li>Екінші тармақ<ul><li>ішкі тармақ</li></ul></li></ol>
<table><tr><th>Көрсеткіш</th><th>Мәні</th></tr><tr><td>Жалпы ауданы</td><td>{{data.object.area}} м²</td></tr><tr><td>Өтініш</td><td>{{application.id}}</td></tr></table>
<p class="signature">Берілген күні: {{date now}}</p>`;

function kkHtml(): string {
  return renderDocument(renderer.compile(KK_TEMPLATE, { documentId: 'duplicate', lang: 'kk' }), context('kk')).html;
}

const FACT = {
  kk: 'Төлемді растайтын құжаттағы № 004512 төлем шлюз мәліметтерінде жоқ.',
  ru: 'Платёж № 004512 из документа об оплате отсутствует в сведениях шлюза.',
};
const REASONING = {
  kk: 'Төлем шлюз арқылы расталмады, сондықтан құжат дәйексіз деп танылды.',
  ru: 'Платёж не подтверждён сведениями шлюза; документ признан недостоверным.',
};

function refusalHtml(lang: 'kk' | 'ru'): string {
  const ctx = context(lang, {
    refusal: {
      grounds: [
        {
          id: 'unreliable-documents',
          legalRef: {
            act: { kk: 'Мемлекеттік көрсетілетін қызметтер туралы Заң', ru: 'Закон «О государственных услугах»' },
            article: '19-1',
            paragraph: 2,
            subparagraph: 1,
          },
          message: {
            kk: 'Ұсынылған құжаттардың дәйексіздігі анықталды.',
            ru: 'Установлена недостоверность представленных документов & сведений.',
          },
          // The fact in words, as the engine renders it from the ground's sentence (never the finding's key).
          fact: FACT[lang],
        },
      ],
    },
    reasoning: REASONING,
  });
  return renderDocument(renderer.compile(REFUSAL_NOTICE_TEMPLATES[lang], { documentId: 'refusal-notice', lang }), ctx)
    .html;
}

function longHtml(): string {
  const paragraphs = Array.from(
    { length: 60 },
    (_, i) =>
      `<p>${i + 1}. Жылжымайтын мүлік объектісі туралы мәліметтер (${LETTERS}) құқықтық кадастрдың ақпараттық жүйесіне енгізілді.</p>`,
  ).join('\n');
  return renderDocument(
    renderer.compile(`<h1>${TITLE_KK}</h1>\n${paragraphs}\n<p class="signature">Соңы</p>`, {
      documentId: 'long',
      lang: 'kk',
    }),
    context('kk'),
  ).html;
}

const META: PdfMeta = {
  title: TITLE_KK,
  lang: 'kk',
  subject: 'cadastral-passport-duplicate A-2026-0001',
  createdAt: CREATED_AT,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qyzmet-pdf-'));
  if (!POPPLER) console.warn(`renderPdf text checks ${SKIP_REASON}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

/** pdftotext -layout, with runs of spaces (justification) and line ends folded to one space. */
function textOf(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

function infoOf(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

describe('renderPdf', () => {
  it('makes a PDF file (header and end-of-file marker) from an engine document', async () => {
    const pdf = await renderPdf(kkHtml(), META);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    // The DejaVu font is embedded as a subset, not the whole 700 KB file.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('gives the same bytes for the same input (no clock, no randomness)', async () => {
    const html = kkHtml();
    const a = await renderPdf(html, META);
    const b = await renderPdf(html, META);
    expect(a.equals(b)).toBe(true);
    const c = await renderPdf(html, { ...META, createdAt: '2026-02-12T10:00:00+05:00' });
    expect(a.equals(c)).toBe(false);
  });

  it('rejects a createdAt that is not an instant, with a coded error', async () => {
    await expect(renderPdf(kkHtml(), { ...META, createdAt: 'yesterday' })).rejects.toMatchObject({
      problem: { code: 'pdf.createdAt', kind: 'internal' },
    });
    await expect(renderPdf(kkHtml(), { ...META, createdAt: 'yesterday' })).rejects.toBeInstanceOf(ProblemError);
  });

  it('renders broken HTML instead of failing', async () => {
    const pdf = await renderPdf('<p>ашық <strong>қалды<table><td>ұяшық', META);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  withPoppler('keeps the Kazakh title, letters, list, table and data intact in the text layer', async () => {
    const text = textOf(save(await renderPdf(kkHtml(), META), 'kk.pdf'));
    expect(text).toContain(TITLE_KK);
    expect(text).toContain(LETTERS);
    expect(text).toContain('«Телнұсқа»');
    expect(text).toMatch(/1\. Бірінші тармақ 2\. Екінші тармақ – ішкі тармақ/);
    expect(text).toMatch(/Көрсеткіш Мәні Жалпы ауданы 1000\.5 м² Өтініш A-2026-0001/);
    expect(text).toContain('Берілген күні: 2026 жылғы 11 ақпан');
  });

  withPoppler('decodes the HTML escapes of the data: no &amp; or &quot; reaches the paper', async () => {
    const html = kkHtml();
    expect(html).toContain('&amp;'); // the engine escaped the data, so the check below is not vacuous
    const text = textOf(save(await renderPdf(html, META), 'entities.pdf'));
    expect(text).toContain('ЖШС "Ақ & Көк" <Астана>');
    expect(text).not.toMatch(/&(amp|quot|lt|gt|#x27|#x3D);/);
  });

  withPoppler('renders the Russian refusal notice with its ground, legal reference and quote', async () => {
    const html = refusalHtml('ru');
    const text = textOf(
      save(await renderPdf(html, { title: 'Уведомление об отказе', lang: 'ru', createdAt: CREATED_AT }), 'ru.pdf'),
    );
    expect(text).toContain('Уведомление о мотивированном отказе в оказании государственной услуги');
    expect(text).toContain('Основания отказа');
    expect(text).toContain('Установлена недостоверность представленных документов & сведений.');
    expect(text).toMatch(/1\. Закон «О государственных услугах»/);
    expect(text).toContain('ЖШС "Ақ & Көк" <Астана>');
    expect(text).toContain('Дата: 11 февраля 2026');
    // The fact that made the ground hold and the officer's reasoning, in words; no internal key or raw value.
    expect(text).toContain(FACT.ru);
    expect(text).toContain(REASONING.ru);
    expect(text).not.toMatch(/documentsUnreliable|findings\/|: ?(true|да|иә)\b/);
  });

  withPoppler('renders the Kazakh refusal notice', async () => {
    const text = textOf(
      save(await renderPdf(refusalHtml('kk'), { ...META, title: 'Бас тарту туралы хабарлама' }), 'kk-refusal.pdf'),
    );
    expect(text).toContain('Мемлекеттік қызмет көрсетуден дәлелді бас тарту туралы хабарлама');
    expect(text).toContain('Ұсынылған құжаттардың дәйексіздігі анықталды.');
    expect(text).toContain(FACT.kk);
    expect(text).toContain(REASONING.kk);
  });

  withPoppler('spreads a long document over several pages, each numbered "n / total"', async () => {
    const file = save(await renderPdf(longHtml(), META), 'long.pdf');
    const pages = Number(infoOf(file).Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      expect(textOf(file, page)).toMatch(new RegExp(`(^| )${page} ?/ ?${pages}$`));
    }
    const all = textOf(file);
    // Every paragraph is there once, in order, none lost at a page break.
    const numbers = [...all.matchAll(/(\d+)\. Жылжымайтын/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(all.endsWith(`Соңы ${pages} / ${pages}`) || all.endsWith(`Соңы ${pages}/${pages}`)).toBe(true);
  });

  it('gives a document the same bytes whatever the process rendered before (fonts and layouts are shared)', async () => {
    let fresh: typeof renderPdf | undefined;
    await jest.isolateModulesAsync(async () => {
      ({ renderPdf: fresh } = await import('./renderPdf'));
    });
    for (const html of [refusalHtml('ru'), kkHtml(), longHtml()]) await renderPdf(html, META);
    const html = refusalHtml('kk');
    expect((await renderPdf(html, META)).equals(await fresh!(html, META))).toBe(true);
  });

  withPoppler('keeps и in the text layer after a document with й (glyph state is not carried over)', async () => {
    // Subsetting й meets its part и without a character: had layout used the glyphs that subsetting caches, the next
    // document would map и to no text. Bold italic, which no other test here uses, so that и is not met before.
    const only = (letters: string) => `<p><strong><em>${letters}</em></strong></p>`;
    await renderPdf(only('й'), META);
    expect(textOf(save(await renderPdf(only('иә'), META), 'after-short-i.pdf'))).toContain('иә');
  });

  withPoppler('writes title, author, subject, creation date and page size into the metadata', async () => {
    const info = infoOf(save(await renderPdf(kkHtml(), META), 'meta.pdf'));
    expect(info.Title).toBe(TITLE_KK);
    expect(info.Author).toBe('Qyzmet');
    expect(info.Subject).toBe(META.subject);
    expect(info.CreationDate).toMatch(/^2026-02-11T(05:00:00(Z|\+00)|10:00:00\+05)/);
    expect(info['Page size']).toContain('(A4)');
    expect(info.Pages).toBe('1');
  });
});
