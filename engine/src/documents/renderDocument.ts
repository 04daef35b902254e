import Handlebars from 'handlebars';
import type { CompiledTemplate } from './createDocumentRenderer';
import type { DocumentContext } from './DocumentContext';
import { isLocalizedText, localize } from './documentHelpers';

/**
 * Print styles: A4 with the margins of office paperwork, and a serif stack whose first fonts carry the Kazakh
 * letters ә ғ қ ң ө ұ ү һ і (DejaVu Serif and Noto Serif do; Times New Roman lacks some on older systems).
 */
export const DOCUMENT_CSS = [
  '@page { size: A4; margin: 20mm 15mm 20mm 25mm; }',
  'html { background: #fff; }',
  'body { margin: 0 auto; max-width: 170mm; color: #000;',
  '  font-family: "DejaVu Serif", "Noto Serif", "PT Serif", "Liberation Serif", "Times New Roman", serif;',
  '  font-size: 12pt; line-height: 1.4; }',
  'h1, h2, h3 { text-align: center; font-weight: bold; margin: 0.8em 0 0.4em; }',
  'h1 { font-size: 14pt; } h2 { font-size: 12pt; }',
  'p { margin: 0.3em 0; text-align: justify; }',
  'table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }',
  '.signature { margin-top: 2em; } .legal-ref { font-style: italic; }',
  '@media print { body { max-width: none; } }',
].join('\n');

/**
 * Renders a compiled template into a complete printable HTML page (UTF-8, `lang` of the document, inline CSS,
 * no external resources so the page prints the same offline and converts to PDF without fetching anything).
 *
 * @example
 * const { html } = renderDocument(renderer.compile(text, { documentId: 'certificate', lang: 'kk' }), context);
 * html.startsWith('<!doctype html><html lang="kk">') // true
 */
export function renderDocument(compiled: CompiledTemplate, context: DocumentContext): { html: string } {
  const body = compiled.render(context);
  const label = context.service?.label;
  const title = isLocalizedText(label) ? localize(label, context.lang) : compiled.where.documentId;
  const html =
    `<!doctype html><html lang="${context.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${Handlebars.Utils.escapeExpression(title)}</title>` +
    `<style>\n${DOCUMENT_CSS}\n</style></head>` +
    `<body><main class="document" data-document-id="${Handlebars.Utils.escapeExpression(compiled.where.documentId)}">\n${body}\n</main></body></html>`;
  return { html };
}
