import { FINAL_STATUSES, OPEN_STATUSES, type Status } from '@qyzmet/engine';
import type { Document } from 'mongodb';
import { PREFIX_END, reversed, searchTerms } from '../inboxSearch';
import { toMs } from '../instants';
import { COUNT_CAP, type ApplicationPage, type ApplicationQuery } from '../Store';
import type { Collections } from './connection';
import { APPLICATION_FIELDS, applicationFromDocument } from './records';

/** Inbox order: due instant ascending (undated last), then registration instant, then id. */
export const INBOX_ORDER = { dueAtMs: 1, registeredAtMs: 1, _id: 1 } as const;

/**
 * The filter of an inbox query, the same semantics as the SQLite store: `providers` or `status` given as an empty
 * list match nothing; `"*"` among providers (or no providers) matches every provider; `overdueAt` keeps open
 * applications due before it; the two due bounds are both "dueAtMs < x", the stricter one applies.
 * Returns null when nothing can match.
 */
export function inboxFilter(q: ApplicationQuery): Document | null {
  const providers = q.providers === undefined || q.providers.includes('*') ? null : [...new Set(q.providers)];
  let statuses: Status[] | null = q.status === undefined ? null : [...new Set(q.status)];
  if (q.overdueAt !== undefined)
    statuses = (statuses ?? [...OPEN_STATUSES]).filter((st) => !FINAL_STATUSES.includes(st));
  const bounds = [q.overdueAt, q.dueBefore]
    .filter((x): x is string => x !== undefined)
    .map((x) => toMs(x, 'due bound'));
  if ((providers && providers.length === 0) || (statuses && statuses.length === 0)) return null;
  const filter: Document = {};
  if (providers) filter.provider = providers.length === 1 ? providers[0] : { $in: providers };
  if (statuses) filter.status = statuses.length === 1 ? statuses[0] : { $in: statuses };
  if (q.applicantId !== undefined) filter.applicantId = q.applicantId;
  if (q.serviceId !== undefined) filter.serviceId = q.serviceId;
  // NO_DUE_MS is beyond every instant, so applications without a due date never pass this bound.
  if (bounds.length > 0) filter.dueAtMs = { $lt: Math.min(...bounds) };
  // null matches an application stored without the field too.
  if (q.assignee !== undefined) filter.assigneeId = q.assignee;
  const terms = q.search === undefined ? null : searchTerms(q.search);
  if (terms) {
    const any: Document[] = [];
    if (terms.numberTail !== undefined) {
      // The number reversed (records.ts): numbers ending with the tail have its reverse as a prefix.
      const prefix = reversed(terms.numberTail);
      any.push({ numberTail: { $gte: prefix, $lt: `${prefix}${PREFIX_END}` } });
    }
    if (terms.applicantCode !== undefined) any.push({ applicantCode: terms.applicantCode });
    if (terms.text !== undefined) {
      const part = { $regex: escapeRegex(terms.text) };
      any.push({ searchName: part }, { searchObject: part });
    }
    filter.$or = any;
  }
  return filter;
}

/** A text matched as itself inside a regular expression. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Above this many providers in one query, the inbox asks once with `$in` rather than once per provider. */
const MAX_SPLIT_PROVIDERS = 16;

/**
 * A page of the inbox. The count stops at COUNT_CAP + 1 (an inbox needs "more than 10 000", not the figure). The
 * page reads only the application fields (not events, documents or the outbox).
 *
 * Several providers are asked one by one, each for its first offset + limit in inbox order, and the answers merged,
 * as the SQLite store does per (provider, status): each part is an equality on an indexed field, which MongoDB serves
 * from the provider's index and FerretDB 1.x runs in PostgreSQL (an `$in` it runs in its own memory, over every
 * application).
 */
export async function listInbox(c: Collections, q: ApplicationQuery): Promise<ApplicationPage> {
  const filter = inboxFilter(q);
  if (filter === null) return { items: [], total: 0, totalExact: true };
  const limit = Math.max(0, Math.floor(q.limit));
  const offset = Math.max(0, Math.floor(q.offset));
  const providers: unknown = filter.provider?.$in;
  const parts =
    Array.isArray(providers) && providers.length <= MAX_SPLIT_PROVIDERS
      ? providers.map((provider) => ({ ...filter, provider }))
      : [filter];
  let counted = 0;
  for (const part of parts) {
    if (counted > COUNT_CAP) break;
    counted += await c.applications.countDocuments(part, { limit: COUNT_CAP + 1 - counted });
  }
  const totalExact = counted <= COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  if (limit === 0 || offset >= total) return { items: [], total, totalExact };
  if (parts.length === 1) {
    const docs = await page(c, filter).skip(offset).limit(limit).toArray();
    return { items: docs.map(applicationFromDocument), total, totalExact };
  }
  const merged: Document[] = [];
  for (const part of parts)
    merged.push(
      ...(await page(c, part)
        .limit(offset + limit)
        .toArray()),
    );
  merged.sort(inInboxOrder);
  return { items: merged.slice(offset, offset + limit).map(applicationFromDocument), total, totalExact };
}

function page(c: Collections, filter: Document) {
  return c.applications
    .find(filter, { projection: { ...APPLICATION_FIELDS, dueAtMs: 1, registeredAtMs: 1 } })
    .sort(INBOX_ORDER);
}

function inInboxOrder(a: Document, b: Document): number {
  return a.dueAtMs - b.dueAtMs || a.registeredAtMs - b.registeredAtMs || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}
