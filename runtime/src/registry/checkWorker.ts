import { parentPort } from 'node:worker_threads';
import { compileService, isProblemError, type Act, type CompileEnv, type Problem, type Scenario } from '@qyzmet/engine';
import type { DefinitionDraft, StoredApplication } from '../store/Store';
import { confinedReader, definitionAreas } from './confinedPath';
import { checkDraft, runDraftScenario, tryPublication, type Progress } from './draftCheck';
import { rebuildDefinition, type AppendedVersion, type DraftBase } from './draftCompiler';
import { loadCalendars, serviceCompileEnv } from './loadRepository';
import type { LoadedScenario } from './loadScenarios';
import { seedReader } from './seedFiles';

/**
 * The draft-check worker thread: compiles and runs an untrusted draft away from the event loop that answers the API
 * (checkWorkerPool.ts gives it a time budget and ends it when the budget is spent). A compiled service cannot cross a
 * thread, so each job carries what makes the service as in force — the files' entry, the versions published over
 * them, the acts registry — and the worker compiles it again from the definitions folder.
 */

/** What every job carries: the service as in force (files, versions published over them, acts) and the draft. */
export interface DraftJobCommon {
  root: string;
  serviceId: string;
  chain: { entryFile: string; appended: AppendedVersion[] };
  sharedActs: Record<string, Act>;
  draft: DefinitionDraft;
}

export type DraftJobKind =
  | { kind: 'check'; scenarios: LoadedScenario[]; open: StoredApplication[]; openTotal: number }
  | { kind: 'publish'; version: Record<string, unknown>; scenarios: LoadedScenario[] }
  | { kind: 'scenario'; scenario: Scenario };

export type DraftJob = DraftJobCommon & DraftJobKind;

/** What the worker says: the part under way, then the result or the error. */
export type WorkerMessage =
  | { id: number; part: string }
  | { id: number; result: unknown }
  | { id: number; error: { problem?: Problem; message: string } };

// Calendars and the acts' texts come from the definitions folder, which does not change while it is served.
const loaded = new Map<string, Pick<CompileEnv, 'workingTime' | 'readSeed'>>();

function envOf(job: DraftJob): CompileEnv {
  let files = loaded.get(job.root);
  if (!files) {
    files = { workingTime: loadCalendars(job.root).workingTime, readSeed: seedReader(job.root) };
    loaded.set(job.root, files);
  }
  const compileEnv = { ...files, sharedActs: job.sharedActs, readText: confinedReader(definitionAreas(job.root)) };
  return serviceCompileEnv({ root: job.root, compileEnv }, job.serviceId);
}

export async function runDraftJob(job: DraftJob, progress: Progress): Promise<unknown> {
  progress('service');
  const env = envOf(job);
  const { assembled, problems } = rebuildDefinition(job.root, job.serviceId, env, job.chain);
  const service = assembled && compileService(assembled, env).service;
  if (!assembled || !service)
    throw new Error(`the service "${job.serviceId}" no longer compiles from its files: ${problems.length} problem(s)`);
  const base: DraftBase = { root: job.root, serviceId: job.serviceId, assembled, env };
  switch (job.kind) {
    case 'check':
      return checkDraft({ ...base, service }, job.draft, job, progress);
    case 'publish':
      return tryPublication(base, job.draft, job.version, job.scenarios, progress);
    case 'scenario':
      return runDraftScenario(base, job.draft, job.scenario, progress);
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async ({ id, job }: { id: number; job: DraftJob }) => {
    const say = (m: WorkerMessage) => port.postMessage(m);
    try {
      say({ id, result: await runDraftJob(job, (part) => say({ id, part })) });
    } catch (e) {
      say({
        id,
        error: { problem: isProblemError(e) ? e.problem : undefined, message: String((e as Error)?.message) },
      });
    }
  });
}
