import {
  createDocumentRenderer,
  isProblemError,
  type ApplicationState,
  type Condition,
  type ConditionRef,
  type VersionDef,
} from '@qyzmet/engine';
import { formPlaceholders } from './templateModel';

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
  /** The Handlebars text inserted at the cursor ('{{data.applicant.fullName}}', '{{date findings.validUntil}}'). */
  insert: string;
  /** Where it comes from: the application form, an officer's event (its findings), the application itself. */
  group: 'form' | 'findings' | 'application';
  /** The field's label chain in the reader's language, or the application fact's interface key (group application). */
  label: string;
  /** The officer's event whose form records it (group findings), in the reader's language. */
  event?: string;
}

type I18nText = { kk?: string; ru?: string; en?: string };
type FactLang = 'kk' | 'ru' | 'en';
const textIn = (t: unknown, lang: FactLang): string | undefined => {
  if (!t || typeof t !== 'object') return undefined;
  const x = t as I18nText;
  return lang === 'en' ? (x.en ?? x.ru) : x[lang];
};

/**
 * The placeholders of a ground's fact sentence: the form's fields by their labels (`{{data.…}}`), what the officer's
 * events record as findings (`{{findings.…}}`, their reasoning left out: the refusal prints it apart), and the
 * application's number and registration instant.
 *
 * @example factPlaceholders(version, 'ru')
 *   // [{ insert: '{{data.applicant.fullName}}', group: 'form', label: 'Заявитель › ФИО' }, …,
 *   //  { insert: '{{date findings.validUntil}}', group: 'findings', label: 'Действителен до', event: '…' }, …]
 */
export function factPlaceholders(version: VersionDef, lang: FactLang): FactPlaceholder[] {
  const out: FactPlaceholder[] = formPlaceholders(version.form, lang).map((p) => ({
    insert: p.insert,
    group: 'form',
    label: p.label ?? p.path,
  }));
  const seen = new Set<string>();
  for (const ev of Object.values(version.machine?.events ?? {})) {
    if (!ev || ev.records !== 'findings' || !ev.data || typeof ev.data !== 'object') continue;
    const props = (ev.data as { properties?: Record<string, unknown> }).properties ?? {};
    const { reasoning: _reasoning, ...recorded } = props;
    for (const p of formPlaceholders({ properties: recorded }, lang)) {
      const insert = p.insert.replace(/\bdata\./g, 'findings.');
      if (seen.has(insert)) continue;
      seen.add(insert);
      out.push({ insert, group: 'findings', label: p.label ?? p.path, event: textIn(ev.label, lang) });
    }
  }
  out.push(
    { insert: '{{application.number}}', group: 'application', label: 'phNumber' },
    { insert: '{{datetime application.registeredAt}}', group: 'application', label: 'phRegisteredAt' },
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
