import {
  createDocumentRenderer,
  isProblemError,
  type ApplicationState,
  type Condition,
  type ConditionRef,
  type VersionDef,
} from '@qyzmet/engine';

/**
 * A refusal ground's `when` as the grounds form edits it: the officer's finding it reads (`findings` fact, isTrue),
 * a reference to one of the version's named conditions (with `negate`: the ground applies when it does not hold), none
 * yet, or a composite rule that only the JSON section edits.
 */
export type GroundFacts =
  | { kind: 'finding'; finding: string }
  | { kind: 'condition'; condition: string; negate: boolean }
  | { kind: 'none' }
  | { kind: 'complex' };

/** A ground's id: lower-case Latin words and digits joined by dashes (the format's ids also allow dots). */
export const GROUND_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An officer's finding, as the event records it: latin camelCase (objectUnderArrest). */
export const FINDING_NAME = /^[a-z][a-zA-Z0-9]*$/;

const keysAre = (o: object, ...keys: string[]) => Object.keys(o).sort().join() === [...keys].sort().join();

/**
 * @example
 *   readGroundFacts({ fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true })
 *   // { kind: 'finding', finding: 'objectUnderArrest' }
 *   readGroundFacts({ condition: 'isApartment', negate: true })
 *   // { kind: 'condition', condition: 'isApartment', negate: true }
 */
export function readGroundFacts(when: unknown): GroundFacts {
  if (when === undefined || when === null) return { kind: 'none' };
  if (typeof when !== 'object' || Array.isArray(when)) return { kind: 'complex' };
  const w = when as Record<string, unknown>;
  if (
    (keysAre(w, 'condition') || keysAre(w, 'condition', 'negate')) &&
    typeof w.condition === 'string' &&
    (w.negate === undefined || typeof w.negate === 'boolean')
  )
    return { kind: 'condition', condition: w.condition, negate: w.negate === true };
  if (
    keysAre(w, 'fact', 'path', 'operator', 'value') &&
    w.fact === 'findings' &&
    w.operator === 'isTrue' &&
    w.value === true &&
    typeof w.path === 'string' &&
    /^\/[^/~]+$/.test(w.path)
  )
    return { kind: 'finding', finding: w.path.slice(1) };
  return { kind: 'complex' };
}

/** The `when` of a ground an officer decides by one finding; none while the name is empty (the engine says so). */
export function findingWhen(finding: string): Condition | undefined {
  return finding ? { fact: 'findings', path: `/${finding}`, operator: 'isTrue', value: true } : undefined;
}

/** The `when` of a ground that reuses a named condition (`negate` only when set, the format's one spelling). */
export function conditionWhen(condition: string, negate = false): ConditionRef | undefined {
  if (!condition) return undefined;
  return negate ? { condition, negate: true } : { condition };
}

/** Why a ground id cannot be used, or undefined: empty, not lower-case words with dashes, or another ground's. */
export function groundIdProblem(id: string, otherIds: readonly string[]): 'empty' | 'format' | 'taken' | undefined {
  if (!id) return 'empty';
  if (!GROUND_ID.test(id)) return 'format';
  return otherIds.includes(id) ? 'taken' : undefined;
}

