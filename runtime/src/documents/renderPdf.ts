import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { domainError } from '@qyzmet/engine';
import { documentFaces } from './documentFonts';
import {
  htmlToBlocks,
  type Block,
  type HeadingBlock,
  type ParagraphBlock,
  type TableBlock,
  type TextRun,
} from './htmlToBlocks';

/** What the PDF says about itself (document information dictionary and catalog). */
export interface PdfMeta {
  /** The document's title, e.g. the `title` of the issued document. */
  title: string;
  lang: 'kk' | 'ru';
  /** Defaults to "Qyzmet". */
  author?: string;
  subject?: string;
  /** ISO instant of issue, given by the caller so that the same input gives the same file. */
  createdAt: string;
  /** The final block of an issued document: its number, a QR code with its verification URL, who decided. */
  seal?: PdfSeal;
}

/** What the final block prints (the document's language): fixed at issue, so that every rendering is the same. */
export interface PdfSeal {
  number: string;
  /** The public verification URL, which the QR code holds. */
  verifyUrl: string;
  /** The provider that issued the document. */
  issuer: string;
  /** Who decided, when (a local ISO instant), in which role; null when the information system formed it alone. */
  signature: { name: string; at: string; role: string } | null;
}

/** The final block's fixed words, kk and ru. */
const SEAL_WORDS = {
  kk: {
    number: 'Құжаттың нөмірі',
    issuer: 'Берген',
    decided: 'Шешім қабылдаған',
    automatic: 'Құжатты ақпараттық жүйе автоматты түрде қалыптастырды.',
    verify: 'Құжаттың түпнұсқалығын QR-код немесе мына сілтеме арқылы тексеруге болады',
  },
  ru: {
    number: 'Номер документа',
    issuer: 'Выдан',
    decided: 'Решение принял(а)',
    automatic: 'Документ сформирован информационной системой автоматически.',
    verify: 'Подлинность документа можно проверить по QR-коду или по ссылке',
  },
} as const;
/** The QR code's side in points (about 32 mm): read by a phone from paper, and by the tests from a 150 dpi page. */
const QR_SIZE = 90;

const MM = 72 / 25.4;
/**
 * The page of `DOCUMENT_CSS` in the engine (`@page { size: A4; margin: 20mm 15mm 20mm 25mm }`): the wide left margin
 * is the binding edge of office paperwork. The rules below mirror that stylesheet so that the PDF and the printed
 * HTML look alike.
 */
const MARGINS = { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 25 * MM };
const BODY_SIZE = 12;
const LINE_HEIGHT = 1.4;
const HEADING_SIZE: Record<HeadingBlock['level'], number> = { 1: 14, 2: 12, 3: 12 };
/** ul/ol/blockquote indentation of a browser's default stylesheet: 40px = 30pt. */
const INDENT = 30;
const FOOTER_SIZE = 9;
const BORDER = 0.75; // 1px
const CELL_PADDING = { top: 2, right: 4, bottom: 2, left: 4 };
/** Deeper lists are drawn at this depth so that text keeps a usable width. */
const MAX_INDENT_LEVELS = 6;

const FONT = {
  regular: 'DejaVuSerif',
  bold: 'DejaVuSerif-Bold',
  italic: 'DejaVuSerif-Italic',
  boldItalic: 'DejaVuSerif-BoldItalic',
} as const;

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'center' | 'right' | 'justify';

interface BlockStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  align: Align;
  marginTop: number;
  marginBottom: number;
}

function fontName(bold: boolean, italic: boolean): string {
  return bold ? (italic ? FONT.boldItalic : FONT.bold) : italic ? FONT.italic : FONT.regular;
}

/** `DOCUMENT_CSS` in points: h1–h3 centred and bold with margins 0.8em/0.4em; p justified, margins 0.3em. */
function styleOf(block: Block): BlockStyle {
  if (block.type === 'heading') {
    const size = HEADING_SIZE[block.level];
    return { size, bold: true, italic: false, align: 'center', marginTop: 0.8 * size, marginBottom: 0.4 * size };
  }
  if (block.type === 'table') {
    return {
      size: BODY_SIZE,
      bold: false,
      italic: false,
      align: 'left',
      marginTop: 0.3 * BODY_SIZE,
      marginBottom: 0.3 * BODY_SIZE,
    };
  }
  const classes = block.classes ?? [];
  return {
    size: BODY_SIZE,
    bold: false,
    // `.legal-ref { font-style: italic }`
    italic: classes.includes('legal-ref'),
    align: 'justify',
    // `.signature { margin-top: 2em }`
    marginTop: classes.includes('signature') ? 2 * BODY_SIZE : 0.3 * BODY_SIZE,
    marginBottom: 0.3 * BODY_SIZE,
  };
}

