import { createDocumentRenderer, isProblemError, type CompiledVersion, type VersionDef } from '@qyzmet/engine';

/**
 * Document templates as the documents editor shows them: the placeholders a template may use (the form's fields with
 * their labels, the application's facts the engine puts in a document's context), the insertion of one at the cursor,
 * and a version whose template is replaced by the text being tried, for the engine's own rendering (`simulate`).
 */

type Lang = 'kk' | 'ru' | 'en';
type I18nText = { kk?: string; ru?: string; en?: string };

/** One entry of the placeholder picker: what is inserted, and its name for the analyst. */
export interface Placeholder {
  /** The data path, e.g. 'data.applicant.fullName', 'deadlines.service'. */
  path: string;
  /** The Handlebars text inserted at the cursor, a helper applied where the value needs formatting. */
  insert: string;
  group: 'form' | 'application';
  /** The field's label chain in the reader's language (form fields). */
  label?: string;
  /** The interface text naming an application fact, with its parameters (application facts). */
  labelKey?: string;
  params?: Record<string, string>;
}

const textIn = (t: I18nText | undefined, lang: Lang) => (t ? (lang === 'en' ? (t.en ?? t.ru) : t[lang]) : undefined);

/** A path segment as Handlebars reads it: ids with a dot are written as a literal segment `[a.b]`. */
const segment = (key: string) => (/^[A-Za-z0-9_$-]+$/.test(key) ? key : `[${key.replace(/]/g, '')}]`);

/** The helper that prints a field's value the way documents print it (dates in words, numbers grouped). */
function helperFor(schema: Record<string, unknown>): string | null {
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'datetime';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  return null;
}

const mustache = (path: string, helper: string | null) => (helper ? `{{${helper} ${path}}}` : `{{${path}}}`);

/**
 * The form's fields as placeholders, in the form's order, nested objects walked (their label prefixes the field's).
 * A list is offered whole as `{{#each}}` over its items. Odd schemas (an `$include`, a missing `properties`) give
 * fewer entries, never an error.
 */
export function formPlaceholders(form: unknown, lang: Lang): Placeholder[] {
  const out: Placeholder[] = [];
  const walk = (schema: unknown, path: string, labels: string[]) => {
    if (!schema || typeof schema !== 'object') return;
    const props = (schema as { properties?: unknown }).properties;
    if (!props || typeof props !== 'object') return;
    for (const [key, raw] of Object.entries(props as Record<string, unknown>)) {
      if (!raw || typeof raw !== 'object') continue;
      const field = raw as Record<string, unknown>;
      const at = `${path}.${segment(key)}`;
      const label = [...labels, textIn(field['x-label'] as I18nText | undefined, lang) ?? key];
      if (field.type === 'object' || field.properties) walk(field, at, label);
      else if (field.type === 'array')
        out.push({ path: at, insert: `{{#each ${at}}}{{this}} {{/each}}`, group: 'form', label: label.join(' › ') });
      else out.push({ path: at, insert: mustache(at, helperFor(field)), group: 'form', label: label.join(' › ') });
    }
  };
  walk(form, 'data', []);
  return out;
}

/**
 * What the engine puts in every document's context besides the form (engine/src/documents/DocumentContext.ts and
 * renderIssuedDocument): the application's number and registration, the version's deadlines, the issue date, the
 * service and its provider, and the grounds of a refusal.
 */