/** The id of a shared ground an `$include` entry names (`…/art-19-1.json#/grounds/<id>`), or undefined. */
export function includedGroundId(include: unknown): string | undefined {
  if (typeof include !== 'string') return undefined;
  const pointer = include.split('#')[1];
  const last = pointer?.split('/').pop();
  return last ? last.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** One placeholder a ground's fact sentence may use: what is inserted and its name for the analyst. */
export interface FactPlaceholder {
  /** The data path it reads ('data.applicant.fullName', 'findings.expiredDocuments'), shown beside its name. */
  path: string;
  /**
   * The Handlebars text inserted at the cursor, printing the value as words in the sentence's language: a date in
   * words, an enum value by its label, a list joined, a {kk, ru} text in its language.
   */
  insert: string;
  /**
   * Where it comes from: the application form, an officer's event (its findings), data an event brings from a state
   * system (external), the application itself.
   */
  group: 'form' | 'findings' | 'external' | 'application';
  /** The field's label chain in the reader's language, or the application fact's interface key (group application). */
  label: string;
  /** The officer's event whose form records it (group findings), in the reader's language. */
  event?: string;
}

type I18nText = { kk?: string; ru?: string; en?: string };
type FactLang = 'kk' | 'ru' | 'en';
type Schema = Record<string, unknown>;
const textIn = (t: unknown, lang: FactLang): string | undefined => {
  if (!t || typeof t !== 'object') return undefined;
  const x = t as I18nText;
  return lang === 'en' ? (x.en ?? x.ru) : x[lang];
};
const isSchema = (v: unknown): v is Schema => !!v && typeof v === 'object' && !Array.isArray(v);
/** A path segment as Handlebars reads it: ids with a dot are written as a literal segment `[a.b]`. */
const segment = (key: string) => (/^[A-Za-z0-9_$-]+$/.test(key) ? key : `[${key.replace(/]/g, '')}]`);
/** A {kk, ru, en} text as a form field: an object of string members named by the languages only. */
const isLangText = (f: Schema) => {
  const props = isSchema(f.properties) ? Object.keys(f.properties) : [];
  return props.length > 0 && props.every((k) => k === 'kk' || k === 'ru' || k === 'en');
};
const quoted = (v: unknown) => JSON.stringify(String(v));

/**
 * How a value is printed in a sentence of language `lang`, read at `path` (a Handlebars path or `this`): an enum by
 * its labels (one `{{#if (eq …)}}` per value: the raw value is a key, never printed), a date or an instant in words,
 * a number grouped, a {kk, ru} text in its language; null for a yes/no value, which a sentence must say in words.
 */
function printed(field: Schema, path: string, lang: FactLang): string | null {
  if (field.type === 'boolean') return null;
  if (Array.isArray(field.enum)) {
    const labels = isSchema(field['x-enumLabels']) ? field['x-enumLabels'] : {};
    return field.enum
      .map((v) => `{{#if (eq ${path} ${quoted(v)})}}${textIn(labels[String(v)], lang) ?? String(v)}{{/if}}`)
      .join('');
  }
  if (field.format === 'date') return `{{date ${path}}}`;
  if (field.format === 'date-time') return `{{datetime ${path}}}`;
  if (field.type === 'number' || field.type === 'integer') return `{{number ${path}}}`;
  if (isLangText(field)) return `{{t ${path}}}`;
  if (field.type === 'object' || isSchema(field.properties)) return null;
  return `{{${path}}}`;
}

/** A list's items, one after another with commas: an object item as its first value and the others in brackets. */
function printedList(field: Schema, path: string, lang: FactLang): string | null {
  const items = isSchema(field.items) ? field.items : {};
  let item: string | null;
  if (isSchema(items.properties) && !isLangText(items)) {
    const parts = Object.entries(items.properties)
      .filter((e): e is [string, Schema] => isSchema(e[1]))
      .map(([k, f]) => printed(f, segment(k), lang))
      .filter((x): x is string => !!x);
    if (!parts.length) return null;
    item = parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0];
  } else item = printed(items, 'this', lang);
  return item ? `{{#each ${path}}}{{#unless @first}}, {{/unless}}${item}{{/each}}` : null;
}

/** The fields of a schema as placeholders under `root` ('data' or 'findings'), nested objects walked. */
function schemaPlaceholders(schema: unknown, root: string, lang: FactLang, textLang: FactLang): FactPlaceholder[] {
  const out: FactPlaceholder[] = [];
  const walk = (node: unknown, path: string, labels: string[]) => {
    if (!isSchema(node) || !isSchema(node.properties)) return;
    for (const [key, raw] of Object.entries(node.properties)) {
      if (!isSchema(raw)) continue;
      const at = `${path}.${segment(key)}`;
      const label = [...labels, textIn(raw['x-label'], lang) ?? key];
      const insert = raw.type === 'array' ? printedList(raw, at, textLang) : printed(raw, at, textLang);
      if (insert) out.push({ path: at, insert, group: 'form', label: label.join(' › ') });
      else if (!isLangText(raw) && (raw.type === 'object' || isSchema(raw.properties))) walk(raw, at, label);
    }
  };
  walk(schema, root, []);
  return out;
}

