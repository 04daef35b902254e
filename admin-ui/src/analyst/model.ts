import {
  appendVersion,
  assembleDefinition,
  compileService,
  compileWorkingTime,
  joinPath,
  parseJsonSource,
  registrationOf,
  runScenario,
  startOfCivilDay,
  type Act,
  type AssembledDefinition,
  type CalendarData,
  type CompileEnv,
  type CompiledService,
  type CompiledVersion,
  type Problem,
  type Scenario,
  type ScenarioOutcome,
  type ScheduleData,
  type VersionDef,
  type WorkingTime,
} from '@qyzmet/engine';
import { api, type Schemas } from '../shell/api';

/**
 * The workbench's model: the service's source files fetched once from the runtime, assembled and compiled in the
 * browser by the very engine the runtime uses, with the draft version appended — so problems, previews and scenario
 * runs follow the analyst's typing without a round trip.
 */

export type Draft = Schemas['Draft'];

export interface Sources {
  serviceId: string;
  entry: string;
  /** The service folder, e.g. "definitions/services/x" (a drafted version's template paths are relative to it). */
  serviceDir: string;
  files: Record<string, string>;
  env: CompileEnv;
  /** The definition as on disk plus the versions published through the admin API (as the runtime applies them). */
  base?: AssembledDefinition;
  baseProblems: Problem[];
  published: Draft[];
  scenarios: Array<{ file: string; text: string }>;
  /** The version in force by the runtime's clock (GET /services/:id), or null when none is. */
  inForce: string | null;
}

interface CalendarsResponse {
  calendars: Record<string, CalendarData>;
  schedules: Record<string, ScheduleData>;
}

/**
 * What the engine needs to compile in the browser as the runtime does: the acts registry as the runtime holds it (the
 * files' acts plus those registered or dated through the API), the working time, the source files and the seeds.
 */
export function buildEnv(
  files: Record<string, string>,
  cal: CalendarsResponse,
  acts: Array<{ id: string } & Act>,
): CompileEnv {
  const sharedActs: Record<string, Act> = Object.fromEntries(acts.map(({ id, ...act }) => [id, act as Act]));
  const compiled = new Map<string, WorkingTime | undefined>();
  return {
    sharedActs,
    workingTime(id) {
      if (!compiled.has(id)) {
        const s = cal.schedules[id];
        const c = s && cal.calendars[s.calendar];
        let wt: WorkingTime | undefined;
        try {
          wt = s && c ? compileWorkingTime(c, s) : undefined;
        } catch {
          wt = undefined;
        }
        compiled.set(id, wt);
      }
      return compiled.get(id);
    },
    readText: (p) => files[p],
    // The acts' texts the service cites come with its files (GET …/files), so quotes are checked here as on the server.
    readSeed: (file) => (file.includes('/') || file.includes('..') ? undefined : files[`definitions/seeds/${file}`]),
  };
}

/** The file name problems in the edited draft carry (a published draft's is `draft:<id>`, as in the runtime). */
const DRAFT_FILE = 'draft';

/** Template paths of a drafted version are relative to the service folder, as in the runtime's registry. */
const inServiceDir = (serviceDir: string) => (rel: string) => joinPath(serviceDir, rel);

export async function loadSources(serviceId: string): Promise<Sources> {
  const id = encodeURIComponent(serviceId);
  const [{ entry, files }, cal, acts, drafts, inForce] = await Promise.all([
    api<Schemas['DefinitionFiles']>('GET', `/admin/definitions/${id}/files`),
    api<CalendarsResponse>('GET', '/admin/calendars'),
    api<Schemas['ActList']>('GET', '/admin/acts'),
    api<Schemas['DraftList']>('GET', `/admin/definitions/${id}/drafts`),
    api<Schemas['Service']>('GET', `/services/${id}`).then(
      (r) => r.version.id,
      () => null,
    ),
  ]);
  const env = buildEnv(files, cal, acts.items as unknown as Array<{ id: string } & Act>);
  const serviceDir = entry.replace(/\/service\.json$/, '');
  const published = drafts.items
    .filter((d) => d.publishedAt)
    .sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
  const { definition, problems } = assembleDefinition(entry, (p) => files[p]);
  // The versions published through the admin API come after the files' ones, as the runtime applies them.
  const base = published.reduce<AssembledDefinition | undefined>(
    (assembled, d) =>
      assembled && appendVersion(assembled, { value: d.definition, file: `draft:${d.id}` }, inServiceDir(serviceDir)),
    definition,
  );
  const scenarios = Object.keys(files)
    .filter((f) => f.startsWith(`${serviceDir}/scenarios/`) && f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: files[file] }));
  return { serviceId, entry, serviceDir, files, env, base, baseProblems: problems, published, scenarios, inForce };
}