export function applicationPlaceholders(version: Pick<VersionDef, 'deadlines'>, lang: Lang): Placeholder[] {
  const fact = (path: string, insert: string, labelKey: string, params?: Record<string, string>): Placeholder => ({
    path,
    insert,
    group: 'application',
    labelKey,
    ...(params ? { params } : {}),
  });
  const deadlines = Array.isArray(version.deadlines) ? version.deadlines : [];
  return [
    fact('application.id', '{{application.id}}', 'phNumber'),
    fact('application.registeredAt', '{{datetime application.registeredAt}}', 'phRegisteredAt'),
    fact('now', '{{date now}}', 'phIssuedOn'),
    ...deadlines
      .filter((d) => d && typeof d.id === 'string')
      .map((d) => {
        const path = `deadlines.${segment(d.id)}`;
        return fact(path, `{{datetime ${path}}}`, 'phDeadline', { name: textIn(d.label, lang) ?? d.id });
      }),
    fact('service.label', '{{t service.label}}', 'phService'),
    fact('service.provider.label', '{{t service.provider.label}}', 'phProvider'),
    fact(
      'refusal.grounds',
      '{{#each refusal.grounds}}<p>{{legalRef legalRef}}: {{t message}}</p>{{/each}}',
      'phRefusalGrounds',
    ),
  ];
}

/** The text with a snippet put in place of the selection, and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, snippet: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + snippet + text.slice(to), caret: from + snippet.length };
}

/** The file a compiled document's template was read from (resolved from the service definition), if it compiled. */
export function templateFileOf(compiled: CompiledVersion | undefined, documentId: string, lang: 'kk' | 'ru') {
  return compiled?.documents.get(documentId)?.templates[lang]?.where.file;
}

/** One renderer for every trial: its Handlebars environment is built once. */
let renderer: ReturnType<typeof createDocumentRenderer> | undefined;

/** A template error where the analyst reads it: the engine's message, with its line and column. */
export interface TemplateError {
  message: string;
  line?: number;
  column?: number;
}

/**
 * The compiled version with one document's template replaced by a text being tried, compiled by the engine's own
 * document renderer (the checks of a definition's templates included), so `simulate` renders it as it would the file.
 */
export function withTemplateText(
  compiled: CompiledVersion,
  documentId: string,
  lang: 'kk' | 'ru',
  text: string,
): { version: CompiledVersion; error?: undefined } | { version?: undefined; error: TemplateError } {
  const doc = compiled.documents.get(documentId);
  if (!doc) return { error: { message: `document "${documentId}" did not compile` } };
  renderer ??= createDocumentRenderer();
  try {
    const template = renderer.compile(text, { ...doc.templates[lang].where });
    const documents = new Map(compiled.documents);
    documents.set(documentId, { ...doc, templates: { ...doc.templates, [lang]: template } });
    return { version: { ...compiled, documents } };
  } catch (e) {
    if (!isProblemError(e)) return { error: { message: (e as Error).message } };
    const { message, line, column } = e.problem;
    return { error: { message, line, column } };
  }
}

/** A document's wording in one language as a version writes it: a file path, or the text itself. */
export type WordingSource = { file: string } | { text: string } | null;

/** What `templates[lang]` holds: a path (the format's files), `{ text }` (a draft's own wording), or nothing usable. */
export function wordingSource(value: unknown): WordingSource {
  if (typeof value === 'string') return { file: value };
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string')
    return { text: (value as { text: string }).text };
  return null;
}

/**
 * Whether the definition format lets a version carry a document's wording itself (`{ "text": … }` beside the file
 * form), read from the engine's meta-schema: the editor then saves the wording into the draft instead of a trial.
 */
export function inlineWordingAllowed(schema: unknown): boolean {
  const defs = (schema as { $defs?: Record<string, unknown> } | undefined)?.$defs ?? {};
  const deref = (node: unknown): unknown => {
    const ref = (node as { $ref?: unknown } | undefined)?.$ref;
    return typeof ref === 'string' && ref.startsWith('#/$defs/') ? defs[ref.slice('#/$defs/'.length)] : node;
  };
  const doc = defs.document as { properties?: { templates?: { properties?: { kk?: unknown } } } } | undefined;
  const kk = deref(doc?.properties?.templates?.properties?.kk) as { oneOf?: unknown[]; anyOf?: unknown[] } | undefined;
  return [...(kk?.oneOf ?? []), ...(kk?.anyOf ?? [])].some(
    (alt) => !!(deref(alt) as { properties?: { text?: unknown } } | undefined)?.properties?.text,
  );
}
