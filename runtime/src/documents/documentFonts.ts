import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The TrueType files of one family, read into memory. */
export interface DocumentFonts {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
}

let cached: DocumentFonts | undefined;

/**
 * DejaVu Serif from the `dejavu-fonts-ttf` package, read once per process. DejaVu carries every letter of the
 * Kazakh Cyrillic alphabet (ә ғ қ ң ө ұ ү һ і) and is free to embed; the 14 standard PDF fonts have no Cyrillic
 * at all. The files ship with the package, so nothing is downloaded at run time.
 *
 * @example
 * const { regular } = loadDocumentFonts(); // a Buffer of DejaVuSerif.ttf, the same Buffer on every call
 */
export function loadDocumentFonts(): DocumentFonts {
  if (cached) return cached;
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const read = (file: string): Buffer => readFileSync(join(dir, file));
  cached = {
    regular: read('DejaVuSerif.ttf'),
    bold: read('DejaVuSerif-Bold.ttf'),
    italic: read('DejaVuSerif-Italic.ttf'),
    boldItalic: read('DejaVuSerif-BoldItalic.ttf'),
  };
  return cached;
}
