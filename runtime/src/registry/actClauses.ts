import type { Act, ReadSeed } from '@qyzmet/engine';

type Clause = NonNullable<Act['clauses']>[number];

/**
 * The clause inventory of an act with the seed text of each clause, for the workbench's legal-reference picker: the
 * analyst chooses the paragraph, sub-paragraph, annex or row and reads what the act says there before citing it.
 */

/** A clause of the inventory as the picker shows it, with the seed lines it spans ('' when not in the seeds). */
export type ActClause = Omit<Clause, 'reason' | 'services' | 'lines' | 'summary'> & {
  part?: string;
  lines?: number[];
  summary?: string;
  text: string;
};

export interface ActClauses {
  act: string;
  /** The seed file the clauses' lines number, or null when the act's text is not in the seeds. */
  seed: string | null;
  items: ActClause[];
}

/**
 * The seed its clauses' lines refer to: the act's own, or — for an act known only through the act that amends it
 * (order No. 156 is quoted in the seed of order No. 65) — the seed of the act its own legalRef cites.
 */
export function clauseSeed(act: Act, acts: Record<string, Act>): string | undefined {
  if (act.seed) return act.seed;
  if (!act.clauses?.length || !act.legalRef) return undefined;
  const cited = act.legalRef.act;
  return act.legalRef.seed ?? (Object.hasOwn(acts, cited) ? acts[cited].seed : undefined);
}

/**
 * @example
 *   actClauses('moj-order-65-2026', acts, readSeed).items[0]
 *   // { id: 'p.1 title', paragraph: '1', lines: [5, 11], summary: '…', status: 'not-applicable', text: '…' }
 */
export function actClauses(id: string, acts: Record<string, Act>, readSeed: ReadSeed | undefined): ActClauses {
  // Own entries only: an id such as "constructor" names no act.
  const act = Object.hasOwn(acts, id) ? acts[id] : undefined;
  const seed = act ? clauseSeed(act, acts) : undefined;
  const lines = seed ? readSeed?.(seed)?.split(/\r?\n/) : undefined;
  const textOf = (cited: number[] | undefined) =>
    lines && cited?.length ? lines.slice(Math.max(0, cited[0] - 1), cited[cited.length - 1]).join('\n') : '';
  // A clause's `reason` and `services` are the coverage report's business, not the picker's.
  const items = (act?.clauses ?? []).map(({ reason: _reason, services: _services, ...clause }): ActClause => ({
    ...clause,
    text: textOf(clause.lines),
  }));
  return { act: id, seed: seed ?? null, items };
}