/**
 * Renders one Qyzmet output document (the HTML page the engine's `renderDocument` makes) as a PDF: A4 with the
 * margins of the document stylesheet, DejaVu Serif embedded (subset) so that the Kazakh letters ә ғ қ ң ө ұ ү һ і
 * print and can be copied and searched, page numbers "1 / 2" in the footer, and the title, author, subject,
 * creation date and language in the PDF's metadata. No browser and no network: pdfkit draws the blocks that
 * {@link htmlToBlocks} reads from the HTML. The same HTML and meta give the same bytes.
 *
 * @example
 * const pdf = await renderPdf(document.html, { title: document.title, lang: 'kk', createdAt:
 *   '2026-02-11T10:00:00+05:00' });
 * pdf.subarray(0, 5).toString() // '%PDF-'
 */
export async function renderPdf(html: string, meta: PdfMeta): Promise<Buffer> {
  const createdAt = new Date(meta.createdAt);
  if (typeof meta.createdAt !== 'string' || Number.isNaN(createdAt.getTime())) {
    // The meta comes from the stored document, not from a user: a bad one is the runtime's fault.
    throw domainError(
      'internal',
      'pdf.createdAt',
      `meta.createdAt must be an ISO instant such as "2026-02-11T10:00:00+05:00", got ${JSON.stringify(meta.createdAt)}`,
      { params: { createdAt: meta.createdAt } },
    );
  }
  if (meta.lang !== 'kk' && meta.lang !== 'ru') {
    throw domainError('internal', 'pdf.lang', `meta.lang must be "kk" or "ru", got ${JSON.stringify(meta.lang)}`, {
      params: { lang: meta.lang },
    });
  }
  const blocks = htmlToBlocks(html);
  const fonts = documentFaces();

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: meta.lang,
    displayTitle: true,
    // No default font: Helvetica has no Cyrillic, and loading it would only cost time.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      Author: meta.author ?? 'Qyzmet',
      ...(meta.subject !== undefined ? { Subject: meta.subject } : {}),
      Creator: 'Qyzmet',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // pdfkit takes a parsed fontkit font as it is (its types list only paths and bytes).
  for (const face of Object.keys(FONT) as Array<keyof typeof FONT>)
    doc.registerFont(FONT[face], fonts[face] as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font(FONT.regular).fontSize(BODY_SIZE);

  try {
    layout(doc, blocks);
    if (meta.seal) drawSeal(doc, meta.seal, meta.lang);
    numberPages(doc);
  } catch (e) {
    doc.end();
    throw e;
  }
  doc.end();
  return done;
}

const contentWidth = (doc: Doc): number => doc.page.width - MARGINS.left - MARGINS.right;
const bottomLimit = (doc: Doc): number => doc.page.height - MARGINS.bottom;

/** The gap pdfkit adds between lines so that one line takes `LINE_HEIGHT` × size, as the CSS line-height does. */
function lineGapFor(doc: Doc, size: number): number {
  doc.fontSize(size);
  return Math.max(0, size * LINE_HEIGHT - doc.currentLineHeight(true));
}

function layout(doc: Doc, blocks: Block[]): void {
  let previousMarginBottom = 0;
  let first = true;
  blocks.forEach((block, index) => {
    const style = styleOf(block);
    const atPageTop = doc.y <= MARGINS.top + 0.01;
    // Vertical margins collapse as in CSS; at the top of a page they are dropped, as browsers do at page breaks.
    if (!atPageTop && !first) doc.y += Math.max(previousMarginBottom, style.marginTop);
    first = false;
    if (block.type === 'heading') drawHeading(doc, block, style, blocks[index + 1]);
    else if (block.type === 'paragraph') drawParagraph(doc, block, style);
    else drawTable(doc, block);
    previousMarginBottom = style.marginBottom;
  });
}

/** Moves to a new page when `height` points do not fit below the cursor (and the cursor is not at a page top). */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc) && doc.y > MARGINS.top + 0.01) {
    doc.addPage();
  }
}

