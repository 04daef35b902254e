import type { CompiledService, CompiledVersion } from '../compiler/compileService';
import { isProblemError } from '../errors/problem';
import type { Scenario } from '../format/types';
import { simulate, type SimulationResult } from '../application/simulate';

/** One expectation that did not hold: the path of the difference, what was expected and what came out. */
export interface ScenarioDifference {
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface ScenarioOutcome {
  name: string;
  passed: boolean;
  differences: ScenarioDifference[];
  result?: SimulationResult;
  error?: string;
}

/** Instants compare as instants; null (no registration) equals only null. */
const sameInstant = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);
const sorted = (xs: string[]) => [...xs].sort();

/**
 * Runs a scenario and compares only what it expects (status always; state, version, registration instant,
 * deadlines by id, refusal grounds and documents when given). Instants compare as instants, so an expectation
 * written in UTC matches a result with the local offset.
 */
export async function runScenario(
  service: CompiledService,
  scenario: Scenario,
  options: { version?: CompiledVersion } = {},
): Promise<ScenarioOutcome> {
  let result: SimulationResult;
  try {
    result = await simulate(service, scenario.data, scenario.events, scenario.at, {
      renderDocuments: true,
      version: options.version,
      channel: scenario.channel,
    });
  } catch (e) {
    const message = isProblemError(e) ? e.problem.message : ((e as Error).stack ?? String(e));
    return { name: scenario.name, passed: false, differences: [], error: message };
  }
  const d: ScenarioDifference[] = [];
  const x = scenario.expect;
  if (x.status !== result.status) d.push({ path: '/expect/status', expected: x.status, actual: result.status });
  if (x.state !== undefined && x.state !== result.state)
    d.push({ path: '/expect/state', expected: x.state, actual: result.state });
  if (x.version !== undefined && x.version !== result.version)
    d.push({ path: '/expect/version', expected: x.version, actual: result.version });
  if (x.registeredAt !== undefined && !sameInstant(x.registeredAt, result.registeredAt))
    d.push({ path: '/expect/registeredAt', expected: x.registeredAt, actual: result.registeredAt });
  for (const [id, due] of Object.entries(x.deadlines ?? {})) {
    const got = result.deadlines.find((r) => r.id === id)?.dueAt;
    if (!got || !sameInstant(due, got)) d.push({ path: `/expect/deadlines/${id}`, expected: due, actual: got ?? null });
  }
  if (x.refusalGrounds !== undefined) {
    const got = sorted((result.refusal?.grounds ?? []).map((g) => g.id));
    if (JSON.stringify(sorted(x.refusalGrounds)) !== JSON.stringify(got))
      d.push({ path: '/expect/refusalGrounds', expected: x.refusalGrounds, actual: got });
  }
  if (x.documents !== undefined) {
    const got = sorted(result.documents.map((doc) => doc.id));
    if (JSON.stringify(sorted(x.documents)) !== JSON.stringify(got))
      d.push({ path: '/expect/documents', expected: x.documents, actual: got });
  }
  return { name: scenario.name, passed: d.length === 0, differences: d, result };
}
