import type { Condition, ConditionRef } from '@qyzmet/engine';

/**
 * A refusal ground's `when` as the grounds form edits it: the officer's finding it reads (`findings` fact, isTrue),
 * a reference to one of the version's named conditions (with `negate`: the ground applies when it does not hold), none
 * yet, or a composite rule that only the JSON section edits.
 */
export type GroundFacts =
  | { kind: 'finding'; finding: string }
  | { kind: 'condition'; condition: string; negate: boolean }
  | { kind: 'none' }
  | { kind: 'complex' };

/** A ground's id: lower-case Latin words and digits joined by dashes (the format's ids also allow dots). */
export const GROUND_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An officer's finding, as the event records it: latin camelCase (objectUnderArrest). */
export const FINDING_NAME = /^[a-z][a-zA-Z0-9]*$/;

const keysAre = (o: object, ...keys: string[]) => Object.keys(o).sort().join() === [...keys].sort().join();

/**
 * @example
 *   readGroundFacts({ fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true })
 *   // { kind: 'finding', finding: 'objectUnderArrest' }
 *   readGroundFacts({ condition: 'isApartment', negate: true })
 *   // { kind: 'condition', condition: 'isApartment', negate: true }
 */
export function readGroundFacts(when: unknown): GroundFacts {
  if (when === undefined || when === null) return { kind: 'none' };
  if (typeof when !== 'object' || Array.isArray(when)) return { kind: 'complex' };
  const w = when as Record<string, unknown>;
  if (
    (keysAre(w, 'condition') || keysAre(w, 'condition', 'negate')) &&
    typeof w.condition === 'string' &&
    (w.negate === undefined || typeof w.negate === 'boolean')
  )
    return { kind: 'condition', condition: w.condition, negate: w.negate === true };
  if (
    keysAre(w, 'fact', 'path', 'operator', 'value') &&
    w.fact === 'findings' &&
    w.operator === 'isTrue' &&
    w.value === true &&
    typeof w.path === 'string' &&
    /^\/[^/~]+$/.test(w.path)
  )
    return { kind: 'finding', finding: w.path.slice(1) };
  return { kind: 'complex' };
}

/** The `when` of a ground an officer decides by one finding; none while the name is empty (the engine says so). */
export function findingWhen(finding: string): Condition | undefined {
  return finding ? { fact: 'findings', path: `/${finding}`, operator: 'isTrue', value: true } : undefined;
}

/** The `when` of a ground that reuses a named condition (`negate` only when set, the format's one spelling). */
export function conditionWhen(condition: string, negate = false): ConditionRef | undefined {
  if (!condition) return undefined;
  return negate ? { condition, negate: true } : { condition };
}

/** Why a ground id cannot be used, or undefined: empty, not lower-case words with dashes, or another ground's. */
export function groundIdProblem(id: string, otherIds: readonly string[]): 'empty' | 'format' | 'taken' | undefined {
  if (!id) return 'empty';
  if (!GROUND_ID.test(id)) return 'format';
  return otherIds.includes(id) ? 'taken' : undefined;
}

/** The id of a shared ground an `$include` entry names (`…/art-19-1.json#/grounds/<id>`), or undefined. */
export function includedGroundId(include: unknown): string | undefined {
  if (typeof include !== 'string') return undefined;
  const pointer = include.split('#')[1];
  const last = pointer?.split('/').pop();
  return last ? last.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}
