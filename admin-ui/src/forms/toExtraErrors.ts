import type { Schema } from './toRjsfSchema';

/**
 * The server's field errors (JSON pointers into the request: /data/applicant/iin) made into rjsf's extraErrors. Pure:
 * the browser tests call it directly too.
 */
export interface ServerFieldError {
  pointer: string;
  code?: string;
  message: string;
  messages?: Record<string, string>;
}
export type ErrorTree = { __errors?: string[]; [k: string]: ErrorTree | string[] | undefined };

/** The path of a pointer into the request's `data` (/data/applicant/iin → ['applicant', 'iin']). */
export function pointerPath(pointer: string): string[] {
  const segs = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segs[0] === 'data' ? segs.slice(1) : segs;
}

/** The id rjsf gives the field at a pointer (its default prefix `root` and separator `_`). */
export function fieldId(pointer: string): string {
  return ['root', ...pointerPath(pointer)].join('_');
}

/**
 * The server's field errors as rjsf extraErrors, each message in the UI language (the error's `messages` carry
 * kk/ru/en; `message` is in the request's Accept-Language). Errors on fields the form does not show come back in
 * `unplaced`, to be listed above the form.
 */
export function toExtraErrors(
  errors: ServerFieldError[],
  lang: string,
  schema?: Schema,
): { tree: ErrorTree; unplaced: string[] } {
  const tree: ErrorTree = {};
  const unplaced: string[] = [];
  for (const e of errors) {
    const text = e.messages?.[lang] ?? e.message;
    const path = pointerPath(e.pointer);
    if (schema && !shown(schema, path)) {
      unplaced.push(text);
      continue;
    }
    let node = tree;
    for (const seg of path) node = (node[seg] ??= {}) as ErrorTree;
    (node.__errors ??= []).push(text);
  }
  return { tree, unplaced };
}

/** Whether the rjsf schema has a field at the path (looking through the branches of conditionals). */
function shown(schema: Schema, path: string[]): boolean {
  let level: Schema[] = [schema];
  for (const seg of path) {
    const next: Schema[] = [];
    const visit = (s: unknown) => {
      if (!s || typeof s !== 'object') return;
      const x = s as Schema;
      const p = (x.properties as Schema | undefined)?.[seg];
      if (p) next.push(p as Schema);
      if (/^\d+$/.test(seg) && x.items) next.push(x.items as Schema);
      for (const k of ['allOf', 'anyOf', 'oneOf'] as const)
        for (const b of (x[k] as Schema[] | undefined) ?? []) visit(b);
      for (const k of ['then', 'else'] as const) visit(x[k]);
    };
    level.forEach(visit);
    if (next.length === 0) return false;
    level = next;
  }
  return true;
}

/**
 * The ids of the form's fields in the order the form shows them (properties in order, depth first; fields that only a
 * conditional branch adds come after their object's own): the error summary lists errors in this order.
 */
export function fieldIdsInOrder(schema: Schema, prefix = 'root'): string[] {
  const ids: string[] = [];
  const visit = (s: unknown, at: string) => {
    if (!s || typeof s !== 'object') return;
    const x = s as Schema;
    for (const [k, v] of Object.entries((x.properties as Schema | undefined) ?? {})) {
      const id = `${at}_${k}`;
      if (!ids.includes(id)) ids.push(id);
      visit(v, id);
    }
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const)
      for (const b of (x[k] as Schema[] | undefined) ?? []) visit(b, at);
    for (const k of ['then', 'else'] as const) visit(x[k], at);
  };
  visit(schema, prefix);
  return ids;
}

/** The errors in the order of their fields on the form (an error on an object just before its first field). */
export function inFormOrder<T extends { pointer: string }>(errors: readonly T[], schema: Schema): T[] {
  const ids = fieldIdsInOrder(schema);
  const rank = (e: T) => {
    const id = fieldId(e.pointer);
    const exact = ids.indexOf(id);
    if (exact >= 0) return exact;
    const inside = ids.findIndex((x) => x.startsWith(`${id}_`));
    return inside >= 0 ? inside - 0.5 : ids.length;
  };
  return errors
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}
