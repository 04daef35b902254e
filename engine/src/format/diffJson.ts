/**
 * A structural diff of two JSON values, for comparing versions of a definition (form fields, states, rules,
 * deadlines, wording). Arrays of objects with an `id` are matched by id, so inserting a ground does not report
 * every later ground as changed.
 */

export interface JsonChange {
  /** Pointer into the newer value (into the older one for a removal). */
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const esc = (k: string | number) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');
const hasIds = (xs: unknown[]) => xs.length > 0 && xs.every((x) => isObject(x) && typeof x.id === 'string');

/**
 * @example diffJson({ a: 1 }, { a: 2, b: 3 }) // [{ pointer: '/a', kind: 'changed', before: 1, after: 2 }, { pointer:
 * '/b', kind: 'added', after: 3 }]
 */
export function diffJson(before: unknown, after: unknown, pointer = ''): JsonChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    if (hasIds(before) && hasIds(after)) {
      const out: JsonChange[] = [];
      const old = new Map(before.map((x, i) => [(x as { id: string }).id, { x, i }]));
      after.forEach((x, i) => {
        const id = (x as { id: string }).id;
        const prev = old.get(id);
        if (prev) out.push(...diffJson(prev.x, x, `${pointer}/${i}`));
        else out.push({ pointer: `${pointer}/${i}`, kind: 'added', after: x });
        old.delete(id);
      });
      for (const { x, i } of old.values()) out.push({ pointer: `${pointer}/${i}`, kind: 'removed', before: x });
      return out;
    }
    const out: JsonChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= after.length) out.push({ pointer: `${pointer}/${i}`, kind: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ pointer: `${pointer}/${i}`, kind: 'added', after: after[i] });
      else out.push(...diffJson(before[i], after[i], `${pointer}/${i}`));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const out: JsonChange[] = [];
    for (const k of Object.keys(before))
      if (!(k in after)) out.push({ pointer: `${pointer}/${esc(k)}`, kind: 'removed', before: before[k] });
    for (const k of Object.keys(after)) {
      if (!(k in before)) out.push({ pointer: `${pointer}/${esc(k)}`, kind: 'added', after: after[k] });
      else out.push(...diffJson(before[k], after[k], `${pointer}/${esc(k)}`));
    }
    return out;
  }
  return [{ pointer, kind: 'changed', before, after }];
}
