import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  assembleDefinition,
  createSchemaValidator,
  locateInSource,
  serviceSchema,
  sharedActsSchema,
  compileService,
  compileWorkingTime,
  createQuoteChecker,
  inheritSeeds,
  parseJsonSource,
  type Act,
  type CalendarData,
  type AssembledDefinition,
  type CompileEnv,
  type CompiledService,
  type Problem,
  type ScheduleData,
  type WorkingTime,
} from '@qyzmet/engine';
import { confinedReader, definitionAreas, isConfined } from './confinedPath';
import { usePrecompiledSchemas } from './precompiledSchemas';
import { seedReader } from './seedFiles';

/**
 * Reads the definitions folder (services, shared fragments, calendars, schedules) from disk and compiles every
 * service once. The engine does the work; this module only does the file I/O the engine is not allowed to do.
 */

export interface Repository {
  root: string;
  services: Map<string, CompiledService>;
  /** Service ids whose definition has errors (they are left out of `services`). */
  broken: Set<string>;
  problems: Problem[];
  calendars: Map<string, CalendarData>;
  schedules: Map<string, ScheduleData>;
  workingTime(scheduleId: string): WorkingTime | undefined;
  serviceDir(id: string): string;
  /** The assembled definitions as read from disk (with their source positions), by service id. */
  assembled: Map<string, AssembledDefinition>;
  /** What compiling needs (shared acts, schedules, file reading), for drafts compiled at run time. */
  compileEnv: CompileEnv;
}

