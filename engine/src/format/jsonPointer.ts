/** RFC 6901 JSON Pointers: the only path syntax of Qyzmet (forms, rules, errors). */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`a JSON Pointer starts with "/", got "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function appendPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + formatPointer(segments);
}

/** Reads the value at a pointer; undefined when any step is missing. Own properties only (no prototype walk). */
export function getAtPointer(value: unknown, pointer: string): unknown {
  let cur: unknown = value;
  for (const seg of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
