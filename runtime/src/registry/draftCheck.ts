import {
  amendmentReport,
  diffJson,
  runScenario,
  type AmendmentLine,
  type CompiledService,
  type JsonChange,
  type Problem,
  type Scenario,
  type SimulationResult,
} from '@qyzmet/engine';
import type { DefinitionDraft, StoredApplication } from '../store/Store';
import { compileDraft, compileForRuns, draftParity, type DraftBase } from './draftCompiler';
import { openApplicationsImpact, scenarioImpact, type OpenApplicationImpact, type ScenarioImpact } from './draftImpact';
import type { LoadedScenario } from './loadScenarios';

/**
 * The work on an untrusted draft that compiles and runs it — the check, publication's trial and a scenario's run —
 * written without the store or the runtime, so that it runs in the draft-check worker under a time budget
 * (checkWorker.ts). `progress` names the part under way, so a timeout can say which part took too long.
 */

export interface DraftCheck {
  rev: number;
  problems: Problem[];
  /** The draft's changes in words, with the act item each cites and what stood before. */
  changes: AmendmentLine[];
  impact: ScenarioImpact[];
  openApplications: OpenApplicationImpact[];
  openApplicationsOnCurrent: number;
  diff: JsonChange[];
}

export type Progress = (part: string) => void;

/** The service as in force and the definition it was compiled from. */
export type ServiceBase = DraftBase & { service: CompiledService };

export async function checkDraft(
  base: ServiceBase,
  d: DefinitionDraft,
  inputs: { scenarios: LoadedScenario[]; open: StoredApplication[]; openTotal: number },
  progress: Progress,
): Promise<DraftCheck> {
  const { service } = base;
  progress('compile');
  const { service: drafted, problems } = compileDraft(base, d.definition, d.id);
  const forRuns = compileForRuns(base, d).service;
  const draftedVersion = drafted?.versions.find((v) => v.id === d.definition.id);
  const baseVersion =
    service.versions.find((v) => v.id === d.baseVersion) ?? service.versions[service.versions.length - 1];
  progress('scenarios');
  // Scenarios dated before the draft's date keep testing the old version.
  const impact = forRuns ? await scenarioImpact(service, forRuns, inputs.scenarios) : [];
  progress('openApplications');
  const openApplications = await openApplicationsImpact(
    inputs.open,
    service,
    drafted && draftedVersion ? { service: drafted, version: draftedVersion } : undefined,
  );
  progress('report');
  // Dated as the analyst expects it before publication (the draft's own date is a placeholder until then).
  const dated = forRuns ?? drafted;
  const lines = dated ? amendmentReport(dated).filter((l) => l.version === d.definition.id) : [];
  return {
    rev: d.rev,
    problems: [...problems, ...draftParity(d)],
    changes: lines,
    impact,
    openApplications,
    openApplicationsOnCurrent: inputs.openTotal,
    diff: draftedVersion ? diffJson(baseVersion.def, draftedVersion.def) : [],
  };
}

export interface PublicationTrial {
  /** Problems that block publication (warnings left out), the language parity's included. */
  blocking: Problem[];
  /** The new version's period as compiled; null when it does not compile. */
  effective: { effectiveFrom: string | null; fromMs: number } | null;
  failing: Array<{ file: string; scenario: string; differences: unknown; error?: string }>;
}

/** Publication's trial of the version it would publish: its problems, its date, the scenarios it fails. */
export async function tryPublication(
  base: DraftBase,
  d: DefinitionDraft,
  version: Record<string, unknown>,
  scenarios: LoadedScenario[],
  progress: Progress,
): Promise<PublicationTrial> {
  progress('compile');
  const { service: compiled, problems } = compileDraft(base, version, d.id);
  const blocking = [...problems.filter((p) => p.severity !== 'warning'), ...draftParity(d)];
  if (!compiled || blocking.length) return { blocking, effective: null, failing: [] };
  const v = compiled.versions.find((x) => x.id === version.id)!;
  progress('scenarios');
  const failing: PublicationTrial['failing'] = [];
  for (const { file, scenario } of scenarios) {
    const outcome = await runScenario(compiled, scenario);
    if (!outcome.passed)
      failing.push({ file, scenario: scenario.name, differences: outcome.differences, error: outcome.error });
  }
  return { blocking, effective: { effectiveFrom: v.effectiveFrom, fromMs: v.fromMs }, failing };
}

export interface ScenarioRun {
  compiles: boolean;
  result?: SimulationResult;
  error?: string;
}

/** One scenario run on the draft as it would be in force: its result, or why there is none. */
export async function runDraftScenario(
  base: DraftBase,
  d: DefinitionDraft,
  scenario: Scenario,
  progress: Progress,
): Promise<ScenarioRun> {
  progress('compile');
  const compiled = compileForRuns(base, d).service;
  if (!compiled) return { compiles: false };
  progress('scenarios');
  const outcome = await runScenario(compiled, scenario);
  return { compiles: true, result: outcome.result, error: outcome.error };
}
