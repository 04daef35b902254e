import { isProvisional, type Explanation } from '../calendar';

/**
 * The calendar builds a deadline's explanation (texts in three languages, day by day) only when it is read; copying
 * it into an application's state and trace read it at once, for every deadline of every step, although a simulation
 * rarely shows it. Here it stays unread until something reads the property: JSON, a spread, a store and a test see a
 * plain enumerable `explanation` array, built once and shared by the entries given the same source.
 */

/** A pending explanation's source (a symbol, not enumerable: JSON, spreads, stores and equality skip it). */
const PENDING = Symbol('pending explanation');

interface Source {
  readonly explanation: Explanation[];
  /** Whether the explanation ends with a `term.provisional` item (DeadlineResult's flag). */
  readonly provisional?: boolean;
}

interface Pending {
  source: Source;
  built?: Explanation[];
}

type WithPending = { [PENDING]?: Pending; explanation: Explanation[] };

// One getter and setter for every entry (a closure per entry made each a new hidden class, four times slower).
const accessor: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithPending) {
    const p = this[PENDING]!;
    return (p.built ??= p.source.explanation);
  },
  set(this: WithPending, value: Explanation[]) {
    Object.defineProperty(this, 'explanation', { value, writable: true, enumerable: true, configurable: true });
    delete this[PENDING];
  },
};

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
  const pending: Pending = { source };
  Object.defineProperty(entry, PENDING, { value: pending, writable: true, configurable: true });
  Object.defineProperty(entry, 'explanation', accessor);
  return entry as T;
}

/** Whether a deadline rests on provisional days (isProvisional), without building a pending explanation. */
export function provisionalOf(d: { explanation?: Explanation[] }): boolean {
  const flag = (d as WithPending)[PENDING]?.source.provisional;
  return typeof flag === 'boolean' ? flag : isProvisional(d.explanation);
}
