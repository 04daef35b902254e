import type { EditorProblem } from '../model';

/**
 * Immutable edits of a version by JSON pointer, so an editor changes one value and keeps every other object as it was
 * (the server's diff then sees exactly one change).
 */

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
export const escapeToken = (s: string | number) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (...tokens: Array<string | number>) => tokens.map((t) => `/${escapeToken(t)}`).join('');

function tokensOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
}

export function getIn(value: unknown, pointer: string): unknown {
  let at: unknown = value;
  for (const t of tokensOf(pointer)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[t];
  }
  return at;
}

/** A copy of `root` with the value at `pointer` replaced (`undefined` removes a key or an array item). */
export function setIn<T>(root: T, pointer: string, value: unknown): T {
  const tokens = tokensOf(pointer);
  const rec = (node: unknown, i: number): unknown => {
    if (i === tokens.length) return value;
    const t = tokens[i];
    if (Array.isArray(node)) {
      const copy = [...node];
      const index = t === '-' ? copy.length : Number(t);
      const next = rec(copy[index], i + 1);
      if (next === undefined && i === tokens.length - 1) copy.splice(index, 1);
      else copy[index] = next;
      return copy;
    }
    const obj = { ...((node ?? {}) as Record<string, unknown>) };
    const next = rec(obj[t], i + 1);
    if (next === undefined) delete obj[t];
    else obj[t] = next;
    return obj;
  };
  return rec(root, 0) as T;
}

/** The problems at a pointer or below it, for the field that edits it (`aria-invalid` and the message under it). */
export function problemsAt(problems: readonly EditorProblem[], pointer: string): EditorProblem[] {
  return problems.filter((p) => p.pointer === pointer || p.pointer?.startsWith(`${pointer}/`));
}
