import { decodeHtmlEntities } from './decodeHtmlEntities';

/** A piece of text in one style. A line break (`<br>`) is a run whose text is exactly `'\n'`. */
export interface TextRun {
  text: string;
  bold?: true;
  italic?: true;
}

/** `<h1>`…`<h3>` (`<h4>`–`<h6>` are read as level 3). */
export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  runs: TextRun[];
}

/**
 * A paragraph: a `<p>`, or text standing directly in a list item, a blockquote, a div or the page.
 * `classes` are those of the innermost block element holding the text (`signature`, `legal-ref`, `note`…);
 * `indent` counts the lists and blockquotes around it; `marker` ('1.', '•') is set on the first block of a list item.
 */
export interface ParagraphBlock {
  type: 'paragraph';
  runs: TextRun[];
  classes?: string[];
  indent?: number;
  marker?: string;
  quote?: true;
}

export interface TableCell {
  /** The cell's text; paragraphs and line breaks inside the cell become `'\n'` runs. */
  runs: TextRun[];
  header?: true;
  colspan?: number;
}

export interface TableRow {
  cells: TableCell[];
}

/** A table; a table nested in a cell is flattened into that cell's text. */
export interface TableBlock {
  type: 'table';
  rows: TableRow[];
  indent?: number;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

interface Frame {
  name: string;
  classes: string[];
  /** Next number of an `<ol>`. */
  counter?: number;
}

/** Elements whose start or end ends the current run of inline text. */
const BLOCK = new Set([
  'html',
  'body',
  'main',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'div',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'address',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'pre',
  'hr',
  'form',
  'fieldset',
  'center',
  'head',
]);
const VOID = new Set([
  'br',
  'hr',
  'img',
  'meta',
  'link',
  'input',
  'wbr',
  'area',
  'base',
  'col',
  'embed',
  'param',
  'source',
  'track',
]);
/** Elements whose content is not document text; `title` is given to the PDF by the caller, not printed. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'template', 'noscript']);
const BOLD = new Set(['strong', 'b']);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn']);
const HEADING = /^h([1-6])$/;
/** Block elements that close an open `<p>`, as an HTML parser does (`<p>a<ul>` ends the paragraph). */
const CLOSES_P = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'blockquote',
  'div',
  'table',
  'hr',
  'pre',
  'dl',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'figure',
]);
/**
 * Nesting limit: deeper start tags are ignored (their text is kept). It keeps every stack walk short, so a hostile
 * or broken page costs linear time.
 */
const MAX_DEPTH = 256;
/** A tag longer than this is not a tag: its `<` is read as text. */
const MAX_TAG_LENGTH = 4096;

/**
 * Reads the HTML of a Qyzmet output document (the subset the engine's templates produce: h1–h3, p, strong, em, br,
 * ol/ul/li, blockquote, table/tr/th/td, span, div) into a flat list of blocks for a layout engine. It is not a
 * browser: it never throws, unknown elements keep their text, `<head>`, `<style>`, `<script>` and `<title>` are
 * dropped, whitespace collapses as in HTML, character references are decoded, unclosed and stray end tags are
 * tolerated, and no DOM library is needed.
 *
 * @example
 * htmlToBlocks('<h1>Анықтама</h1><p>Берілді: <strong>Сейітов&nbsp;А.</strong></p><ol><li>бір</li></ol>')
 * // [{ type: 'heading', level: 1, runs: [{ text: 'Анықтама' }] },
 * //  { type: 'paragraph', runs: [{ text: 'Берілді: ' }, { text: 'Сейітов\u00a0А.', bold: true }] },
 * //  { type: 'paragraph', runs: [{ text: 'бір' }], indent: 1, marker: '1.' }]
 */
