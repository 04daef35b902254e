import { ApiError } from '../shell/api';

/**
 * Who saved the draft since the revision this browser edited, when a request was refused for that reason (409
 * `draft.changed`, whose body lists them in `savedBy`); null for any other failure. The workbench shows a banner
 * asking to reload instead of the raw problem.
 */
export function conflictUsers(e: unknown): string[] | null {
  if (!(e instanceof ApiError) || e.status !== 409 || e.code !== 'draft.changed') return null;
  const savedBy = (e.body as { savedBy?: unknown } | null)?.savedBy;
  return Array.isArray(savedBy) ? savedBy.map(String) : [];
}
