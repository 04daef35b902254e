import { ApiError } from '../shell/api';

/**
 * Who saved the draft since the revision this browser edited, when a request was refused for that reason (409
 * `draft.changed`, whose body lists them by name in `savedByNames`, by id in `savedBy`); null for any other failure.
 * The workbench shows a banner asking to reload instead of the raw problem.
 */
export function conflictUsers(e: unknown): string[] | null {
  if (!(e instanceof ApiError) || e.status !== 409 || e.code !== 'draft.changed') return null;
  const body = e.body as { savedBy?: unknown; savedByNames?: unknown } | null;
  const users = Array.isArray(body?.savedByNames) ? body.savedByNames : body?.savedBy;
  return Array.isArray(users) ? users.map(String) : [];
}
