import type { Scenario, ScenarioOutcome } from '@qyzmet/engine';

/**
 * What a scenario expects beside what its run produced, one row per fact (status, state, version, registration,
 * each deadline, refusal grounds, documents). A row differs exactly when the engine's comparison says so (its
 * differences' paths), so the highlight never disagrees with green or red.
 */

export type FactKind = 'status' | 'state' | 'version' | 'instant' | 'grounds' | 'documents';

export interface ComparisonRow {
  /** The engine's path of this fact ("/expect/deadlines/service"). */
  path: string;
  kind: FactKind;
  /** The deadline's id for deadline rows. */
  deadline?: string;
  /** undefined: the scenario does not pin this fact (not compared). */
  expected: string | string[] | undefined;
  /** undefined: the run produced nothing for it (an error, a deadline not running). */
  received: string | string[] | undefined;
  differs: boolean;
}

export function comparisonRows(
  expect: Scenario['expect'] | undefined,
  outcome: ScenarioOutcome | undefined,
): ComparisonRow[] {
  const x = expect ?? ({} as Partial<Scenario['expect']>);
  const r = outcome?.result;
  const differing = new Set((outcome?.differences ?? []).map((d) => d.path));
  const row = (
    path: string,
    kind: FactKind,
    expected: ComparisonRow['expected'],
    received: ComparisonRow['received'],
    deadline?: string,
  ): ComparisonRow => ({
    path,
    kind,
    expected,
    received,
    differs: differing.has(path),
    ...(deadline ? { deadline } : {}),
  });
  const rows: ComparisonRow[] = [
    row('/expect/status', 'status', x.status, r?.status),
    row('/expect/state', 'state', x.state, r?.state),
  ];
  if (x.version !== undefined) rows.push(row('/expect/version', 'version', x.version, r?.version));
  rows.push(row('/expect/registeredAt', 'instant', x.registeredAt ?? undefined, r?.registeredAt ?? undefined));
  const deadlineIds = [...new Set([...Object.keys(x.deadlines ?? {}), ...(r?.deadlines ?? []).map((d) => d.id)])];
  for (const id of deadlineIds)
    rows.push(
      row(`/expect/deadlines/${id}`, 'instant', x.deadlines?.[id], r?.deadlines.find((d) => d.id === id)?.dueAt, id),
    );
  rows.push(
    row(
      '/expect/refusalGrounds',
      'grounds',
      x.refusalGrounds,
      r ? (r.refusal?.grounds ?? []).map((g) => g.id) : undefined,
    ),
  );
  rows.push(row('/expect/documents', 'documents', x.documents, r ? r.documents.map((d) => d.id) : undefined));
  return rows;
}