/**
 * The placeholders of a ground's fact sentence, named in the reader's language `lang` and printing in the sentence's
 * language `textLang`: the form's fields by their labels (`data.…`), what the officer's events record as findings
 * (`findings.…`; their reasoning left out: the refusal prints it apart) and the data events bring from state systems
 * (`external.…`), and the application's number and registration instant. Yes/no values are left out: a sentence
 * says the fact in words.
 *
 * @example factPlaceholders(version, 'en', 'ru')
 *   // [{ path: 'data.applicant.fullName', insert: '{{data.applicant.fullName}}', group: 'form', label: '…' },
 *   //  { path: 'data.object.kind', insert: '{{#if (eq data.object.kind "apartment")}}Квартира{{/if}}…', … }, …]
 */
export function factPlaceholders(version: VersionDef, lang: FactLang, textLang: FactLang = lang): FactPlaceholder[] {
  const out = schemaPlaceholders(version.form, 'data', lang, textLang);
  const seen = new Set<string>();
  for (const ev of Object.values(version.machine?.events ?? {})) {
    const group = ev?.records === 'findings' || ev?.records === 'external' ? ev.records : undefined;
    if (!group || !isSchema(ev.data) || !isSchema(ev.data.properties)) continue;
    const { reasoning: _reasoning, ...recorded } = ev.data.properties;
    for (const p of schemaPlaceholders({ properties: recorded }, group, lang, textLang)) {
      if (seen.has(p.path)) continue;
      seen.add(p.path);
      out.push({ ...p, group, event: textIn(ev.label, lang) });
    }
  }
  out.push(
    { path: 'application.number', insert: '{{application.number}}', group: 'application', label: 'phNumber' },
    {
      path: 'application.registeredAt',
      insert: '{{datetime application.registeredAt}}',
      group: 'application',
      label: 'phRegisteredAt',
    },
  );
  return out;
}

const factRenderer = createDocumentRenderer({ plainText: true });
/** What a template sees as its root (the engine's DocumentContext). */
type RenderContext = Parameters<ReturnType<(typeof factRenderer)['compile']>['render']>[0];

/** A fact sentence rendered on one scenario's application, or why it cannot be (the engine locates the error). */
export type FactPreview = { text: string } | { error: string };

/**
 * A fact sentence rendered as the refusal prints it, on the state a scenario's run left the application in (its form
 * data, the officers' findings, the fetched data, its number and registration). Compiled here as the engine does, so a
 * typo shows at once; the engine's own check of the draft puts it at the field too.
 *
 * @example renderFactPreview('Срок истёк {{date findings.validUntil}}.', 'ru', 'id-expired', app)
 *   // { text: 'Срок истёк 3 марта 2026 г.' }
 */
export function renderFactPreview(
  text: string,
  lang: 'kk' | 'ru',
  groundId: string,
  app: ApplicationState,
): FactPreview {
  try {
    const compiled = factRenderer.compile(text, { documentId: `fact:${groundId}`, lang });
    const latest = app.reasoning?.at(-1)?.text;
    const context: RenderContext = {
      lang,
      data: app.data,
      application: {
        id: app.id,
        number: app.number ?? null,
        registeredAt: app.registeredAt,
        serviceId: app.serviceId,
        version: app.version,
        channel: app.channel,
        state: app.state,
      },
      service: { label: {} },
      findings: app.findings,
      external: app.external,
      ...(latest ? { reasoning: latest } : {}),
      deadlines: Object.fromEntries(app.deadlines.filter((d) => d.dueAt).map((d) => [d.id, d.dueAt!])),
      now: app.updatedAt,
    };
    return { text: compiled.render(context).trim() };
  } catch (e) {
    return { error: isProblemError(e) ? e.problem.message : (e as Error).message };
  }
}
