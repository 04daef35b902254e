import type { AtPointer } from './pointerShift';

/** Where a part of the assembled definition was written: which file, at which pointer inside that file. */
export interface Origin extends AtPointer {
  file: string;
  pointer: string;
}

/**
 * The file and in-file pointer that wrote `pointer` of the assembled value: the longest recorded prefix wins, and at
 * the same pointer the later record wins (an include inside an include, a change over its base).
 */
export function originOf(origins: readonly Origin[], pointer: string, fallbackFile: string): Omit<Origin, 'at'> {
  let best: Origin | undefined;
  for (const o of origins) {
    const covers = o.at === '' || pointer === o.at || pointer.startsWith(o.at + '/');
    if (covers && (!best || o.at.length >= best.at.length)) best = o;
  }
  return best
    ? { file: best.file, pointer: best.pointer + pointer.slice(best.at.length) }
    : { file: fallbackFile, pointer };
}

/**
 * Gives the value at `pointer` an origin record of its own (a copy of the one that covers it), so that the record
 * follows the value when array items shift or the value moves. Without it, an item inherited whole from a base file
 * is found only through its ancestor's record, by its index, and would locate at whatever item now has that index.
 */
export function pinOrigin(origins: Origin[], pointer: string, fallbackFile: string): void {
  if (origins.some((o) => o.at === pointer)) return;
  origins.push({ at: pointer, ...originOf(origins, pointer, fallbackFile) });
}
