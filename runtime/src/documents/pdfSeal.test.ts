import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf, type PdfMeta, type PdfSeal } from './renderPdf';

// The final block every issued PDF carries (issue 15): number, QR code, issuer, signature block. It must keep the PDF
// byte-stable (the verification's SHA-256 is recorded once) and sit whole on one page.

const POPPLER = spawnSync('pdftotext', ['-v']).error === undefined && spawnSync('pdfinfo', ['-v']).error === undefined;
const SKIP = 'SKIPPED: pdftotext/pdfinfo (poppler-utils) are not installed: apt-get install -y poppler-utils';
const withPoppler = (name: string, fn: () => Promise<void>): void =>
  POPPLER ? test(name, fn) : test.skip(`${name} — ${SKIP}`, fn);

const SEAL: PdfSeal = {
  number: 'GKNPZH-CPD-2026-000123-1',
  verifyUrl: 'https://qyzmet.example.kz/api/v1/verify/GKNPZH-CPD-2026-000123-1',
  issuer: 'Мемлекеттік корпорацияның филиалы',
  signature: { name: 'Ерлан Омаров', at: '2026-03-04T10:15:00+05:00', role: 'көрсетілетін қызметті берушінің басшысы' },
};
const META: PdfMeta = { title: 'Анықтама', lang: 'kk', createdAt: '2026-03-04T10:15:00+05:00', seal: SEAL };
const paragraphs = (n: number) =>
  `<h1>Анықтама</h1>${Array.from({ length: n }, (_, i) => `<p>${i + 1}. Мәліметтер ақпараттық жүйеге енгізілді.</p>`).join('')}`;

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'qyzmet-seal-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function text(pdf: Buffer, page?: number): string {
  const file = join(dir, 'd.pdf');
  writeFileSync(file, pdf);
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pages(pdf: Buffer): number {
  const file = join(dir, 'p.pdf');
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

test('the same document and seal give the same bytes; another seal gives other bytes', async () => {
  const a = await renderPdf(paragraphs(3), META);
  expect(a.equals(await renderPdf(paragraphs(3), META))).toBe(true);
  const other = await renderPdf(paragraphs(3), { ...META, seal: { ...SEAL, verifyUrl: `${SEAL.verifyUrl}0` } });
  expect(a.equals(other)).toBe(false);
});

withPoppler('the block prints number, issuer, who decided in which role and when', async () => {
  const t = text(await renderPdf(paragraphs(3), META));
  expect(t).toContain('Құжаттың нөмірі: GKNPZH-CPD-2026-000123-1');
  expect(t).toContain('Берген: Мемлекеттік корпорацияның филиалы');
  expect(t).toContain('Шешім қабылдаған: Ерлан Омаров, көрсетілетін қызметті берушінің басшысы, 04.03.2026 10:15');
  const auto = text(await renderPdf(paragraphs(3), { ...META, lang: 'ru', seal: { ...SEAL, signature: null } }));
  expect(auto).toContain('Документ сформирован информационной системой автоматически.');
  expect(auto).toContain('Номер документа: GKNPZH-CPD-2026-000123-1');
});

withPoppler('a block that does not fit below the text starts a new page whole', async () => {
  // Find a text length whose last page has no room left for the block: the block then moves, whole, to a new page.
  for (let n = 30; n <= 120; n++) {
    const plain = pages(await renderPdf(paragraphs(n), { ...META, seal: undefined }));
    const sealed = await renderPdf(paragraphs(n), META);
    if (pages(sealed) > plain) {
      expect(text(sealed, plain + 1)).toContain('Құжаттың нөмірі');
      expect(text(sealed, plain)).not.toContain('Құжаттың нөмірі');
      return;
    }
  }
  throw new Error('no text length pushed the block to a new page');
});
