/** The public data shapes of the forms module. */

/** Languages of user-facing messages: Kazakh (state language), Russian (official), English. */
export type FormLang = 'kk' | 'ru' | 'en';

/** A text in the three languages. `kk` and `ru` are required in labels (both are used by state services). */
export interface LocalizedText {
  kk: string;
  ru: string;
  en?: string;
}

/**
 * Who supplies an item of the form (`x-source`); `gateway` = fetched by the provider from state information systems.
 */
export type FieldSource = 'applicant' | 'gateway' | 'officer';

/** Which identity of the applicant a field holds (`x-identity`). */
export type IdentityKind = 'fullName' | 'iin' | 'bin' | 'phone' | 'email';

/** The clause a field comes from (`x-legalRef`). Any object is accepted; these members are the usual ones. */
export interface FieldLegalRef {
  act?: string;
  paragraph?: string;
  annexRow?: string;
  seed?: string;
  lines?: [number, number];
  [key: string]: unknown;
}

/**
 * One error in application data. Same shape as the engine's `Problem` (code, message, pointer, params) plus the
 * messages in every language and the label of the field.
 */
export interface FormError {
  /** `form.<keyword>`, e.g. `form.required`, `form.format`, `form.pattern` */
  code: string;
  kind: 'user';
  /** JSON Pointer of the field in the data; for `required` / `dependentRequired` the pointer of the missing property,
   * for `additionalProperties` the pointer of the extra property. */
  pointer: string;
  /** The message in the requested language. */
  message: string;
  messages: { kk: string; ru: string; en: string };
  /** The params of the ajv error (e.g. `{ missingProperty }`, `{ format }`, `{ limit }`). */
  params: Record<string, unknown>;
  /** The `x-label` of the field, when the form gives one. */
  label?: LocalizedText;
}

/** One field of a form, as the admin UI and the coverage report see it. */
export interface FieldInfo {
  /** JSON Pointer of the field; items of an array are written with the segment `*`, e.g. `/children/*\/iin`. */
  pointer: string;
  label?: LocalizedText;
  /** Required whenever its parent object is present. */
  required: boolean;
  /** Required only under a condition: `if`/`then`/`else`, `dependentRequired`, an `anyOf`/`oneOf` branch. */
  conditional: boolean;
  /** JSON Schema `type` (types of a union joined by `|`). */
  type?: string;
  format?: string;
  source?: FieldSource;
  document: boolean;
  legalRef?: FieldLegalRef;
  /** The `x-description` of the field: what to write there, in more words than the label. */
  description?: LocalizedText;
  ui?: Record<string, unknown>;
  /** The applicant's own identity held by the field (`x-identity`): prefilled from the signed-in user. */
  identity?: IdentityKind;
  /** The field names what the application is about (`x-summary`). */
  summary?: boolean;
  /** Readable names of the enum's values (`x-enumLabels`). */
  enumLabels?: Record<string, LocalizedText>;
}

/** A form compiled once and validated many times. */
export interface CompiledForm {
  /** Validates application data; returns `[]` when the data is valid. */
  validate(data: unknown, lang: FormLang): FormError[];
  /** The first FORM_ERRORS_LIMIT errors and how many there were in all (a huge array can make thousands). */
  check(data: unknown, lang: FormLang): { errors: FormError[]; total: number };
  /** The flat list of fields of the form, in the order they are declared. */
  fields(): FieldInfo[];
}

/** Holds one ajv instance; compiles each form once. */
export interface FormCompiler {
  /**
   * Compiles a form (a JSON Schema 2020-12 with our `x-` annotations), cached by its content. `key` (e.g.
   * `serviceId@version`) is accepted for older callers and ignored: a name does not say the content is the same.
   * Throws a `ProblemError` (kind `definition`) when the schema is invalid or exceeds the form limits.
   */
  compile(schema: object, key?: string): CompiledForm;
}
