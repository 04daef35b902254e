import type { Scenario, SimulationResult } from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';
import type { DefinitionDraft } from '../store/Store';
import { loadScenarios, type LoadedScenario } from './loadScenarios';

/**
 * The scenarios of a service as a draft sees them, keyed by file name: the files', then those published with earlier
 * drafts, then the draft's own (a draft's scenario with a file's name replaces it).
 */

export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

export async function scenariosOf(
  ctx: RuntimeContext,
  serviceId: string,
  draft?: DefinitionDraft,
): Promise<LoadedScenario[]> {
  const byFile = new Map<string, Scenario>();
  for (const s of loadScenarios(ctx.repo.serviceDir(serviceId)).scenarios) byFile.set(baseName(s.file), s.scenario);
  const published = (await ctx.store.listDrafts(serviceId))
    .filter((d) => d.publishedAt)
    .sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
  for (const d of [...published, ...(draft ? [draft] : [])])
    for (const s of d.scenarios) byFile.set(baseName(s.file), s.scenario);
  return [...byFile].map(([file, scenario]) => ({ file, scenario }));
}

/**
 * "Received as expected": the expectation rewritten from what the engine produced, for the same facts the scenario
 * states (a scenario that pins no state keeps pinning none).
 */
export function acceptedExpectation(x: Scenario['expect'], r: SimulationResult): Scenario['expect'] {
  return {
    ...x,
    status: r.status,
    ...(x.state !== undefined ? { state: r.state } : {}),
    ...(x.version !== undefined ? { version: r.version } : {}),
    ...(x.registeredAt !== undefined ? { registeredAt: r.registeredAt } : {}),
    ...(x.deadlines
      ? {
          deadlines: Object.fromEntries(r.deadlines.filter((d) => d.id in x.deadlines!).map((d) => [d.id, d.dueAt])),
        }
      : {}),
    ...(x.refusalGrounds !== undefined ? { refusalGrounds: (r.refusal?.grounds ?? []).map((g) => g.id) } : {}),
    ...(x.documents !== undefined ? { documents: r.documents.map((doc) => doc.id) } : {}),
  };
}
