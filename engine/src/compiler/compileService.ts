import { startOfCivilDay, type WorkingTime } from '../calendar';
import { createDocumentRenderer, type CompiledTemplate } from '../documents';
import { isProblemError, type Problem } from '../errors/problem';
import type { VersionProvenance } from '../format/applyAmendments';
import type { AssembledDefinition } from '../format/assembleDefinition';
import serviceSchema from '../format/service.schema.json';
import type { Act, DocumentDef, ServiceDef, VersionDef } from '../format/types';
import { createFormCompiler, type CompiledForm } from '../forms';
import { createSchemaValidator } from '../forms/schemaValidator';
import { compileRules, type RuleSet } from '../rules';
import { alwaysCycles, buildStepMachine, type StepMachine } from '../steps';
import { checkServiceReferences } from './checkReferences';
import { checkCitations } from './checkCitations';
import { checkQuotes } from './checkQuotes';
import { inheritSeeds } from './inheritSeeds';
import { resolveEffectiveFrom } from './effectivePeriod';
import { missingPlaceholders } from './placeholders';
import { appendPointer, escapeSegment } from '../format/jsonPointer';
import { compileFacts, type CompiledFact } from './compileFacts';
import { checkFormAnnotations } from './checkFormAnnotations';

/**
 * Definition → compiled service, once per definition (the runtime and the admin UI cache the result): the form's
 * ajv validator, the rules engine, the XState machine, the Handlebars templates and the working time are all built
 * here and never per application.
 */

export interface CompileEnv {
  /** Acts shared by many services (definitions/shared/acts/*.json). */
  sharedActs: Record<string, Act>;
  /** The compiled working time of a schedule (definitions/calendars/schedules/<id>.schedule.json). */
  workingTime(scheduleId: string): WorkingTime | undefined;
  /** The text of a file (templates), by path; undefined when missing. */
  readText(path: string): string | undefined;
  /**
   * The text of an act's seed file (definitions/seeds/<file>), by the name a legalRef's `seed` gives; without it, or
   * when it answers undefined, the quotes citing that seed are not checked.
   */
  readSeed?(file: string): string | undefined;
}

export interface CompiledDocument {
  def: DocumentDef;
  templates: { kk: CompiledTemplate; ru: CompiledTemplate };
}

export interface CompiledVersion {
  service: CompiledService;
  def: VersionDef;
  id: string;
  /** Local date (YYYY-MM-DD) from which the version applies; null while it waits for its act's publication. */
  effectiveFrom: string | null;
  effectiveFromHow: string;
  /** The period rests on an earliest possible publication date, not an established one. */
  provisional: boolean;
  /** Exclusive end date, or null when open-ended. */
  effectiveTo: string | null;
  effectiveToHow: string;
  /** Epoch ms bounds of the period in the service's time zone (NaN when unknown). */
  fromMs: number;
  toMs: number;
  form: CompiledForm;
  rules: RuleSet;
  machine: StepMachine;
  documents: Map<string, CompiledDocument>;
  /** The data schema of each event that declares one, by event type (checked when the event is applied). */
  eventForms: Map<string, CompiledForm>;
  /** The fact sentence of each refusal ground, by ground id (printed under the ground in a refusal). */
  groundFacts: Map<string, CompiledFact>;
  /** The version it amends and the act items that changed its elements (none for a version written whole). */
  provenance: VersionProvenance;
}

export interface CompiledService {
  def: ServiceDef;
  id: string;
  acts: Record<string, Act>;
  workingTime: WorkingTime;
  /** Versions in force at some time, in time order; pending versions (unknown publication) come last. */
  versions: CompiledVersion[];
  /** The version in force at an instant, or undefined (before the first, after a repeal). */
  versionAt(ms: number): CompiledVersion | undefined;
}

const metaValidator = { current: undefined as ReturnType<typeof createSchemaValidator> | undefined };
/** The meta-schema validator, built on first use and shared by every compile. */
export function definitionValidator() {
  metaValidator.current ??= createSchemaValidator(serviceSchema, 'definition');
  return metaValidator.current;
}

const formCompiler = createFormCompiler();
const documentRenderer = createDocumentRenderer();

/**
 * One end of a version's effective period: its date (resolved from the acts) and the start of that civil day in the
 * service's zone. The meta-schema checks only the form YYYY-MM-DD, so a date that is no real day (2026-02-30) is
 * reported here as a definition problem at `pointer` instead of escaping as an exception.
 */
function periodEnd(
  resolve: () => ReturnType<typeof resolveEffectiveFrom>,
  zone: string,
  pointer: string,
  problems: Problem[],
): { date: string | null; how: string; provisional?: boolean; ms: number } | undefined {
  try {
    const r = resolve();
    return { ...r, ms: r.date ? startOfCivilDay(r.date, zone) : NaN };
  } catch (e) {
    if (!isProblemError(e)) throw e;
    problems.push({ ...e.problem, kind: 'definition', pointer });
    return undefined;
  }
}

