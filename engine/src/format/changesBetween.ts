import { appendPointer } from './jsonPointer';
import type { ChangeDef, LegalRef } from './types';

/**
 * The amendment that turns one version into another, written as an analyst would read it: whole elements (a state, an
 * event, a refusal ground, a deadline, a document, a form field) added, replaced or removed, matched by `id` in arrays
 * so that inserting a ground does not show as "every later ground changed". Keys that describe the version itself
 * (id, label, producedBy, effective dates, notes) are returned apart, to be written beside `basedOn`.
 * Used to store a full version sent to the admin API as a change list, and to convert full copies on disk.
 */

/** Keys of a version that say which version it is rather than what the service is: written beside `basedOn`. */
export const VERSION_OWN_KEYS = [
  'id',
  'label',
  'producedBy',
  'effectiveFrom',
  'effectiveTo',
  'partial',
  'replaces',
  'notes',
];

/** Objects whose members are diffed one by one; anything deeper is an element, replaced whole when it changes. */
const CONTAINERS = new Set([
  '',
  '/machine',
  '/machine/states',
  '/machine/events',
  '/form',
  '/form/properties',
  '/conditions',
]);

/** Containers whose key order is meaning: a form's fields are the order of the applicant's page. */
const ORDERED = new Set(['/form/properties']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const idOf = (v: unknown) => (isObject(v) && typeof v.id === 'string' ? v.id : undefined);
const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffArrayById(path: string, before: unknown[], after: unknown[], out: Omit<ChangeDef, 'legalRef'>[]): void {
  const current = before.map(idOf) as string[];
  const wanted = new Set(after.map(idOf));
  for (let i = current.length - 1; i >= 0; i--) {
    if (!wanted.has(current[i])) {
      out.push({ op: 'remove', path: appendPointer(path, i) });
      current.splice(i, 1);
    }
  }
  const byId = new Map(before.map((v) => [idOf(v)!, v]));
  after.forEach((item, k) => {
    const id = idOf(item)!;
    const at = current.indexOf(id);
    if (at < 0) {
      out.push({ op: 'add', path: appendPointer(path, k), value: item });
      current.splice(k, 0, id);
      return;
    }
    if (at !== k) {
      out.push({ op: 'move', from: appendPointer(path, at), path: appendPointer(path, k) });
      current.splice(at, 1);
      current.splice(k, 0, id);
    }
    if (!equal(byId.get(id), item)) out.push({ op: 'replace', path: appendPointer(path, k), value: item });
  });
}

function diff(path: string, before: unknown, after: unknown, out: Omit<ChangeDef, 'legalRef'>[]): void {
  if (equal(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const ids = [...before, ...after].map(idOf);
    if (ids.every((id) => id !== undefined) && new Set(before.map(idOf)).size === before.length) {
      diffArrayById(path, before, after, out);
      return;
    }
  }
  if (isObject(before) && isObject(after) && CONTAINERS.has(path)) {
    for (const key of Object.keys(before))
      if (!(key in after)) out.push({ op: 'remove', path: appendPointer(path, key) });
    // Where key order is meaning, an added key goes last: past the longest run of keys already in their order, a key
    // of the base is removed and added again in its new place. Elsewhere the order is left as the base has it.
    const kept = Object.keys(before).filter((key) => key in after);
    const keys = Object.keys(after);
    let inOrder = 0;
    if (!ORDERED.has(path)) inOrder = keys.length;
    else while (inOrder < keys.length && keys[inOrder] === kept[inOrder]) inOrder++;
    keys.forEach((key, i) => {
      const value = after[key];
      const at = appendPointer(path, key);
      if (!(key in before)) out.push({ op: 'add', path: at, value });
      else if (i >= inOrder) out.push({ op: 'remove', path: at }, { op: 'add', path: at, value });
      else diff(at, before[key], value, out);
    });
    return;
  }
  out.push({ op: 'replace', path, value: after });
}

/**
 * @example
 *   changesBetween(v2016, v2017, { act: 'eko-akimat-res-93-2017' })
 *   // { own: { id: '2017-res-93', label: {…}, producedBy: […], effectiveFrom: {…} },
 *   //   changes: [{ op: 'replace', path: '/refusalGrounds/3', value: {…},
 *   //               legalRef: { act: 'eko-akimat-res-93-2017' } }, …] }
 */
export function changesBetween(
  base: Record<string, unknown>,
  target: Record<string, unknown>,
  legalRef: (path: string) => LegalRef,
): { own: Record<string, unknown>; changes: ChangeDef[] } {
  const own: Record<string, unknown> = {};
  const content = (v: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(v).filter(([k]) => !VERSION_OWN_KEYS.includes(k) && k !== 'basedOn' && k !== 'changes'),
    );
  for (const key of VERSION_OWN_KEYS) if (key in target) own[key] = target[key];
  const ops: Omit<ChangeDef, 'legalRef'>[] = [];
  // A key of the base's own that the target drops (a repeal date that no longer applies) is removed by a change.
  for (const key of VERSION_OWN_KEYS) if (key in base && !(key in target)) ops.push({ op: 'remove', path: `/${key}` });
  diff('', content(base), content(target), ops);
  return { own, changes: ops.map((op) => ({ ...op, legalRef: legalRef(op.path) })) };
}
