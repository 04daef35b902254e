// The documents module: the only place that imports handlebars (one adapter per library).
export { createDocumentRenderer } from './createDocumentRenderer';
export type { CompiledTemplate, DocumentRenderer } from './createDocumentRenderer';
export { renderDocument, DOCUMENT_CSS } from './renderDocument';
export { REFUSAL_NOTICE_TEMPLATES, REFUSAL_NOTICE_DOCUMENT_ID } from './refusalNotice';
export { DocumentError, toDocumentProblem } from './DocumentError';
export type { DocumentErrorCode, DocumentProblem, TemplateLocation } from './DocumentError';
export type {
  DocumentContext,
  DocumentLang,
  DocumentLegalRef,
  DocumentRefusalGround,
  LocalizedText,
} from './DocumentContext';
export { formatDate, formatDateTime, parseLocalDateTime } from './formatDate';
export type { LocalDateTime } from './formatDate';
export { formatNumber, formatMoney } from './formatNumber';
export { formatLegalRef, formatValue, localize } from './documentHelpers';
