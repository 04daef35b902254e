import { Parser } from 'htmlparser2';

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
/** Elements whose content is not document text; `title` is given to the PDF by the caller, not printed. */
const HIDDEN = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'template', 'noscript']);
const BOLD = new Set(['strong', 'b']);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn']);
const LIST = new Set(['ul', 'ol']);
const HEADING = /^h([1-6])$/;
/**
 * Nesting limit: deeper elements are not framed (their text is kept, their block structure is not). It keeps every
 * walk of our stack short; htmlparser2's own stack still costs O(depth) per tag, which only a template author, never
 * the escaped application data, can make deep.
 */
const MAX_DEPTH = 256;

/**
 * Reads the HTML of a Qyzmet output document (the subset the engine's templates produce: h1–h3, p, strong, em, br,
 * ol/ul/li, blockquote, table/tr/th/td, span, div) into a flat list of blocks for a layout engine. htmlparser2 does
 * the reading — tags, attributes, character references, comments, raw text of `<style>` and `<script>`, the end
 * tags an HTML parser implies (`<p>a<p>b`, `<li>x<li>y`, `<td>1<td>2`) — and this module only turns its balanced
 * open/close events into blocks. It never throws, unknown elements keep their text, `<style>`, `<script>` and
 * `<title>` are dropped, and whitespace collapses as in HTML.
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
  /** The open elements, innermost last; htmlparser2 closes them in reverse order of opening. */
  const stack: Frame[] = [];
  /** Open elements left out of `stack`: beyond MAX_DEPTH, or inside a HIDDEN element. */
  let unframed = 0;
  let pending: TextRun[] = [];
  let bold = 0;
  let italic = 0;
  let hidden = 0;
  let openTables = 0;
  /** The marker of the list item whose first block is not written yet. */
  let marker: { text: string; frame: Frame } | undefined;
  let table: { rows: TableRow[]; row?: TableRow; cell?: TableCell; indent: number; frame: Frame } | undefined;
  /** The row and cell elements of the outermost table (a nested table is only text of its cell). */
  let cellFrame: Frame | undefined;
  let rowFrame: Frame | undefined;

  const context = (): { indent: number; quote: boolean; classes: string[]; heading?: 1 | 2 | 3 } => {
    let indent = 0;
    let quote = false;
    let classes: string[] | undefined;
    let heading: 1 | 2 | 3 | undefined;
    for (let i = stack.length - 1; i >= 0; i--) {
      const { name } = stack[i];
      if (LIST.has(name)) indent++;
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

  const text = (data: string): void => {
    if (hidden > 0) return;
    // Collapsed after htmlparser2 decoded the references, as CSS collapses the DOM's text (`&#10;` is a space too).
    const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
    if (!collapsed) return;
    pending.push({
      text: collapsed,
      ...(bold > 0 ? { bold: true as const } : {}),
      ...(italic > 0 ? { italic: true as const } : {}),
    });
  };

  const open = (name: string, attrs: Record<string, string>): void => {
    // Styles and hiding count by name, framed or not, so that they hold at any depth.
    if (HIDDEN.has(name)) hidden++;
    if (BOLD.has(name)) bold++;
    if (ITALIC.has(name)) italic++;
    if (name === 'br' && hidden === 0) pending.push({ text: '\n' });
    if (name === 'img' && attrs.alt) text(attrs.alt);
    if (unframed > 0 || hidden > 0 || stack.length >= MAX_DEPTH) {
      unframed++;
      return;
    }

    if (BLOCK.has(name)) flush();
    const frame: Frame = { name, classes: classList(attrs.class) };
    if (name === 'ol') {
      frame.counter = integer(attrs.start) ?? 1;
    } else if (name === 'li') {
      const lists = stack.filter((f) => LIST.has(f.name));
      const list = lists[lists.length - 1];
      let markerText = lists.length > 1 ? '–' : '•';
      if (list?.name === 'ol') {
        const n = integer(attrs.value) ?? list.counter ?? 1;
        list.counter = n + 1;
        markerText = `${n}.`;
      }
      marker = { text: markerText, frame };
    } else if (name === 'table') {
      openTables++;
      if (!table) table = { rows: [], indent: context().indent, frame };
    } else if (name === 'tr' && table && openTables === 1) {
      finishRow();
      table.row = { cells: [] };
      rowFrame = frame;
    } else if ((name === 'td' || name === 'th') && table && openTables === 1) {
      finishCell();
      const span = integer(attrs.colspan);
      table.cell = {
        runs: [],
        ...(name === 'th' ? { header: true as const } : {}),
        ...(span !== undefined && span > 1 ? { colspan: Math.min(span, 64) } : {}),
      };
      cellFrame = frame;
    }
    stack.push(frame);
  };

  const close = (name: string): void => {
    if (HIDDEN.has(name)) hidden--;
    if (BOLD.has(name)) bold--;
    if (ITALIC.has(name)) italic--;
    if (unframed > 0) {
      unframed--;
      return;
    }
    const frame = stack[stack.length - 1];
    if (!frame) return;
    if (BLOCK.has(frame.name)) flush(); // while the frame is open: its text takes its classes
    stack.pop();
    if (frame.name === 'table') openTables--;
    if (frame === table?.frame) {
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
    if (frame === cellFrame) {
      finishCell();
      cellFrame = undefined;
    } else if (frame === rowFrame) {
      finishRow();
      rowFrame = undefined;
    }
    if (frame.name === 'li' && marker?.frame === frame) {
      // An empty item still shows its number, so that the numbering on paper matches the HTML.
      blocks.push(paragraph([], context(), takeMarker()));
    }
  };

  new Parser({ onopentag: open, onclosetag: close, ontext: text }).end(source);
  flush();
  return blocks;
}

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

function integer(value: string | undefined): number | undefined {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : undefined;
}

function classList(value: string | undefined): string[] {
  return value ? value.split(/[ \t\n\r\f]+/).filter(Boolean) : [];
}