export function htmlToBlocks(html: string): Block[] {
  const source = typeof html === 'string' ? html : String(html ?? '');
  const blocks: Block[] = [];
  const stack: Frame[] = [];
  const openCount = new Map<string, number>();
  let pending: TextRun[] = [];
  let bold = 0;
  let italic = 0;
  let hidden = 0;
  /** The marker of the list item whose first block is not written yet. */
  let marker: { text: string; frame: Frame } | undefined;
  let table: { rows: TableRow[]; row?: TableRow; cell?: TableCell; indent: number; frame: Frame } | undefined;
  /** The row and cell elements of the outermost table (a nested table is only text of its cell). */
  let cellFrame: Frame | undefined;
  let rowFrame: Frame | undefined;

  const push = (frame: Frame): void => {
    stack.push(frame);
    openCount.set(frame.name, (openCount.get(frame.name) ?? 0) + 1);
    if (BOLD.has(frame.name)) bold++;
    if (ITALIC.has(frame.name)) italic++;
    if (frame.name === 'head') hidden++;
  };

  const context = (): { indent: number; quote: boolean; classes: string[]; heading?: 1 | 2 | 3 } => {
    let indent = 0;
    let quote = false;
    let classes: string[] | undefined;
    let heading: 1 | 2 | 3 | undefined;
    for (let i = stack.length - 1; i >= 0; i--) {
      const { name } = stack[i];
      if (name === 'ul' || name === 'ol') indent++;
      else if (name === 'blockquote') {
        indent++;
        quote = true;
      }
      if (classes === undefined && BLOCK.has(name)) classes = stack[i].classes;
      const h = HEADING.exec(name);
      if (h && heading === undefined) heading = Math.min(3, Number(h[1])) as 1 | 2 | 3;
    }
    return { indent, quote, classes: classes ?? [], ...(heading !== undefined ? { heading } : {}) };
  };

  const takeMarker = (): string | undefined => {
    const text = marker?.text;
    marker = undefined;
    return text;
  };

  const paragraph = (
    runs: TextRun[],
    ctx: ReturnType<typeof context>,
    markerText: string | undefined,
  ): ParagraphBlock => ({
    type: 'paragraph',
    runs,
    ...(ctx.classes.length ? { classes: [...ctx.classes] } : {}),
    ...(ctx.indent ? { indent: ctx.indent } : {}),
    ...(markerText !== undefined ? { marker: markerText } : {}),
    ...(ctx.quote ? { quote: true as const } : {}),
  });

  /** Ends the current run of inline text: into the open table cell, or as a block of its own. */
  const flush = (): void => {
    const runs = normalizeRuns(pending);
    pending = [];
    if (!runs.length) return;
    if (table?.cell) {
      const cell = table.cell;
      if (cell.runs.length && cell.runs[cell.runs.length - 1].text !== '\n') cell.runs.push({ text: '\n' });
      cell.runs.push(...runs);
      return;
    }
    const ctx = context();
    if (ctx.heading !== undefined && !table) {
      blocks.push({ type: 'heading', level: ctx.heading, runs });
      return;
    }
    // Text inside a table but outside its cells (a caption, stray text) is written before the table, as browsers do:
    // the table block itself is pushed when the table ends.
    blocks.push(paragraph(runs, ctx, table ? undefined : takeMarker()));
  };

  const finishCell = (): void => {
    if (!table?.cell) return;
    const cell = table.cell;
    while (cell.runs.length && cell.runs[cell.runs.length - 1].text === '\n') cell.runs.pop();
    if (!table.row) table.row = { cells: [] };
    table.row.cells.push(cell);
    table.cell = undefined;
  };

  const finishRow = (): void => {
    if (!table) return;
    finishCell();
    if (table.row?.cells.length) table.rows.push(table.row);
    table.row = undefined;
  };

  const pop = (): void => {
    const frame = stack[stack.length - 1];
    if (BLOCK.has(frame.name) || frame.name === 'br') flush();
    stack.pop();
    openCount.set(frame.name, (openCount.get(frame.name) ?? 1) - 1);
    if (BOLD.has(frame.name)) bold--;
    if (ITALIC.has(frame.name)) italic--;
    if (frame.name === 'head') hidden--;
    if (table) {
      if (frame === table.frame) {
        finishRow();
        const done = table;
        table = undefined;
        if (done.rows.length) {
          const m = takeMarker();
          if (m !== undefined) blocks.push(paragraph([], { ...context(), indent: done.indent }, m));
          blocks.push({ type: 'table', rows: done.rows, ...(done.indent ? { indent: done.indent } : {}) });
        }
        return;
      }
      if ((frame.name === 'td' || frame.name === 'th') && frame === cellFrame) {
        finishCell();
        cellFrame = undefined;
      } else if (frame.name === 'tr' && frame === rowFrame) {
        finishRow();
        rowFrame = undefined;
      }
    }
    if (frame.name === 'li' && marker?.frame === frame) {
      // An empty item still shows its number, so that the numbering on paper matches the HTML.
      blocks.push(paragraph([], context(), takeMarker()));
    }
  };

  const popTo = (frame: Frame): void => {
    while (stack.length && stack[stack.length - 1] !== frame) pop();
    if (stack.length) pop();
  };

  /** The innermost open element named in `names`, searched no further than an element named in `stopAt`. */
  const findOpen = (names: ReadonlySet<string>, stopAt: ReadonlySet<string>): Frame | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (names.has(stack[i].name)) return stack[i];
      if (stopAt.has(stack[i].name)) return undefined;
    }
    return undefined;
  };

  const text = (raw: string): void => {
    if (!raw) return;
    if (hidden > 0) {
      if (!/[^ \t\n\r\f]/.test(raw)) return;
      // Text cannot stand in <head>: a browser moves it to the body, and so do we rather than lose it.
      const head = stack.find((f) => f.name === 'head');
      if (head) popTo(head);
    }
    const collapsed = decodeHtmlEntities(raw.replace(/[ \t\n\r\f]+/g, ' '));
    if (!collapsed) return;
    pending.push({
      text: collapsed,
      ...(bold > 0 ? { bold: true as const } : {}),
      ...(italic > 0 ? { italic: true as const } : {}),
    });
  };

  const startTag = (name: string, attrs: string, selfClosing: boolean): void => {
    if (name === 'br') {
      if (hidden === 0) pending.push({ text: '\n' });
      return;
    }
    if (name === 'img') {
      const alt = attribute(attrs, 'alt');
      if (alt) text(alt);
      return;
    }
    if (VOID.has(name)) {
      if (BLOCK.has(name)) flush();
      return;
    }
    if (stack.length >= MAX_DEPTH) return;

    // Implied end tags, as an HTML parser inserts them for the elements our documents use.
    const head = hidden > 0 ? stack.find((f) => f.name === 'head') : undefined;
    if (head) popTo(head); // any body element ends <head>, even when </head> is missing
    if (CLOSES_P.has(name)) {
      const p = findOpen(P, P_SCOPE);
      if (p) popTo(p);
    }
    if (HEADING.test(name) && stack.length && HEADING.test(stack[stack.length - 1].name)) pop();
    if (name === 'li') {
      const li = findOpen(LI, LIST_SCOPE);
      if (li) popTo(li);
    } else if (name === 'tr' && table) {
      const tr = findOpen(TR, TABLE_SCOPE);
      if (tr) popTo(tr);
    } else if ((name === 'td' || name === 'th') && table) {
      const cell = findOpen(CELL, ROW_SCOPE);
      if (cell) popTo(cell);
    }

    if (BLOCK.has(name)) flush();
    const frame: Frame = { name, classes: classList(attribute(attrs, 'class')) };

    if (name === 'ol') {
      const start = Number.parseInt(attribute(attrs, 'start') ?? '', 10);
      frame.counter = Number.isFinite(start) ? start : 1;
    } else if (name === 'li') {
      const list = findOpen(LIST, NONE);
      let markerText = '•';
      if (list?.name === 'ol') {
        const value = Number.parseInt(attribute(attrs, 'value') ?? '', 10);
        const n = Number.isFinite(value) ? value : (list.counter ?? 1);
        list.counter = n + 1;
        markerText = `${n}.`;
      } else if (list) {
        const depth = stack.filter((f) => f.name === 'ul' || f.name === 'ol').length;
        markerText = depth > 1 ? '–' : '•';
      }
      marker = { text: markerText, frame };
    } else if (name === 'table') {
      if (!table) {
        table = { rows: [], indent: context().indent, frame };
      }
    } else if (name === 'tr' && table && (openCount.get('table') ?? 0) === 1) {
      finishRow();
      table.row = { cells: [] };
      rowFrame = frame;
    } else if ((name === 'td' || name === 'th') && table && (openCount.get('table') ?? 0) === 1) {
      finishCell();
      const span = Number.parseInt(attribute(attrs, 'colspan') ?? '', 10);
      table.cell = {
        runs: [],
        ...(name === 'th' ? { header: true as const } : {}),
        ...(Number.isFinite(span) && span > 1 ? { colspan: Math.min(span, 64) } : {}),
      };
      cellFrame = frame;
    }
    push(frame);
    if (selfClosing) popTo(frame);
  };

  const endTag = (name: string): void => {
    if (name === 'br') {
      startTag('br', '', true);
      return;
    }
    if (!(openCount.get(name) ?? 0)) {
      // A stray end tag changes nothing but still separates blocks (`a</p>b` is two paragraphs in a browser).
      if (BLOCK.has(name)) flush();
      return;
    }
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].name === name) {
        popTo(stack[i]);
        return;
      }
    }
  };

  let i = 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf('<', i);
    if (lt === -1) {
      text(source.slice(i));
      break;
    }
    if (lt > i) text(source.slice(i, lt));
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const next = source.charAt(lt + 1);
    if (next === '!' || next === '?') {
      const end = source.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const tag = readTag(source, lt);
    if (!tag) {
      text('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (tag.closing) {
      endTag(tag.name);
      continue;
    }
    if (RAW_TEXT.has(tag.name)) {
      // Skip to the matching end tag without reading tags inside (CSS and scripts may contain '<').
      if (tag.selfClosing) continue;
      const close = new RegExp(`</${tag.name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const m = close.exec(source);
      const endOfClose = m ? source.indexOf('>', m.index) : -1;
      i = endOfClose === -1 ? n : endOfClose + 1;
      continue;
    }
    startTag(tag.name, tag.attrs, tag.selfClosing);
  }
  while (stack.length) pop();
  flush();
  return blocks;
}

const NONE: ReadonlySet<string> = new Set();
const LIST: ReadonlySet<string> = new Set(['ul', 'ol']);
const LI: ReadonlySet<string> = new Set(['li']);
const TR: ReadonlySet<string> = new Set(['tr']);
const CELL: ReadonlySet<string> = new Set(['td', 'th']);
const P: ReadonlySet<string> = new Set(['p']);
const P_SCOPE: ReadonlySet<string> = new Set([
  'li',
  'td',
  'th',
  'table',
  'blockquote',
  'div',
  'ul',
  'ol',
  'main',
  'body',
  'section',
  'article',
]);
const LIST_SCOPE: ReadonlySet<string> = new Set(['ul', 'ol', 'table']);
const TABLE_SCOPE: ReadonlySet<string> = new Set(['table']);
const ROW_SCOPE: ReadonlySet<string> = new Set(['tr', 'table']);

/** Merges runs of one style, drops collapsible spaces at line starts and ends, as HTML whitespace rules do. */
function normalizeRuns(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  const trimEnd = (): void => {
    const last = out[out.length - 1];
    if (!last || last.text === '\n') return;
    last.text = last.text.replace(/ +$/, '');
    if (!last.text) out.pop();
  };
  let lineStart = true;
  for (const run of runs) {
    if (run.text === '\n') {
      trimEnd();
      out.push({ text: '\n' });
      lineStart = true;
      continue;
    }
    let t = run.text;
    const last = out[out.length - 1];
    if (lineStart || (last && last.text !== '\n' && last.text.endsWith(' '))) t = t.replace(/^ +/, '');
    if (!t) continue;
    if (last && last.text !== '\n' && last.bold === run.bold && last.italic === run.italic) last.text += t;
    else out.push({ ...run, text: t });
    lineStart = false;
  }
  trimEnd();
  // A paragraph made only of line breaks prints nothing in a browser either.
  return out.some((r) => r.text !== '\n') ? out : [];
}

/** Reads a start or end tag at `at` (the '<'); null when it is not a tag, so that the '<' is text. */
function readTag(
  source: string,
  at: number,
): { name: string; attrs: string; closing: boolean; selfClosing: boolean; end: number } | null {
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(source.slice(at, at + 64));
  if (!m) return null;
  let j = at + m[0].length;
  const limit = Math.min(source.length, at + MAX_TAG_LENGTH);
  let quote = '';
  for (; j < limit; j++) {
    const c = source[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  if (j >= limit) return null;
  const attrs = source.slice(at + m[0].length, j);
  return { name: m[2].toLowerCase(), attrs, closing: m[1] === '/', selfClosing: /\/\s*$/.test(attrs), end: j + 1 };
}

/** The decoded value of one attribute, or undefined. */
function attribute(attrs: string, name: string): string | undefined {
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
    if (m[1].toLowerCase() === name) return decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return undefined;
}

function classList(value: string | undefined): string[] {
  return value ? value.split(/[ \t\n\r\f]+/).filter(Boolean) : [];
}
