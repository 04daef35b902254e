// fontkit ships no types; pdfkit (which depends on it) takes its parsed fonts as they are.
declare module 'fontkit' {
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    positions: GlyphPosition[];
  }
  export interface Glyph {
    _decode(): unknown;
  }
  /** A parsed font; pdfkit recognises one by its `layout` method. */
  export interface Font {
    getGlyph(id: number, characters?: number[]): Glyph | null;
    layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRun;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
