import type { ConditionRef } from '../format/types';

/**
 * A condition reference ({ condition, negate? }) read against the decisions of a rule run: guards, deadline cases and
 * variants all refer to a named condition this way. No reference (a transition or a case without one) always holds.
 *
 * @example
 *   referenceHolds({ condition: 'anyRefusalGround', negate: true }, { anyRefusalGround: false }) // true
 */
export function referenceHolds(ref: ConditionRef | undefined, decisions: Record<string, boolean>): boolean {
  if (!ref) return true;
  const holds = Object.hasOwn(decisions, ref.condition) && Boolean(decisions[ref.condition]);
  return holds !== Boolean(ref.negate);
}

/**
 * A reference as a diagram or a table shows it.
 *
 * @example formatConditionRef({ condition: 'isApartment', negate: true }) // 'not isApartment'
 */
export function formatConditionRef(ref: ConditionRef): string {
  return ref.negate ? `not ${ref.condition}` : ref.condition;
}