/** A problem located in the editor's text (line/column 1-based), or outside the draft (file:line). */
export interface EditorProblem {
  message: string;
  code: string;
  /** What the engine says of it besides the words (a missing key, the allowed values…), for wording it anew. */
  params?: Record<string, unknown>;
  severity: 'error' | 'warning';
  pointer?: string;
  line: number;
  column: number;
  inDraft: boolean;
}

export interface DraftCompilation {
  /** The parsed draft version, or undefined when the text is not JSON. */
  version?: VersionDef;
  service?: CompiledService;
  compiled?: CompiledVersion;
  problems: EditorProblem[];
}

const stripLocation = (m: string) => m.replace(/^[^\s:]+:\d+:\d+:\s*/, '');

/** Parses the editor's text, compiles the service with it appended, and places each problem at its line. */
export function compileDraft(src: Sources, text: string): DraftCompilation {
  const { source, problems: syntax } = parseJsonSource('draft', text);
  if (syntax.length) {
    return {
      problems: syntax.map((p) => ({
        message: stripLocation(p.message),
        code: p.code,
        severity: 'error',
        line: p.line ?? 1,
        column: p.column ?? 1,
        inDraft: true,
      })),
    };
  }
  const version = source.value as VersionDef;
  if (!src.base)
    return {
      version,
      problems: [
        {
          message: 'the service definition does not assemble',
          code: 'assemble',
          severity: 'error',
          line: 1,
          column: 1,
          inDraft: false,
        },
      ],
    };
  const drafted = appendVersion(src.base, { value: version, file: DRAFT_FILE, source }, inServiceDir(src.serviceDir));
  const { service, problems } = compileService(drafted, src.env);
  const located: EditorProblem[] = problems.map((p) => {
    const severity = p.severity === 'warning' ? 'warning' : 'error';
    // Located by its pointer, not by the file it names: a problem in a template the draft names is the draft's too.
    const where = p.pointer === undefined ? undefined : drafted.locate(p.pointer);
    if (where?.file === DRAFT_FILE)
      return {
        message: stripLocation(p.message),
        code: p.code,
        params: p.params,
        severity,
        pointer: where.pointer,
        line: where.line,
        column: where.column,
        inDraft: true,
      };
    return {
      message: p.message,
      code: p.code,
      severity,
      pointer: p.pointer,
      line: p.line ?? 1,
      column: p.column ?? 1,
      inDraft: false,
    };
  });
  const compiled = service?.versions.find((v) => v.id === version?.id);
  return { version, service, compiled, problems: located };
}

export interface ScenarioRun {
  file: string;
  text: string;
  scenario?: Scenario;
  parseError?: string;
  outcome?: ScenarioOutcome;
  /** The version it ran against (the draft's, or the one in force at its date), when one was found. */
  version?: CompiledVersion;
}

export function parseScenario(text: string): { scenario?: Scenario; error?: string } {
  try {
    return { scenario: JSON.parse(text) as Scenario };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Runs every scenario under the draft's version, as `qyzmet test` and the registry's check do; given `draftFrom` (the
 * date the draft is expected in force, with the service as it is without the draft), a scenario registered before that
 * date runs against the version in force then, as an application of that day would.
 */
export async function runScenarios(
  service: CompiledService,
  version: CompiledVersion | undefined,
  scenarios: Array<{ file: string; text: string }>,
  draftFrom?: { date: string; before: CompiledService },
): Promise<ScenarioRun[]> {
  const out: ScenarioRun[] = [];
  for (const s of scenarios) {
    const { scenario, error } = parseScenario(s.text);
    if (!scenario) {
      out.push({ ...s, parseError: error });
      continue;
    }
    if (draftFrom && registeredBefore(draftFrom.before, scenario.at, draftFrom.date)) {
      const outcome = await runScenario(draftFrom.before, scenario);
      const ran = draftFrom.before.versions.find((v) => v.id === outcome.result?.version);
      out.push({ ...s, scenario, outcome, version: ran ?? inForceAt(draftFrom.before, scenario.at) });
      continue;
    }
    out.push({ ...s, scenario, outcome: await runScenario(service, scenario, version ? { version } : {}), version });
  }
  return out;
}

/** Whether an application arriving at `at` is registered before the civil day `date` begins (false when unknown). */
function registeredBefore(service: CompiledService, at: string, date: string): boolean {
  try {
    return Date.parse(registrationOf(service, at).registeredAt) < startOfCivilDay(date, service.workingTime.timeZone);
  } catch {
    return false;
  }
}

/** The version in force when an application arriving at `at` is registered, if any. */
function inForceAt(service: CompiledService, at: string): CompiledVersion | undefined {
  try {
    return service.versionAt(Date.parse(registrationOf(service, at).registeredAt));
  } catch {
    return undefined;
  }
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