function plainText(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

function drawHeading(doc: Doc, block: HeadingBlock, style: BlockStyle, next: Block | undefined): void {
  const width = contentWidth(doc);
  const lineGap = lineGapFor(doc, style.size);
  doc.font(fontName(true, false));
  const height = doc.heightOfString(plainText(block.runs), { width, lineGap });
  // A heading is kept with the first lines of what follows it.
  const following = next && next.type !== 'heading' ? 2 * BODY_SIZE * LINE_HEIGHT : 0;
  ensureRoom(doc, height + following);
  drawRuns(doc, block.runs, MARGINS.left, width, style);
}

function drawParagraph(doc: Doc, block: ParagraphBlock, style: BlockStyle): void {
  const levels = Math.min(block.indent ?? 0, MAX_INDENT_LEVELS);
  const x = MARGINS.left + levels * INDENT;
  // blockquote { margin: 1em 40px }: indented on both sides.
  const width = contentWidth(doc) - levels * INDENT - (block.quote ? INDENT : 0);
  const lineHeight = style.size * LINE_HEIGHT;
  ensureRoom(doc, lineHeight);
  if (block.marker !== undefined) {
    const y = doc.y;
    doc.font(FONT.regular).fontSize(style.size);
    const markerWidth = doc.widthOfString(block.marker);
    doc.text(block.marker, Math.max(MARGINS.left, x - markerWidth - 6), y, {
      lineBreak: false,
      lineGap: lineGapFor(doc, style.size),
    });
    doc.y = y;
    if (!block.runs.length) {
      doc.y = y + lineHeight;
      return;
    }
  }
  drawRuns(doc, block.runs, x, width, style);
}

/**
 * Draws styled runs as one flowing paragraph: pdfkit's `continued` text keeps the line going across font changes.
 * A `'\n'` run ends a line (`<br>`); each line is then a paragraph of its own for pdfkit, so that the line before a
 * break is not stretched by justification.
 */
function drawRuns(doc: Doc, runs: TextRun[], x: number, width: number, style: BlockStyle): void {
  const lineGap = lineGapFor(doc, style.size);
  const lines: TextRun[][] = [[]];
  for (const run of runs) {
    if (run.text === '\n') lines.push([]);
    else lines[lines.length - 1].push(run);
  }
  doc.x = x;
  for (const line of lines) {
    if (!line.length) {
      doc.y += style.size * LINE_HEIGHT;
      continue;
    }
    // pdfkit cannot justify text whose words are spread over several `continued` calls (the word spacing is
    // computed per call, so lines come out ragged or overfull): a line of mixed styles is set flush left instead.
    const align = line.length > 1 && style.align === 'justify' ? 'left' : style.align;
    line.forEach((run, i) => {
      doc.font(fontName(style.bold || run.bold === true, style.italic || run.italic === true)).fontSize(style.size);
      const options: PDFKit.Mixins.TextOptions = { width, align, lineGap, continued: i < line.length - 1 };
      if (i === 0) doc.text(run.text, x, doc.y, options);
      else doc.text(run.text, options);
    });
  }
  doc.x = MARGINS.left;
}

/** Column widths for `width` points: natural widths where they fit, otherwise shared by how much each column needs. */
function columnWidths(doc: Doc, block: TableBlock, width: number): number[] {
  const columns = Math.max(...block.rows.map((r) => r.cells.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  const natural = new Array<number>(columns).fill(0);
  const minimum = new Array<number>(columns).fill(0);
  const padding = CELL_PADDING.left + CELL_PADDING.right + BORDER;
  doc.fontSize(BODY_SIZE);
  for (const row of block.rows) {
    let col = 0;
    for (const cell of row.cells) {
      const span = cell.colspan ?? 1;
      if (span === 1) {
        doc.font(fontName(cell.header === true || isAllBold(cell.runs), false));
        const lines = plainText(cell.runs).split('\n');
        const longestLine = Math.max(0, ...lines.map((l) => doc.widthOfString(l)));
        const longestWord = Math.max(0, ...lines.flatMap((l) => l.split(/\s+/)).map((w) => doc.widthOfString(w)));
        natural[col] = Math.max(natural[col], longestLine + padding);
        minimum[col] = Math.max(minimum[col], Math.min(longestWord + padding, width / columns));
      }
      col += span;
    }
  }
  for (let i = 0; i < columns; i++) {
    natural[i] = Math.max(natural[i], minimum[i], 2 * padding);
  }
  const sumNatural = natural.reduce((a, b) => a + b, 0);
  // `width: 100%`: extra room is shared in proportion to natural widths, as a browser's auto table layout does.
  if (sumNatural <= width) return natural.map((w) => (w * width) / sumNatural);
  const sumMinimum = minimum.reduce((a, b) => a + b, 0);
  if (sumMinimum >= width) return new Array<number>(columns).fill(width / columns);
  const flexible = sumNatural - sumMinimum;
  return natural.map((w, i) => minimum[i] + ((w - minimum[i]) * (width - sumMinimum)) / flexible);
}

function isAllBold(runs: TextRun[]): boolean {
  const text = runs.filter((r) => r.text.trim() && r.text !== '\n');
  return text.length > 0 && text.every((r) => r.bold);
}

function isAllItalic(runs: TextRun[]): boolean {
  const text = runs.filter((r) => r.text.trim() && r.text !== '\n');
  return text.length > 0 && text.every((r) => r.italic);
}

/**
 * A table with pdfkit's own table layout (rows move to the next page whole). A cell is drawn in one font: bold for
 * `<th>` or a cell that is bold throughout; mixed bold and plain inside one cell prints plain (a known limit).
 */
function drawTable(doc: Doc, block: TableBlock): void {
  const levels = Math.min(block.indent ?? 0, MAX_INDENT_LEVELS);
  const x = MARGINS.left + levels * INDENT;
  const width = contentWidth(doc) - levels * INDENT;
  const widths = columnWidths(doc, block, width);
  const lineGap = lineGapFor(doc, BODY_SIZE);
  ensureRoom(doc, BODY_SIZE * LINE_HEIGHT + CELL_PADDING.top + CELL_PADDING.bottom);
  doc.table({
    position: { x, y: doc.y },
    maxWidth: width,
    columnStyles: widths.map((w) => ({ width: w })),
    defaultStyle: {
      border: BORDER,
      borderColor: 'black',
      padding: CELL_PADDING,
      align: { x: 'left', y: 'top' },
      font: { size: BODY_SIZE },
      textOptions: { lineGap },
    },
    data: block.rows.map((row) =>
      row.cells.map((cell) => ({
        text: plainText(cell.runs),
        colSpan: cell.colspan ?? 1,
        type: cell.header ? 'TH' : 'TD',
        font: { src: fontName(cell.header === true || isAllBold(cell.runs), isAllItalic(cell.runs)), size: BODY_SIZE },
      })),
    ),
  } as unknown as Parameters<Doc['table']>[0]);
  doc.x = MARGINS.left;
}

/** "06.12.2026 11:30" from a local ISO instant, as written (no time zone arithmetic: the offset is the provider's). */
function localDateTime(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/**
 * The final block of an issued document, kept whole on one page: on the left the QR code holding the verification
 * URL (drawn as vector squares, so the bytes depend only on the URL), on the right the number, the issuer, the
 * signature block (who decided, in which role, when) and the URL in words.
 */
function drawSeal(doc: Doc, seal: PdfSeal, lang: 'kk' | 'ru'): void {
  const words = SEAL_WORDS[lang];
  const qr = QRCode.create(seal.verifyUrl, { errorCorrectionLevel: 'M' });
  const textX = MARGINS.left + QR_SIZE + 12;
  const textWidth = contentWidth(doc) - QR_SIZE - 12;
  const size = 10;
  const lines: Array<{ text: string; bold?: boolean }> = [
    { text: `${words.number}: ${seal.number}`, bold: true },
    { text: `${words.issuer}: ${seal.issuer}` },
    seal.signature
      ? {
          text: `${words.decided}: ${seal.signature.name}, ${seal.signature.role}, ${localDateTime(seal.signature.at)}`,
        }
      : { text: words.automatic },
    { text: `${words.verify}: ${seal.verifyUrl}` },
  ];
  const lineGap = lineGapFor(doc, size);
  const textHeight = lines.reduce((h, l) => {
    doc.font(fontName(l.bold === true, false)).fontSize(size);
    return h + doc.heightOfString(l.text, { width: textWidth, lineGap });
  }, 0);
  const height = Math.max(QR_SIZE, textHeight) + 2 * BODY_SIZE;
  ensureRoom(doc, height);
  const top = doc.y + 2 * BODY_SIZE;
  const n = qr.modules.size;
  const cell = QR_SIZE / n;
  doc.save();
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(row, col)) doc.rect(MARGINS.left + col * cell, top + row * cell, cell, cell);
  doc.fill('black');
  doc.restore();
  doc.y = top;
  for (const l of lines) {
    doc.font(fontName(l.bold === true, false)).fontSize(size);
    doc.text(l.text, textX, doc.y, { width: textWidth, lineGap, align: 'left' });
  }
  doc.x = MARGINS.left;
  doc.y = Math.max(doc.y, top + QR_SIZE);
}

/** Writes "n / total" centred in the bottom margin of every page, once the page count is known. */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(FOOTER_SIZE);
    doc.text(
      `${i - range.start + 1} / ${range.count}`,
      MARGINS.left,
      doc.page.height - MARGINS.bottom / 2 - FOOTER_SIZE / 2,
      {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
}
