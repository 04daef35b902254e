import { escapeSegment } from './jsonPointer';

/**
 * A structural diff of two JSON values, for comparing versions of a definition (form fields, states, rules,
 * deadlines, wording). Arrays whose elements are all objects with distinct string `id`s are matched by id, so
 * inserting a ground does not report every later ground as changed; other arrays are compared by position.
 */

export interface JsonChange {
  /** Pointer into the newer value (into the older one for a removal). */
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const esc = (k: string | number) => escapeSegment(String(k));
const idOf = (x: unknown) => (x as { id: string }).id;

/** Every element an object with a string id, no id twice: only then can elements be told apart by id. */
function matchableById(xs: unknown[]): boolean {
  if (xs.length === 0 || !xs.every((x) => isObject(x) && typeof x.id === 'string')) return false;
  return new Set(xs.map(idOf)).size === xs.length;
}

/**
 * Positions (in `seq`) of a longest strictly increasing subsequence: the matched elements that kept their relative
 * order. The others moved.
 */
function keptInOrder(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) kept.add(i);
  return kept;
}

/** Walks both values; `at` points into the newer value, `was` into the older one (they differ after an id match). */
function walk(before: unknown, after: unknown, at: string, was: string, out: JsonChange[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    if (matchableById(before) && matchableById(after)) return walkById(before, after, at, was, out);
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= after.length) out.push({ pointer: `${was}/${i}`, kind: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ pointer: `${at}/${i}`, kind: 'added', after: after[i] });
      else walk(before[i], after[i], `${at}/${i}`, `${was}/${i}`, out);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    // Own keys only: a definition may well name something "constructor" or "toString".
    for (const k of Object.keys(before))
      if (!Object.hasOwn(after, k)) out.push({ pointer: `${was}/${esc(k)}`, kind: 'removed', before: before[k] });
    for (const k of Object.keys(after)) {
      if (!Object.hasOwn(before, k)) out.push({ pointer: `${at}/${esc(k)}`, kind: 'added', after: after[k] });
      else walk(before[k], after[k], `${at}/${esc(k)}`, `${was}/${esc(k)}`, out);
    }
    return;
  }
  out.push({ pointer: at, kind: 'changed', before, after });
}

/**
 * Arrays matched by id. An element that changed place relative to the others (the order of grounds is the order of
 * a refusal notice) is reported as removed from its old index and added at its new one, like a JSON Patch move;
 * only the fewest elements that explain the new order are reported so.
 */
function walkById(before: unknown[], after: unknown[], at: string, was: string, out: JsonChange[]): void {
  const oldIndex = new Map(before.map((x, i) => [idOf(x), i]));
  const matched = after.flatMap((x, j) => (oldIndex.has(idOf(x)) ? [j] : []));
  const kept = keptInOrder(matched.map((j) => oldIndex.get(idOf(after[j]))!));
  const stays = new Set(matched.filter((_, k) => kept.has(k)));
  const removed: JsonChange[] = [];
  after.forEach((x, j) => {
    const i = oldIndex.get(idOf(x));
    if (i !== undefined && stays.has(j)) walk(before[i], x, `${at}/${j}`, `${was}/${i}`, out);
    else out.push({ pointer: `${at}/${j}`, kind: 'added', after: x });
  });
  const inAfter = new Map(after.map((x, j) => [idOf(x), j]));
  before.forEach((x, i) => {
    const j = inAfter.get(idOf(x));
    if (j === undefined || !stays.has(j)) removed.push({ pointer: `${was}/${i}`, kind: 'removed', before: x });
  });
  out.push(...removed);
}

/**
 * @example diffJson({ a: 1 }, { a: 2, b: 3 }) // [{ pointer: '/a', kind: 'changed', before: 1, after: 2 }, { pointer:
 * '/b', kind: 'added', after: 3 }]
 */
export function diffJson(before: unknown, after: unknown, pointer = ''): JsonChange[] {
  const out: JsonChange[] = [];
  walk(before, after, pointer, pointer, out);
  return out;
}