function locateAll(def: AssembledDefinition, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.file || p.pointer === undefined) return p;
    const loc = def.locate(p.pointer);
    return {
      ...p,
      file: loc.file,
      line: loc.line,
      column: loc.column,
      message: `${loc.file}:${loc.line}:${loc.column}: ${p.message}`,
    };
  });
}

/** Each cycle of `always` transitions is an error: it would loop forever once its guards hold (see alwaysCycles). */
function alwaysCycleProblems(machine: VersionDef['machine'], at: string): Problem[] {
  return alwaysCycles(machine).map((cycle) => ({
    code: 'machine.alwaysCycle',
    kind: 'definition',
    pointer: `${at}/states/${escapeSegment(cycle[0])}/always`,
    message: `the automatic ("always") transitions ${[...cycle, cycle[0]].join(' → ')} form a cycle, which never ends once its guards hold; let one of these states wait for an event or a timer instead`,
    params: { states: cycle },
  }));
}

/**
 * @example
 *   const { service, problems } = compileService(assembled, env);
 *   service?.versionAt(Date.parse('2026-03-02T10:00:00+05:00'))?.id // '2026-order-65'
 */
export function compileService(
  assembled: AssembledDefinition,
  env: CompileEnv,
): { service?: CompiledService; problems: Problem[] } {
  // Where an include failed, its place holds {}: the include's own problem explains it, so the meta-schema's
  // complaints about that empty place would only bury the real one.
  const failed = assembled.failedIncludes;
  const shape = definitionValidator()
    .validate(assembled.value)
    .filter((p) => !failed.some((at) => p.pointer === at || p.pointer?.startsWith(at + '/')));
  const pending = assembled.materialisationProblems ?? [];
  if (shape.length || failed.length) return { problems: [...pending, ...locateAll(assembled, shape)] };
  const written = assembled.value as ServiceDef;
  const registry = { ...env.sharedActs, ...written.acts };
  const def = inheritSeeds(written, registry);
  const acts = inheritSeeds(registry, registry);
  const problems: Problem[] = [
    ...checkServiceReferences(def, acts, (id) => env.workingTime(id) !== undefined),
    ...checkCitations(def, acts),
    ...def.versions.flatMap((v, i) => alwaysCycleProblems(v.machine, `/versions/${i}/machine`)),
  ];
  // A misquote is an error, yet it does not stop the compile: the version's other problems are found beside it.
  const misquotes = env.readSeed ? checkQuotes(def, (file) => env.readSeed!(file)) : [];
  const wt = env.workingTime(def.schedule.id);
  if (problems.some((p) => p.severity !== 'warning') || !wt)
    return { problems: locateAll(assembled, [...problems, ...misquotes]) };
  problems.push(...misquotes);

  const service: CompiledService = { def, id: def.id, acts, workingTime: wt, versions: [], versionAt: () => undefined };
  const compiled: CompiledVersion[] = [];
  def.versions.forEach((v, i) => {
    const at = `/versions/${i}`;
    let form: CompiledForm | undefined;
    try {
      form = formCompiler.compile(v.form);
    } catch (e) {
      problems.push(
        isProblemError(e)
          ? { ...e.problem, pointer: `${at}/form${e.problem.pointer ?? ''}` }
          : {
              code: 'form.invalid',
              kind: 'definition',
              pointer: `${at}/form`,
              message: `the form is not a valid JSON Schema: ${(e as Error).message}`,
            },
      );
    }
    if (form) problems.push(...checkFormAnnotations(v.form, `${at}/form`, form));
    // An officer's event declares the data its findings need (the hearing's time and place): enforced, so a document
    // cannot print an empty place.
    const eventForms = new Map<string, CompiledForm>();
    for (const [type, e] of Object.entries(v.machine.events ?? {})) {
      if (!e.data) continue;
      try {
        eventForms.set(type, formCompiler.compile(e.data));
      } catch (err) {
        const pointer = appendPointer(at, 'machine', 'events', type, 'data');
        problems.push(
          isProblemError(err)
            ? { ...err.problem, kind: 'definition', pointer: `${pointer}${err.problem.pointer ?? ''}` }
            : {
                code: 'form.invalid',
                kind: 'definition',
                pointer,
                message: `the data of event "${type}" is not a valid JSON Schema: ${(err as Error).message}`,
              },
        );
      }
    }
    const documents = new Map<string, CompiledDocument>();
    (v.documents ?? []).forEach((d, j) => {
      const templates: Partial<Record<'kk' | 'ru', CompiledTemplate>> = {};
      for (const lang of ['kk', 'ru'] as const) {
        const pointer = `${at}/documents/${j}/templates/${lang}`;
        const source = d.templates[lang];
        // A wording written inline (a draft edited in the workbench) is located by its pointer, not a file.
        const file =
          typeof source === 'string' ? assembled.resolvePath(pointer, source) : assembled.locate(pointer).file;
        let text: string | undefined;
        try {
          text = typeof source === 'string' ? env.readText(file) : source.text;
        } catch (e) {
          // A path the reader refuses (outside the definitions) is the draft's located mistake, not a crash.
          if (!isProblemError(e)) throw e;
          problems.push({ ...e.problem, kind: 'definition', pointer });
          continue;
        }
        if (text === undefined) {
          problems.push({
            code: 'document.missingTemplate',
            kind: 'definition',
            pointer,
            message: `the template file "${String(source)}" (${file}) does not exist; put the ${lang} wording of "${d.id}" there`,
          });
          continue;
        }
        try {
          templates[lang] = documentRenderer.compile(text, { documentId: d.id, lang, file });
        } catch (e) {
          if (isProblemError(e))
            problems.push({
              ...e.problem,
              kind: 'definition',
              file: e.problem.file ?? file,
              message: `${e.problem.file ?? file}:${e.problem.line ?? 1}:${e.problem.column ?? 1}: ${e.problem.message}`,
            });
          else
            problems.push({
              code: 'document.invalid',
              kind: 'definition',
              pointer,
              message: String((e as Error).message),
            });
          continue;
        }
        for (const missing of missingPlaceholders(templates[lang]!.placeholders, v.form)) {
          problems.push({
            code: 'document.unknownPlaceholder',
            kind: 'definition',
            pointer,
            message: `template ${file} uses "${missing}", which the form does not declare (the form's properties are what "data." can read)`,
          });
        }
      }
      if (templates.kk && templates.ru)
        documents.set(d.id, { def: d, templates: templates as CompiledDocument['templates'] });
    });
    const groundFacts = compileFacts(v, at, problems);
    const from = periodEnd(
      () => resolveEffectiveFrom(v.effectiveFrom, acts),
      wt.timeZone,
      `${at}/effectiveFrom`,
      problems,
    );
    const to = periodEnd(
      () =>
        v.effectiveTo === undefined
          ? { date: null, how: 'until a later version takes effect' }
          : resolveEffectiveFrom(typeof v.effectiveTo === 'string' ? v.effectiveTo : v.effectiveTo, acts),
      wt.timeZone,
      `${at}/effectiveTo`,
      problems,
    );
    if (!form || !from || !to) return;
    compiled.push({
      service,
      def: v,
      id: v.id,
      effectiveFrom: from.date,
      effectiveFromHow: from.how,
      provisional: Boolean(from.provisional || to.provisional),
      effectiveTo: to.date,
      effectiveToHow: to.how,
      fromMs: from.ms,
      toMs: to.ms,
      form,
      rules: compileRules(v.conditions ?? {}, v.refusalGrounds ?? []),
      machine: buildStepMachine(`${def.id}@${v.id}`, v.machine),
      documents,
      eventForms,
      groundFacts,
      provenance: assembled.provenance?.get(v.id) ?? { basedOn: null, changes: [] },
    });
  });

  // Timeline: a version ends where the next one begins unless it ends earlier (a repeal); overlaps are errors.
  const dated = compiled.filter((c) => c.effectiveFrom !== null).sort((a, b) => a.fromMs - b.fromMs);
  dated.forEach((c, k) => {
    const next = dated[k + 1];
    if (next && !Number.isNaN(c.toMs) && c.toMs > next.fromMs) {
      const i = def.versions.indexOf(c.def);
      problems.push({
        code: 'version.overlap',
        kind: 'definition',
        pointer: `/versions/${i}/effectiveTo`,
        message: `version "${c.id}" applies until ${c.effectiveTo} but version "${next.id}" applies from ${next.effectiveFrom}: two versions cannot be in force on the same day; end "${c.id}" on ${next.effectiveFrom} or later start "${next.id}"`,
      });
    }
    if (next && Number.isNaN(c.toMs)) c.toMs = next.fromMs;
    if (next && c.effectiveTo === null) {
      c.effectiveTo = next.effectiveFrom;
      c.effectiveToHow = `replaced by version ${next.id}`;
    }
    if (k > 0 && c.fromMs === dated[k - 1].fromMs) {
      const i = def.versions.indexOf(c.def);
      problems.push({
        code: 'version.overlap',
        kind: 'definition',
        pointer: `/versions/${i}/effectiveFrom`,
        message: `versions "${dated[k - 1].id}" and "${c.id}" both take effect on ${c.effectiveFrom}`,
      });
    }
    if (!Number.isNaN(c.toMs) && c.toMs <= c.fromMs) {
      const i = def.versions.indexOf(c.def);
      problems.push({
        code: 'version.emptyPeriod',
        kind: 'definition',
        pointer: `/versions/${i}/effectiveTo`,
        message: `version "${c.id}" ends (${c.effectiveTo}) before it begins (${c.effectiveFrom})`,
      });
    }
  });
  service.versions = [...dated, ...compiled.filter((c) => c.effectiveFrom === null)];
  service.versionAt = (ms) => dated.find((c) => c.fromMs <= ms && (Number.isNaN(c.toMs) || ms < c.toMs));
  const errors = problems.filter((p) => p.severity !== 'warning');
  return { service: errors.length ? undefined : service, problems: locateAll(assembled, problems) };
}
