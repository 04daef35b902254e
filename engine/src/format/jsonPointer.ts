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

/**
 * Every string of a JSON value with its pointer, object keys included (`key: true`, at the pointer they name), in
 * document order. Walked with an explicit stack, so a deeply nested request cannot overflow it.
 */
export function* textsOf(value: unknown): Generator<{ text: string; pointer: string; key: boolean }> {
  const stack: Array<[unknown, string, string | null]> = [[value, '', null]];
  while (stack.length) {
    const [v, pointer, key] = stack.pop()!;
    if (key !== null) yield { text: key, pointer, key: true };
    if (typeof v === 'string') yield { text: v, pointer, key: false };
    else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      // Reversed onto the stack, so they come out in document order.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i];
        stack.push([child, appendPointer(pointer, k), Array.isArray(v) ? null : k]);
      }
    }
  }
}
