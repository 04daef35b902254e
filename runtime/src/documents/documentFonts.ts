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

/** Words laid out per face before the cache starts afresh: a few documents' vocabulary, about 2.3 kB a word. */
const LAYOUT_CACHE_WORDS = 2000;

let faces: DocumentFaces | undefined;

/**
 * The faces parsed once per process, for every document. Given bytes, pdfkit parses the font anew for each
 * document, fontkit decodes its tables (glyph substitution and positioning above all) on first use, and pdfkit's
 * cache of laid-out words lasts one document: most of a render went there.
 *
 * Sharing needs care with the glyph cache: fontkit keeps each glyph with the characters it was first met for, and
 * subsetting meets a composite's parts (и inside й) with none; a later document laying text out through that cache
 * would map и to no text (a ToUnicode entry `<>`: pdftotext loses the letter, and the bytes depend on what was
 * rendered before). So text is laid out through a second view of the parsed font that has a glyph cache of its own
 * (and its own layout engine, which fontkit caches on the object asked) and is never subset; the decoded tables stay
 * shared, fontkit's table getters being bound to the parsed font. Its runs are cached per word across documents,
 * and the outlines that subsetting decodes are kept too.
 */
export function documentFaces(): DocumentFaces {
  if (faces) return faces;
  const fonts = loadDocumentFonts();
  const parsed = mapFaces((face) => fontkit.create(fonts[face]));
  // `_glyphs` is fontkit's glyph cache; should a later fontkit name it otherwise, each document parses anew (slower).
  if (typeof (parsed.regular as { _glyphs?: unknown })._glyphs !== 'object') return parsed;
  faces = mapFaces((face) => sharedAcrossDocuments(parsed[face]));
  return faces;
}

function sharedAcrossDocuments(font: fontkit.Font): fontkit.Font {
  // Subsetting decodes each glyph's outline (to find a composite's parts) anew for every document: once is enough.
  const getGlyph = font.getGlyph;
  font.getGlyph = function (this: fontkit.Font, id, characters) {
    const glyph = getGlyph.call(this, id, characters);
    if (glyph && !Object.hasOwn(glyph, '_decode')) {
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      glyph._decode = () => (decoded ??= decode());
    }
    return glyph;
  };
  const layoutView = Object.assign(Object.create(font) as fontkit.Font, { _glyphs: {} });
  const layout = font.layout.bind(layoutView);
  const words = new Map<string, fontkit.GlyphRun>();
  font.layout = (text, ...options) => {
    if (options.some((o) => o !== undefined)) return layout(text, ...options);
    let run = words.get(text);
    if (!run) {
      run = layout(text);
      if (words.size >= LAYOUT_CACHE_WORDS) words.clear();
      words.set(text, run);
    }
    // pdfkit scales a run's positions in place: it gets fresh copies over the cached run.
    const positions = run.positions.map((p) => new Position(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset));
    return Object.assign(Object.create(run) as fontkit.GlyphRun, { positions });
  };
  return font;
}

/**
 * A copy of fontkit's GlyphPosition, fields in its order (pdfkit scales them with for…in). Objects of one class keep
 * that loop fast; spread copies made it some ten times slower.
 */
class Position implements fontkit.GlyphPosition {
  constructor(
    public xAdvance: number,
    public yAdvance: number,
    public xOffset: number,
    public yOffset: number,
  ) {}
}

function mapFaces(f: (face: keyof DocumentFonts) => fontkit.Font): DocumentFaces {
  return { regular: f('regular'), bold: f('bold'), italic: f('italic'), boldItalic: f('boldItalic') };
}
