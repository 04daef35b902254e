import {
  runScenario,
  type CompiledService,
  type CompiledVersion,
  type Scenario,
  type ScenarioOutcome,
} from '@qyzmet/engine';
import type { StoredApplication } from '../store/Store';
import type { LoadedScenario } from './loadScenarios';

/**
 * What a draft would change, before it is published: the scenarios (each on the version in force at its own date,
 * before and with the draft) and the open applications (they keep their version; would the draft change their outcome
 * or due instant if they were on it?).
 */

type Outcome = { version: string; status: string; state: string; due: string | null } | { error: string };

export interface ScenarioImpact {
  scenario: string;
  file: string;
  before: Outcome;
  after: Outcome;
  changed: boolean;
  /** Whether it meets its expectation with the draft (a failing one blocks publication until fixed or accepted). */
  passed: boolean;
}

export interface OpenApplicationImpact {
  id: string;
  version: string;
  state: string;
  status: string;
  dueAt: string | null;
  /** Whether the draft would change its outcome or due instant if it were on the new version (it stays on its own). */
  affected: boolean;
  onNewVersion?: Outcome;
}

function summary(o: ScenarioOutcome): Outcome {
  return o.result
    ? {
        version: o.result.version,
        status: o.result.status,
        state: o.result.state,
        due: o.result.deadlines.find((x) => x.id === 'service')?.dueAt ?? null,
      }
    : { error: o.error ?? 'failed' };
}

/** A change of version alone is no change of outcome: only status, state and due instant count. */
const outcome = (x: Outcome) => ('error' in x ? x : { status: x.status, state: x.state, due: x.due });
const differ = (a: Outcome, b: Outcome) => JSON.stringify(outcome(a)) !== JSON.stringify(outcome(b));

/** Each scenario by its own date, on the service as it is and with the draft in force from its date. */
export async function scenarioImpact(
  service: CompiledService,
  drafted: CompiledService,
  scenarios: LoadedScenario[],
): Promise<ScenarioImpact[]> {
  const impact: ScenarioImpact[] = [];
  for (const { file, scenario } of scenarios) {
    const before = summary(await runScenario(service, scenario));
    const run = await runScenario(drafted, scenario);
    const after = summary(run);
    impact.push({ scenario: scenario.name, file, before, after, changed: differ(before, after), passed: run.passed });
  }
  return impact;
}

/** Each open application's data as registered, run from its registration instant on its version and on the draft's. */
export async function openApplicationsImpact(
  applications: StoredApplication[],
  service: CompiledService,
  drafted?: { service: CompiledService; version: CompiledVersion },
): Promise<OpenApplicationImpact[]> {
  const rows: OpenApplicationImpact[] = [];
  for (const app of applications) {
    const row: OpenApplicationImpact = {
      id: app.id,
      version: app.version,
      state: app.state,
      status: app.status,
      dueAt: app.dueAt,
      affected: false,
    };
    if (drafted) {
      const probe = {
        name: app.id,
        at: app.registeredAt,
        data: app.snapshot.data,
        events: [],
        expect: { status: 'registered' },
      } as unknown as Scenario;
      const old = service.versions.find((v) => v.id === app.version);
      const was = summary(await runScenario(service, probe, { version: old }));
      const would = summary(await runScenario(drafted.service, probe, { version: drafted.version }));
      row.onNewVersion = outcome(would) as Outcome;
      row.affected = differ(was, would);
    }
    rows.push(row);
  }
  return rows;
}
