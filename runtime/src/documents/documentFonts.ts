import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

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

/** The same four faces parsed by fontkit (what pdfkit lays text out and subsets with). */
export type DocumentFaces = Record<keyof DocumentFonts, fontkit.Font>;

let parsed: DocumentFaces | undefined;

/**
 * One font object per face for one document, over tables parsed once per process. Given bytes, pdfkit parses the
 * font anew for every document, and fontkit decodes its tables (glyph substitution and positioning above all) on
 * first use: most of a render went there. A font object cannot simply be shared, though: fontkit caches glyphs with
 * the characters they were first met for, and subsetting meets a composite's parts (и inside й) with none, so the
 * next document would map that glyph to no text (a ToUnicode entry `<>`: pdftotext loses the letter, and the bytes
 * depend on what was rendered before). Each document therefore gets a view of the parsed font with its own glyph
 * cache (and its own layout engine, which fontkit caches on the object it is asked from); the decoded tables stay
 * shared, as fontkit's table getters are bound to the parsed font.
 */
export function documentFaces(): DocumentFaces {
  const fonts = loadDocumentFonts();
  parsed ??= mapFaces((face) => fontkit.create(fonts[face]));
  const shared = parsed;
  return mapFaces((face) => {
    const font = shared[face];
    // `_glyphs` is fontkit's glyph cache; should a later fontkit name it otherwise, parse anew (slower but right).
    if (typeof (font as { _glyphs?: unknown })._glyphs !== 'object') return fontkit.create(fonts[face]);
    return Object.assign(Object.create(font) as fontkit.Font, { _glyphs: {} });
  });
}

function mapFaces(f: (face: keyof DocumentFonts) => fontkit.Font): DocumentFaces {
  return { regular: f('regular'), bold: f('bold'), italic: f('italic'), boldItalic: f('boldItalic') };
}
