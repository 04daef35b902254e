import type { Act } from '../format/types';
import { forEachLegalRef } from './checkReferences';

/**
 * A legalRef without `seed` cites the seed file of its act's registry entry: a definition writes `seed` only where
 * it differs from the act's own (a clause of an amended act quoted from the amending act's seed). The compiler fills
 * it in on a copy, so whatever reads a compiled definition (documents, the HTTP API, the admin UI) still sees `seed`.
 *
 * @example
 *   inheritSeeds({ legalRef: { act: 'moj-order-65-2026', lines: [2] } }, acts).legalRef.seed
 *   // '003_fecf8ad1b999089f.txt', the seed of acts['moj-order-65-2026']
 */
export function inheritSeeds<T>(value: T, acts: Record<string, Act>): T {
  // Definitions are JSON: a JSON round trip is an exact deep copy.
  const copy = JSON.parse(JSON.stringify(value)) as T;
  forEachLegalRef(copy, '', (ref) => {
    const seed = acts[ref.act]?.seed;
    if (ref.seed === undefined && seed !== undefined) ref.seed = seed;
  });
  return copy;
}
