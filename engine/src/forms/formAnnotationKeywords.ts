import type { KeywordDefinition } from 'ajv';

/**
 * Our annotation keywords. They do not validate data; ajv's strict mode would reject them as unknown keywords, so they
 * are registered with a meta-schema that checks their own value when a form is compiled (an analyst's typo in
 * `x-source` is a definition error, not a silent no-op). JSON Schema's `title` / `description` stay plain strings.
 */

const localizedText = {
  type: 'object',
  properties: {
    kk: { type: 'string', minLength: 1 },
    ru: { type: 'string', minLength: 1 },
    en: { type: 'string' },
    ruStatus: { enum: ['official', 'working-translation'] },
  },
  required: ['kk', 'ru'],
  additionalProperties: false,
} as const;

export const formAnnotationKeywords: KeywordDefinition[] = [
  /** The label of the field, in kk / ru (/ en). */
  { keyword: 'x-label', metaSchema: localizedText },
  /** What to write in the field, in more words than its label: shown beside it. */
  { keyword: 'x-description', metaSchema: localizedText },
  /** UI hints: widget, order, placeholder, … (open: the admin UI owns their meaning). */
  {
    keyword: 'x-ui',
    metaSchema: {
      type: 'object',
      properties: {
        widget: { type: 'string' },
        order: { type: 'number' },
        placeholder: { anyOf: [{ type: 'string' }, localizedText] },
      },
    },
  },
  /** The clause the field comes from: { act, paragraph?, annexRow?, seed?, lines? }. Any object is accepted. */
  { keyword: 'x-legalRef', metaSchema: { type: 'object' } },
  /** Who supplies the item; `gateway` = fetched by the provider from state information systems. */
  { keyword: 'x-source', metaSchema: { enum: ['applicant', 'gateway', 'officer'] } },
  /** The item is an attached document (an electronic copy). */
  { keyword: 'x-document', metaSchema: { type: 'boolean' } },
  // Readable names of an enum's values, e.g. { "apartment": { "kk": "Пәтер", "ru": "Квартира" } }: forms and
  // documents show these, never the raw value.
  { keyword: 'x-enumLabels', metaSchema: { type: 'object', additionalProperties: localizedText } },
  // The field holds the applicant's own identity (never a representative's or a third party's): the applicant UI
  // prefills it from the signed-in user; fullName and iin/bin name the applicant in the officers' inbox.
  { keyword: 'x-identity', metaSchema: { enum: ['fullName', 'iin', 'bin', 'phone', 'email'] } },
  /** The field names what the application is about (cadastral number, object kind…): the inbox's "object" column. */
  { keyword: 'x-summary', metaSchema: { type: 'boolean' } },
];
