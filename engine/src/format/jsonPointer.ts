/** RFC 6901 JSON Pointers: the only path syntax of Qyzmet (forms, rules, errors). */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`a JSON Pointer starts with "/", got "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** One segment escaped (~ → ~0, / → ~1); most keys hold neither and are returned as they are (a hot path). */
export function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function formatPointer(segments: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const s of segments) pointer += '/' + escapeSegment(String(s));
  return pointer;
}

export function appendPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + formatPointer(segments);
}

/** Reads the value at a pointer; undefined when any step is missing. Own properties only (no prototype walk). */
export function getAtPointer(value: unknown, pointer: string): unknown {
  return getAtSegments(value, parsePointer(pointer));
}

/** getAtPointer on a pointer parsed once (parsePointer), for paths read many times (rules). */
export function getAtSegments(value: unknown, segments: readonly string[]): unknown {
  let cur: unknown = value;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** A value met in a walk: its parent and its segment there, so that its pointer is built only when asked for. */
interface Visit {
  value: unknown;
  parent: Visit | null;
  segment: string;
  /** Whether the segment is an object's key (a text itself), not an array index. */
  keyed: boolean;
}

function pointerOf(visit: Visit): string {
  const segments: string[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) segments.push(escapeSegment(v.segment));
  return segments.length ? `/${segments.reverse().join('/')}` : '';
}

/**
 * The pointers of the strings of a JSON value that `accept` takes, object keys included (`key` true, at the pointer
 * they name), in document order, at most `limit`. Walked with an explicit stack, so a deeply nested request cannot
 * overflow it; a pointer is built only for a string taken (every request body is walked, almost always to no find).
 */
export function findTexts(value: unknown, accept: (text: string, key: boolean) => boolean, limit = Infinity): string[] {
  const found: string[] = [];
  const stack: Visit[] = [{ value, parent: null, segment: '', keyed: false }];
  while (stack.length && found.length < limit) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (visit.keyed && accept(visit.segment, true)) {
      found.push(pointerOf(visit));
      if (found.length === limit) break;
    }
    if (typeof v === 'string') {
      if (accept(v, false)) found.push(pointerOf(visit));
    } else if (v !== null && typeof v === 'object') {
      const keyed = !Array.isArray(v);
      const keys = Object.keys(v);
      // Reversed onto the stack, so they come out in document order.
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({ value: (v as Record<string, unknown>)[keys[i]], parent: visit, segment: keys[i], keyed });
    }
  }
  return found;
}
