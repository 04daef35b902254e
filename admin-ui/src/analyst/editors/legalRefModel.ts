import type { LegalRef } from '@qyzmet/engine';

/**
 * The legal-reference picker's logic, apart from its form: which clause of an act's inventory a citation names, the
 * lines of the act's text it cites, and the citation a chosen clause makes.
 */

/** The units a citation names, in the order documents print them. */
export const UNITS = ['article', 'part', 'paragraph', 'subparagraph', 'annex', 'row'] as const;
export type Unit = (typeof UNITS)[number];

/** A clause of an inventory as GET /admin/acts/:id/clauses gives it: its units, lines and their text. */
export type InventoryClause = Partial<Record<Unit, string>> & { id: string; lines?: number[]; text: string };

/** The clause of the inventory whose units are exactly the citation's (none, when the units were typed otherwise). */
export function clauseOf<C extends InventoryClause>(items: readonly C[], ref: LegalRef): C | undefined {
  return items.find((c) => UNITS.every((k) => (c[k] ?? '') === (ref[k] ?? '')));
}

/**
 * The lines of a clause's text that `lines` narrows to, numbered; the whole text unnumbered when it does not come
 * line by line (its count differs from the clause's span).
 *
 * @example
 *   citedLines({ id: 'a', lines: [10, 12], text: 'x\ny\nz' }, [11]) // [{ n: 11, text: 'y' }]
 */
export function citedLines(
  c: InventoryClause,
  lines: readonly number[] | undefined,
): Array<{ n: number | null; text: string }> {
  const all = c.text.split('\n');
  const first = c.lines?.[0];
  const last = c.lines?.[c.lines.length - 1];
  if (first === undefined || last === undefined || all.length !== last - first + 1)
    return all.map((text) => ({ n: null, text }));
  const from = Math.max(lines?.[0] ?? first, first);
  const to = Math.min(lines?.[lines.length - 1] ?? last, last);
  return all.map((text, i) => ({ n: first + i, text })).filter((l) => l.n >= from && l.n <= to);
}

/**
 * A copy without empty keys, so a cleared field leaves the citation instead of writing "". The act stays even when not
 * chosen yet: the engine then says so at the act's own field.
 */
export function compactRef(r: Record<string, unknown>): LegalRef {
  const kept = Object.entries(r).filter(([k, v]) => k === 'act' || (v !== undefined && v !== ''));
  return { act: '', ...Object.fromEntries(kept) } as unknown as LegalRef;
}

/**
 * The citation of a chosen clause: its units (others cleared), its lines, and the seed file only where it is not the
 * act's own (the compiler fills that one in); the quote and the note are kept.
 */
export function clauseRef(
  ref: LegalRef,
  clause: InventoryClause,
  inventorySeed: string | null,
  actSeed: string | undefined,
): LegalRef {
  const units = Object.fromEntries(UNITS.map((k) => [k, clause[k]]));
  const seed = inventorySeed && inventorySeed !== actSeed ? inventorySeed : undefined;
  return compactRef({ act: ref.act, ...units, seed, lines: clause.lines, quote: ref.quote, note: ref.note });
}

/** The lines from the two number fields: one line, a range, or none while "from" is empty. */
export function linesOf(from: string, to: string): [number] | [number, number] | undefined {
  if (!from) return undefined;
  return to && to !== from ? [Number(from), Number(to)] : [Number(from)];
}
