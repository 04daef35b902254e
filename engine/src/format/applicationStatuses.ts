/**
 * The statuses of an application: the word every state of a step machine maps to, what a scenario expects, what the
 * API returns and an inbox filters by. The meta-schemas (service.schema.json, scenario.schema.json) keep their own
 * enum for editors that read only JSON; a test holds them equal to this list.
 *
 * @example
 *   APPLICATION_STATUSES.includes(query.status as Status) // a valid ?status= filter
 */
export const APPLICATION_STATUSES = [
  'registered',
  'in-progress',
  'suspended',
  'approved',
  'refused',
  'withdrawn',
] as const;

export type Status = (typeof APPLICATION_STATUSES)[number];

/** Statuses in which an application still waits for someone: an inbox opens on these. */
export const OPEN_STATUSES: readonly Status[] = ['registered', 'in-progress', 'suspended'];

/** Statuses an application ends in: no timer fires and no deadline runs any more. */
export const FINAL_STATUSES: readonly Status[] = ['approved', 'refused', 'withdrawn'];

/** Whether a value is one of the statuses (for query strings and other untyped input). */
export function isStatus(value: unknown): value is Status {
  return (APPLICATION_STATUSES as readonly unknown[]).includes(value);
}
