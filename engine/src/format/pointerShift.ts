/**
 * Bookkeeping keyed by JSON Pointer that must follow a document through RFC 6902 operations: where each part was
 * written (file positions) and which amending act last changed it. An `add` into an array shifts the entries of the
 * later items up by one, a `remove` shifts them down, and a `replace` drops what was recorded under the replaced
 * place. Kept apart from the patch library, which moves values but knows nothing of what we attach to them.
 */

/** Something recorded at a pointer (absolute in the document being patched). */
export interface AtPointer {
  at: string;
}

/** True when `pointer` is `base` or lies inside it. */
export function isUnder(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/');
}

/** Splits "/a/b/3" into its parent "/a/b" and last segment "3". */
export function splitLast(pointer: string): { parent: string; last: string } {
  const i = pointer.lastIndexOf('/');
  return { parent: pointer.slice(0, i), last: pointer.slice(i + 1) };
}

/** Moves the entries of the items at index ≥ `from` of the array at `parent` by `by` (+1: an insert, −1: a removal). */
function shiftIndices<T extends AtPointer>(entries: T[], parent: string, from: number, by: number): void {
  for (const e of entries) {
    if (!e.at.startsWith(parent + '/')) continue;
    const rest = e.at.slice(parent.length + 1);
    const slash = rest.indexOf('/');
    const head = slash < 0 ? rest : rest.slice(0, slash);
    if (!/^\d+$/.test(head) || Number(head) < from) continue;
    e.at = `${parent}/${Number(head) + by}${slash < 0 ? '' : rest.slice(slash)}`;
  }
}

/** Removes and returns the entries recorded at or under `pointer`. */
export function takeUnder<T extends AtPointer>(entries: T[], pointer: string): T[] {
  const taken: T[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    if (isUnder(entries[i].at, pointer)) taken.unshift(...entries.splice(i, 1));
  }
  return taken;
}

/** An item is inserted at `pointer` (an array index): the records of it and the later items move up by one. */
export function openGap<T extends AtPointer>(entries: T[], pointer: string): void {
  const { parent, last } = splitLast(pointer);
  shiftIndices(entries, parent, Number(last), +1);
}

/** Closes the gap left by removing the value at `pointer`; returns what was recorded under it. */
export function closeGap<T extends AtPointer>(entries: T[], pointer: string, parentIsArray: boolean): T[] {
  const taken = takeUnder(entries, pointer);
  if (parentIsArray) {
    const { parent, last } = splitLast(pointer);
    shiftIndices(entries, parent, Number(last) + 1, -1);
  }
  return taken;
}

/** Entries recorded under `from`, copied (or moved, when taken) to lie under `to`. */
export function rebase<T extends AtPointer>(entries: T[], from: string, to: string): T[] {
  return entries.filter((e) => isUnder(e.at, from)).map((e) => ({ ...e, at: to + e.at.slice(from.length) }));
}