/** Finds the definitions folder: $QYZMET_DEFINITIONS, else ./definitions, else the one shipped beside the runtime. */
export function findDefinitionsRoot(explicit?: string): string {
  const candidates = [
    explicit,
    process.env.QYZMET_DEFINITIONS,
    join(process.cwd(), 'definitions'),
    resolve(__dirname, '../../../definitions'),
  ];
  for (const c of candidates) if (c && existsSync(c) && statSync(c).isDirectory()) return resolve(c);
  return resolve(explicit ?? 'definitions');
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Paths in problems are shown relative to the working directory, as an editor or a terminal wants them. */
const shown = (path: string) => relative(process.cwd(), path) || path;

function readJson<T>(file: string, problems: Problem[]): T | undefined {
  const text = readText(file);
  if (text === undefined) {
    problems.push({
      code: 'file.missing',
      kind: 'definition',
      file: shown(file),
      message: `${shown(file)}: file not found`,
    });
    return undefined;
  }
  const { source, problems: syntax } = parseJsonSource(shown(file), text);
  problems.push(...syntax);
  return syntax.length ? undefined : (source.value as T);
}

/** The folder's JSON files; one that is a symlink leading out of the folder is a problem, never read. */
function jsonFiles(dir: string, suffix: string, problems: Problem[]): string[] {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .map((f) => join(dir, f))
    : [];
  return files.filter((file) => {
    if (isConfined(file, [dir])) return true;
    problems.push({
      code: 'definition.pathOutside',
      kind: 'definition',
      file: shown(file),
      message: `${shown(file)}: a link leading out of ${shown(dir)}; the definitions are read from their own folders only`,
    });
    return false;
  });
}

export function loadCalendars(root: string, problems: Problem[] = []) {
  const calendars = new Map<string, CalendarData>();
  const schedules = new Map<string, ScheduleData>();
  for (const file of jsonFiles(join(root, 'calendars'), '.calendar.json', problems)) {
    const c = readJson<CalendarData>(file, problems);
    if (c) calendars.set(c.id, c);
  }
  for (const file of jsonFiles(join(root, 'calendars', 'schedules'), '.schedule.json', problems)) {
    const s = readJson<ScheduleData>(file, problems);
    if (s) schedules.set(s.id, s);
  }
  const compiled = new Map<string, WorkingTime | null>();
  const workingTime = (id: string): WorkingTime | undefined => {
    if (!compiled.has(id)) {
      const s = schedules.get(id);
      const c = s && calendars.get(s.calendar);
      try {
        compiled.set(id, s && c ? compileWorkingTime(c, s) : null);
      } catch (e) {
        problems.push({
          code: 'calendar.compile',
          kind: 'definition',
          message: `schedule "${id}": ${(e as Error).message}`,
        });
        compiled.set(id, null);
      }
    }
    return compiled.get(id) ?? undefined;
  };
  return { calendars, schedules, workingTime };
}

let sharedActsValidator: ReturnType<typeof createSchemaValidator> | undefined;

/**
 * Acts cited by several services: every file in definitions/shared/acts/ holds { "acts": { id: act } }. The quotes of
 * the acts' own legalRefs are checked against the seeds here, once, since no service's definition holds them.
 */
export function loadSharedActs(
  root: string,
  problems: Problem[] = [],
  readSeed = seedReader(root),
): Record<string, Act> {
  const acts: Record<string, Act> = {};
  const loaded: Array<{ file: string; source: ReturnType<typeof parseJsonSource>['source'] }> = [];
  sharedActsValidator ??= createSchemaValidator(sharedActsSchema, 'acts', [serviceSchema]);
  for (const file of jsonFiles(join(root, 'shared', 'acts'), '.json', problems)) {
    const text = readText(file);
    if (text === undefined) continue;
    const { source, problems: syntax } = parseJsonSource(shown(file), text);
    const shape = syntax.length
      ? []
      : sharedActsValidator.validate(source.value).map((p) => {
          const { line, column } = locateInSource(source, p.pointer ?? '');
          return { ...p, file: shown(file), line, column, message: `${shown(file)}:${line}:${column}: ${p.message}` };
        });
    problems.push(...syntax, ...shape);
    if (syntax.length || shape.length) continue;
    loaded.push({ file, source });
    const found = (source.value as { acts: Record<string, Act> }).acts;
    for (const [id, act] of Object.entries(found)) {
      if (acts[id])
        problems.push({
          code: 'acts.duplicate',
          kind: 'definition',
          file: shown(file),
          message: `${shown(file)}: act "${id}" is already defined in another file of definitions/shared/acts/`,
        });
      acts[id] = act;
    }
  }
  const checkQuotes = createQuoteChecker(readSeed);
  for (const { file, source } of loaded)
    for (const p of checkQuotes(inheritSeeds(source.value, acts))) {
      const { line, column } = locateInSource(source, p.pointer ?? '');
      problems.push({
        ...p,
        file: shown(file),
        line,
        column,
        message: `${shown(file)}:${line}:${column}: ${p.message}`,
      });
    }
  return acts;
}

/**
 * Loads and compiles the services under root/services (all, or those whose id is in `only`).
 * @example const repo = loadRepository(findDefinitionsRoot()); repo.services.get('cadastral-passport-duplicate')
 */
export function loadRepository(root: string, only?: string[]): Repository {
  usePrecompiledSchemas();
  const problems: Problem[] = [];
  const { calendars, schedules, workingTime } = loadCalendars(root, problems);
  // One reader of the acts' texts for the whole load: the shared acts' quotes and every service's compile.
  const readSeed = seedReader(root);
  const sharedActs = loadSharedActs(root, problems, readSeed);
  const services = new Map<string, CompiledService>();
  const assembledById = new Map<string, AssembledDefinition>();
  const compileEnv: CompileEnv = {
    sharedActs,
    workingTime,
    readText: confinedReader(definitionAreas(root)),
    readSeed,
  };
  const broken = new Set<string>();
  const servicesDir = join(root, 'services');
  const ids = existsSync(servicesDir)
    ? readdirSync(servicesDir)
        .filter((d) => existsSync(join(servicesDir, d, 'service.json')))
        .sort()
    : [];
  for (const id of ids) {
    if (only && !only.includes(id)) continue;
    const entry = join(servicesDir, id, 'service.json');
    const env = serviceCompileEnv({ root, compileEnv }, id);
    const { definition, problems: load } = assembleDefinition(shown(entry), env.readText);
    const found: Problem[] = [...load];
    if (definition) {
      assembledById.set(id, definition);
      const { service, problems: compileProblems } = compileService(definition, env);
      found.push(...compileProblems);
      if (service) {
        if (service.id !== id)
          found.push({
            code: 'service.idMismatch',
            kind: 'definition',
            file: shown(entry),
            message: `${shown(entry)}: the service id "${service.id}" differs from its folder name "${id}"; the folder name is the id`,
          });
        else services.set(id, service);
      }
    }
    if (found.some((p) => p.severity !== 'warning')) broken.add(id);
    problems.push(...found);
  }
  return {
    root,
    services,
    broken,
    problems,
    calendars,
    schedules,
    workingTime,
    serviceDir: (id) => join(servicesDir, id),
    assembled: assembledById,
    compileEnv,
  };
}

/**
 * What compiling one service needs: the repository's, with files read only from the service's folder and
 * definitions/shared/ (confinedPath.ts), whoever names them — its files, an include, a draft.
 */
export function serviceCompileEnv(repo: Pick<Repository, 'root' | 'compileEnv'>, serviceId: string): CompileEnv {
  return { ...repo.compileEnv, readText: confinedReader(definitionAreas(repo.root, serviceId)) };
}
