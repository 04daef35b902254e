import { isProvisional, type Explanation } from '../calendar';

/**
 * The calendar builds a deadline's explanation (texts in three languages, day by day) only when it is read; copying
 * it into an application's state and trace read it at once, for every deadline of every step, although a simulation
 * rarely shows it. Here it stays unread until something reads the property: JSON, a spread, a store and a test see a
 * plain enumerable `explanation` array, built once and shared by the entries given the same source.
 */

/** The source's provisional flag, kept beside a pending explanation (a symbol: JSON, spreads and stores skip it). */
const PROVISIONAL = Symbol('provisional');

interface Source {
  readonly explanation: Explanation[];
  /** Whether the explanation ends with a `term.provisional` item (DeadlineResult's flag). */
  readonly provisional?: boolean;
}

/**
 * `entry` with an `explanation` read from `source` when first read; assigning it replaces it with the value given.
 *
 * @example
 *   const state = withExplanation<DeadlineState>({ id: 'service', ... }, addDuration(wt, at, duration));
 *   JSON.stringify(state) // builds the explanation now, as a plain array
 */
export function withExplanation<T extends { explanation: Explanation[] }>(
  entry: Omit<T, 'explanation'>,
  source: Source,
): T {
  let built: Explanation[] | undefined;
  const target = entry as T;
  if (source.provisional !== undefined)
    Object.defineProperty(target, PROVISIONAL, { value: source.provisional, configurable: true });
  else delete (target as Record<symbol, unknown>)[PROVISIONAL];
  Object.defineProperty(target, 'explanation', {
    enumerable: true,
    configurable: true,
    get: () => (built ??= source.explanation),
    set(value: Explanation[]) {
      Object.defineProperty(target, 'explanation', { value, writable: true, enumerable: true, configurable: true });
      delete (target as Record<symbol, unknown>)[PROVISIONAL];
    },
  });
  return target;
}

/** Whether a deadline rests on provisional days (isProvisional), without building a pending explanation. */
export function provisionalOf(d: { explanation?: Explanation[] }): boolean {
  const flag = (d as Record<symbol, unknown>)[PROVISIONAL];
  return typeof flag === 'boolean' ? flag : isProvisional(d.explanation);
}
