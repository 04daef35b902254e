// Output documents as PDF: the only place in the runtime that imports pdfkit (one adapter per library).
export { renderPdf } from './renderPdf';
export type { PdfMeta, PdfSeal } from './renderPdf';
export { issuedPdf } from './issuedPdf';
export { unsignedDocuments } from './signer';
export type { DocumentSigner } from './signer';
export { htmlToBlocks } from './htmlToBlocks';
export type { Block, HeadingBlock, ParagraphBlock, TableBlock, TableRow, TableCell, TextRun } from './htmlToBlocks';
export { loadDocumentFonts } from './documentFonts';
export type { DocumentFonts } from './documentFonts';
