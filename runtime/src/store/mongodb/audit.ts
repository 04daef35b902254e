import { MongoBulkWriteError, type Document } from 'mongodb';
import { toMs } from '../instants';
import { badCursor, prefixEnd } from '../auditPage';
import type { AuditEntry, AuditPageQuery, AuditStore } from '../Store';
import { guarded, isDuplicateKey, type Collections, type Row } from './connection';

/**
 * The audit trail: one document per entry, never updated or deleted by the runtime, listed in the order of writing.
 * That order is a key made when the entry is written: the wall clock in ms, then this process's own count, then the
 * process. A shared counter would need an atomic increment, which FerretDB 1.x does not give (see locks.ts); across
 * instances the order is that of their clocks, kept within milliseconds of each other by NTP.
 */
export class MongoAudit implements AuditStore {
  private lastMs = 0;
  private count = 0;

  constructor(
    private readonly c: Collections,
    private readonly instance: string,
  ) {}

  /** The next order key of this process: increasing even if the wall clock steps back. */
  nextOrderKey(): string {
    this.lastMs = Math.max(this.lastMs, Date.now());
    this.count = (this.count + 1) % 1e9;
    return `${String(this.lastMs).padStart(15, '0')}.${String(this.count).padStart(9, '0')}.${this.instance}`;
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return guarded(async () => {
      const fields = auditFields(entry);
      const seq = this.nextOrderKey();
      await this.c.audit.insertOne({ _id: seq, seq, ...fields });
    });
  }

  /** Newest first. */
  listAudit(subject: string | null, limit: number): Promise<AuditEntry[]> {
    return guarded(async () => {
      const docs = await this.c.audit
        .find(subject === null ? {} : { subject })
        .sort({ seq: -1 })
        .limit(Math.max(0, limit))
        .toArray();
      return docs.map(auditFromDocument);
    });
  }

  /** Newest first, `limit` at a time; the cursor is the order key of the page's last entry. */
  pageAudit(query: AuditPageQuery): Promise<{ items: AuditEntry[]; next: string | null }> {
    const filter: Document[] = [];
    if (query.subject !== undefined) filter.push({ subject: query.subject });
    if (query.subjectPrefixes)
      filter.push({ $or: query.subjectPrefixes.map((p) => ({ subject: { $gte: p, $lt: prefixEnd(p) } })) });
    if (query.cursor !== undefined) {
      if (!/^\d{15}\.\d{9}\.[\w-]{1,64}$/.test(query.cursor)) return Promise.reject(badCursor(query.cursor));
      filter.push({ seq: { $lt: query.cursor } });
    }
    return guarded(async () => {
      // One more than asked tells whether there is a next page.
      const docs = await this.c.audit
        .find(filter.length ? { $and: filter } : {})
        .sort({ seq: -1 })
        .limit(query.limit + 1)
        .toArray();
      const page = docs.slice(0, query.limit);
      return {
        items: page.map(auditFromDocument),
        next: docs.length > query.limit ? String(page[page.length - 1].seq) : null,
      };
    });
  }

  /**
   * Writes entries that were first kept in an application's outbox, each under the id it had there, so writing them
   * again after a crash changes nothing (the duplicates are refused by their ids). Their order is the order given.
   */
  async writeOutboxEntries(entries: Array<{ id: string; entry: Document }>): Promise<void> {
    if (entries.length === 0) return;
    const docs: Row[] = entries.map(({ id, entry }) => ({ ...entry, _id: id, seq: this.nextOrderKey() }));
    await insertIgnoringDuplicates(this.c.audit, docs);
  }
}

/** Inserts documents, each unless its `_id` is already stored: retries of an idempotent write. */
export async function insertIgnoringDuplicates(collection: Collections[keyof Collections], docs: Row[]): Promise<void> {
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (error) {
    const onlyDuplicates =
      error instanceof MongoBulkWriteError &&
      (Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors]).every((e) => e.code === 11000);
    if (!onlyDuplicates && !isDuplicateKey(error)) throw error;
  }
}

export function auditFields(a: AuditEntry): Document {
  return {
    at: a.at,
    atMs: toMs(a.at, 'audit.at'),
    userId: a.userId,
    action: a.action,
    subject: a.subject,
    detailsJson: JSON.stringify(a.details),
  };
}

export function auditFromDocument(d: Document): AuditEntry {
  return {
    at: d.at,
    userId: d.userId ?? null,
    action: d.action,
    subject: d.subject,
    details: JSON.parse(d.detailsJson ?? '{}'),
  };
}
