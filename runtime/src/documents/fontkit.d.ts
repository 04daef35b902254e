// fontkit ships no types; pdfkit (which depends on it) takes its parsed fonts as they are.
declare module 'fontkit' {
  /** A parsed font; pdfkit recognises one by its `layout` method. */
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
