import type { Act, ReadSeed } from '@qyzmet/engine';

type Clause = NonNullable<Act['clauses']>[number];

/**
 * The clause inventory of an act with the seed text of each clause, for the workbench's legal-reference picker: the
 * analyst chooses the paragraph, sub-paragraph, annex or row and reads what the act says there before citing it.
 */

export interface ActClause {
  id: string;
  article?: string;
  paragraph?: string;
  subparagraph?: string;
  part?: string;
  annex?: string;
  row?: string;
  lines?: number[];
  summary?: string;
  status?: Clause['status'];
  /** The seed lines of the clause, first to last; '' when the act's text is not in the seeds. */
  text: string;
}

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
  return act.legalRef.seed ?? acts[act.legalRef.act]?.seed;
}

/** Only the keys of the public shape: a clause's `reason` and `services` are the coverage report's business. */
const PLACES = ['article', 'paragraph', 'subparagraph', 'part', 'annex', 'row'] as const;

/**
 * @example
 *   actClauses('moj-order-65-2026', acts, readSeed).items[0]
 *   // { id: 'p.1 title', paragraph: '1', lines: [5, 11], summary: '…', status: 'not-applicable', text: '…' }
 */
export function actClauses(id: string, acts: Record<string, Act>, readSeed: ReadSeed | undefined): ActClauses {
  const act = acts[id];
  const seed = act ? clauseSeed(act, acts) : undefined;
  const lines = seed ? readSeed?.(seed)?.split(/\r?\n/) : undefined;
  const textOf = (cited: number[] | undefined) =>
    lines && cited?.length ? lines.slice(Math.max(0, cited[0] - 1), cited[cited.length - 1]).join('\n') : '';
  const items = (act?.clauses ?? []).map((c) => {
    const clause = c as Clause & { part?: string };
    const item: ActClause = { id: clause.id, text: '' };
    for (const key of PLACES) if (clause[key] !== undefined) item[key] = clause[key];
    if (clause.lines) item.lines = [...clause.lines];
    if (clause.summary !== undefined) item.summary = clause.summary;
    if (clause.status !== undefined) item.status = clause.status;
    item.text = textOf(clause.lines);
    return item;
  });
  return { act: id, seed: seed ?? null, items };
}
