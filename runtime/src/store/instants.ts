import { domainError } from '@qyzmet/engine';

/**
 * Instants as the stores keep them beside the ISO text: epoch milliseconds, so that "+05:00" and "+06:00" instants
 * sort as instants, not as strings.
 */

/**
 * The instants a store is given come from the runtime, which reads the user's own (query parameters) before they get
 * here: one it cannot read is the runtime's fault, hence `internal`.
 */
export function toMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    throw domainError(
      'internal',
      'store.invalid-instant',
      `${what} is not an ISO instant: ${JSON.stringify(iso)} (expected e.g. 2025-03-03T09:00:00+05:00)`,
      { params: { what, value: iso } },
    );
  }
  return ms;
}

/** 8.64e15 is the largest epoch-ms a Date can hold; one more sorts after every real due date ("no due date"). */
export const NO_DUE_MS = 8_640_000_000_000_001;

export function toMsOrNull(iso: string | null, what: string): number | null {
  return iso === null ? null : toMs(iso, what);
}
