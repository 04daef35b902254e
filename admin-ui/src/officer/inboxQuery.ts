import { OPEN_STATUSES } from '../../../engine/src/format/applicationStatuses';

/**
 * The inbox's filters: the query parameters of GET /applications (C2) the officer sets. They live in the address
 * (#/inbox?q=…&assignee=me), so a link to a view can be shared, and a saved filter (C4) holds the same members.
 */
export interface InboxFilters {
  q: string;
  /** Comma-separated statuses; '' is every status. */
  status: string;
  serviceId: string;
  provider: string;
  /** 'me' | 'none' | a user id | '' (anyone's). */
  assignee: string;
  /** 'overdue' | 'today' | ''. */
  due: string;
}

/** The officer's work: open applications first (closed ones are one choice away). */
export const OPEN = OPEN_STATUSES.join(',');
export const KEYS = ['q', 'status', 'serviceId', 'provider', 'assignee', 'due'] as const;
export const DEFAULT_FILTERS: InboxFilters = {
  q: '',
  status: OPEN,
  serviceId: '',
  provider: '',
  assignee: '',
  due: '',
};

/** The preset views: each sets who holds the applications and when they are due. */
export const VIEWS = [
  { id: 'mine', assignee: 'me', due: '' },
  { id: 'unassigned', assignee: 'none', due: '' },
  { id: 'overdue', assignee: '', due: 'overdue' },
  { id: 'today', assignee: '', due: 'today' },
  { id: 'all', assignee: '', due: '' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

/** Filters from a query (the address's, or a saved filter's): an absent status is the open ones. */
export function filtersFrom(query: URLSearchParams | Partial<Record<string, string>>): InboxFilters {
  const get = (k: string) => (query instanceof URLSearchParams ? query.get(k) : (query[k] ?? null));
  const f = { ...DEFAULT_FILTERS };
  for (const k of KEYS) {
    const v = get(k);
    if (v !== null) f[k] = v;
  }
  return f;
}

/** The query of the filters, as the address and a saved filter keep it (status always, to tell "all" from "open"). */
export function queryOf(f: InboxFilters): Record<string, string> {
  const q: Record<string, string> = { status: f.status };
  for (const k of KEYS) if (k !== 'status' && f[k]) q[k] = f[k];
  return q;
}

export function inboxHref(f: InboxFilters): string {
  return `#/inbox?${new URLSearchParams(queryOf(f))}`;
}

/** The parameters of GET /applications for the filters (a page of them). */
export function apiQuery(f: InboxFilters, limit: number, offset: number): URLSearchParams {
  const p = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  for (const [k, v] of Object.entries(queryOf(f))) if (v) p.set(k, v.trim());
  return p;
}

/** The preset view the filters are, if any. */
export function viewOf(f: InboxFilters): ViewId | null {
  return VIEWS.find((v) => v.assignee === f.assignee && v.due === f.due)?.id ?? null;
}
