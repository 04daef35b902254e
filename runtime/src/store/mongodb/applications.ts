import type { Document, UpdateFilter } from 'mongodb';
import type {
  CountersStore,
  ApplicationPage,
  ApplicationQuery,
  ApplicationsStore,
  AuditEntry,
  NewApplication,
  StoredApplication,
  StoredDocument,
  StoredEvent,
  WebhookDelivery,
} from '../Store';
import { auditFields, type MongoAudit } from './audit';
import { guarded, type Collections, type Row } from './connection';
import { listInbox } from './inbox';
import { lock, unlock } from './locks';
import {
  APPLICATION_FIELDS,
  applicationDocument,
  applicationFields,
  applicationFromDocument,
  documentEntry,
  documentFromEntry,
  documentKey,
  eventEntry,
  eventFromEntry,
} from './records';
import { deliveryOutboxEntries, flushDeliveryOutbox } from './webhooks';

/** How long one write may hold an application's lock; a crashed writer's lock is taken past after this. */
const WRITE_LOCK_MS = 30_000;
/** How long a writer waits for another writer of the same application before answering "changed meanwhile". */
const WRITE_WAIT_MS = 2_000;

/**
 * Applications as single documents. Without multi-document transactions (FerretDB has none; a sharded cluster makes
 * them costly) atomicity comes from the document: the application, its new events and documents, and the audit lines
 * of the change are one update guarded by `rev`. The audit lines wait in the document's outbox (`pendingAudit`) and
 * are then copied into the audit trail under ids derived from the application and revision, so a copy repeated after
 * a crash writes nothing twice; whatever a crash strands is copied by the next write of the application or by
 * `flushStrandedAudit`, which the scheduler's claims call. The webhook deliveries of the change wait the same way in
 * `pendingDeliveries` (webhooks.ts copies them, under their deterministic ids).
 */
export class MongoApplications implements ApplicationsStore {
  constructor(
    private readonly c: Collections,
    private readonly audit: MongoAudit,
    /** This instance's name on the locks it takes. */
    private readonly owner: string,
    private readonly counters: CountersStore,
  ) {}

  insertApplication(
    app: StoredApplication,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
    deliveries: WebhookDelivery[] = [],
  ): Promise<void> {
    return guarded(async () => {
      const pendingAudit = outboxEntries(app.rev, audit);
      const pendingDeliveries = deliveryOutboxEntries(app.rev, deliveries);
      const doc: Row = {
        ...applicationDocument(app, events, documents),
        pendingAudit,
        ...(audit.length > 0 ? { auditPendingRev: app.rev, auditPendingAtMs: Date.now() } : {}),
        pendingDeliveries,
        ...(deliveries.length > 0 ? { deliveriesPendingRev: app.rev, deliveriesPendingAtMs: Date.now() } : {}),
      };
      await this.c.applications.insertOne(doc);
      if (audit.length > 0) await this.flushOutbox(app.id, pendingAudit, app.rev);
      if (deliveries.length > 0) await flushDeliveryOutbox(this.c, app.id, pendingDeliveries, app.rev);
    });
  }

  /**
   * No multi-document transactions here (FerretDB has none), so the number is taken first (counters.ts: a unique key
   * per number, atomic on FerretDB as on MongoDB) and the application inserted right after, once every check has
   * passed (the service validates before calling). The window for a gap is the insert itself failing after the
   * number was taken: a crash or a lost connection between the two writes. Such a number is then never given again
   * (the counter's record of it stays), and no two applications ever share one.
   */
  async insertNumberedApplication(
    series: string,
    build: (sequence: number) => NewApplication,
  ): Promise<NewApplication> {
    const sequence = await this.counters.nextNumber(series);
    const made = build(sequence);
    await this.insertApplication(made.app, made.events, made.documents, made.audit, made.deliveries ?? []);
    return made;
  }

  findDocumentsByNumber(number: string): Promise<StoredDocument[]> {
    return guarded(async () => {
      const d = await this.c.applications.findOne({ documentNumbers: number }, { projection: { documents: 1 } });
      if (!d) return [];
      return Object.values((d.documents ?? {}) as Record<string, Document>)
        .filter((e) => e.number === number)
        .map((e) => documentFromEntry(d._id as string, e))
        .sort((a, b) => a.lang.localeCompare(b.lang));
    });
  }

  /**
   * A conditional $set on the entry, under the application's write lock (FerretDB 1.x rewrites the whole document, so
   * an unlocked write could undo a concurrent event's): of concurrent first renderings the first recorded hash stays.
   * When the lock is busy nothing is recorded now (a later rendering records it: renderPdf is byte-stable).
   */
  setDocumentSha256(applicationId: string, documentId: string, lang: 'kk' | 'ru', sha256: string): Promise<string> {
    return guarded(async () => {
      const key = documentKey(documentId, lang);
      const held = await lock(this.c, `application:${applicationId}`, this.owner, WRITE_LOCK_MS, WRITE_WAIT_MS);
      if (held) {
        try {
          await this.c.applications.updateOne(
            { _id: applicationId as never, [`documents.${key}.pdfSha256`]: null },
            { $set: { [`documents.${key}.pdfSha256`]: sha256 } },
          );
        } finally {
          await unlock(this.c, held);
        }
      }
      return (await this.getDocument(applicationId, documentId, lang))?.pdfSha256 ?? sha256;
    });
  }

  getApplication(id: string): Promise<StoredApplication | undefined> {
    return guarded(async () => {
      const d = await this.c.applications.findOne({ _id: id as never }, { projection: APPLICATION_FIELDS });
      return d ? applicationFromDocument(d) : undefined;
    });
  }

  /**
   * One update on `{_id, rev: expectedRev}` under the application's write lock (locks.ts): of two writers from the
   * same rev exactly one matches; the other finds nothing and writes nothing. On MongoDB the conditional update alone
   * would do; on FerretDB 1.x it is a read then a write, and the lock makes it one at a time. The stored rev becomes
   * expectedRev + 1 whatever `app.rev` says.
   */
  updateApplication(
    app: StoredApplication,
    expectedRev: number,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
    deliveries: WebhookDelivery[] = [],
  ): Promise<boolean> {
    return guarded(async () => {
      const rev = expectedRev + 1;
      const set: Document = { ...applicationFields(app), rev };
      for (const d of documents) set[`documents.${documentKey(d.documentId, d.lang)}`] = documentEntry(d);
      for (const [key, entry] of Object.entries(outboxEntries(rev, audit))) set[`pendingAudit.${key}`] = entry;
      if (audit.length > 0) Object.assign(set, { auditPendingRev: rev, auditPendingAtMs: Date.now() });
      for (const [key, entry] of Object.entries(deliveryOutboxEntries(rev, deliveries)))
        set[`pendingDeliveries.${key}`] = entry;
      if (deliveries.length > 0) Object.assign(set, { deliveriesPendingRev: rev, deliveriesPendingAtMs: Date.now() });
      const update: Document = { $set: set };
      if (events.length > 0) update.$push = { events: { $each: events.map(eventEntry) } };
      const held = await lock(this.c, `application:${app.id}`, this.owner, WRITE_LOCK_MS, WRITE_WAIT_MS);
      if (!held) return false;
      try {
        const written = await this.c.applications.updateOne(
          { _id: app.id, rev: expectedRev },
          update as UpdateFilter<Row>,
        );
        if (written.matchedCount === 0) return false;
        if (audit.length > 0 || deliveries.length > 0) {
          // The whole outboxes as they are now: a crashed earlier writer's entries go out with this write's.
          const after = await this.c.applications.findOne(
            { _id: app.id },
            { projection: { pendingAudit: 1, pendingDeliveries: 1 } },
          );
          if (audit.length > 0) await this.flushOutbox(app.id, (after?.pendingAudit ?? {}) as Document, rev);
          if (deliveries.length > 0)
            await flushDeliveryOutbox(this.c, app.id, (after?.pendingDeliveries ?? {}) as Document, rev);
        }
        return true;
      } finally {
        await unlock(this.c, held);
      }
    });
  }

  listApplications(query: ApplicationQuery): Promise<ApplicationPage> {
    return guarded(() => listInbox(this.c, query));
  }

  listEvents(applicationId: string): Promise<StoredEvent[]> {
    return guarded(async () => {
      const d = await this.c.applications.findOne({ _id: applicationId as never }, { projection: { events: 1 } });
      return ((d?.events ?? []) as Document[]).map((e) => eventFromEntry(applicationId, e));
    });
  }

  getDocument(applicationId: string, documentId: string, lang: 'kk' | 'ru'): Promise<StoredDocument | undefined> {
    return guarded(async () => {
      const key = documentKey(documentId, lang);
      const d = await this.c.applications.findOne(
        { _id: applicationId as never },
        { projection: { [`documents.${key}`]: 1 } },
      );
      const entry = (d?.documents as Document | undefined)?.[key] as Document | undefined;
      return entry ? documentFromEntry(applicationId, entry) : undefined;
    });
  }

  bulkInsertApplications(apps: StoredApplication[]): Promise<void> {
    return guarded(async () => {
      if (apps.length === 0) return;
      const docs = apps.map((a) => applicationDocument(a, [], []));
      await this.c.applications.insertMany(docs, { ordered: false });
    });
  }

  /**
   * Copies an application's waiting audit lines into the trail (all of them: a crashed writer's too), then removes
   * them from the outbox; the outbox mark is cleared only if no later write has set it since.
   */
  async flushOutbox(applicationId: string, pending: Document, rev: number): Promise<void> {
    const keys = Object.keys(pending).sort(byRevisionThenIndex);
    await this.audit.writeOutboxEntries(keys.map((k) => ({ id: `${applicationId}#${k}`, entry: pending[k] })));
    const unset: Document = Object.fromEntries(keys.map((k) => [`pendingAudit.${k}`, '']));
    const cleared = await this.c.applications.updateOne(
      { _id: applicationId as never, auditPendingRev: rev },
      { $unset: { ...unset, auditPendingRev: '', auditPendingAtMs: '' } },
    );
    if (cleared.matchedCount === 0 && keys.length > 0)
      await this.c.applications.updateOne({ _id: applicationId as never }, { $unset: unset });
  }

  /** Copies the outboxes that a crashed writer left more than `olderThanMs` ago (at most `limit` applications). */
  async flushStrandedAudit(olderThanMs: number, limit = 100): Promise<number> {
    const stranded = await this.c.applications
      .find({ auditPendingAtMs: { $lte: Date.now() - olderThanMs } })
      .project({ pendingAudit: 1, auditPendingRev: 1 })
      .limit(limit)
      .toArray();
    for (const d of stranded) await this.flushOutbox(d._id as string, d.pendingAudit ?? {}, d.auditPendingRev);
    return stranded.length;
  }
}

/** The outbox entries of one write, keyed "<rev>-<index>": unique per application and ordered within it. */
function outboxEntries(rev: number, audit: AuditEntry[]): Document {
  return Object.fromEntries(audit.map((a, i) => [`${rev}-${i}`, auditFields(a)]));
}

function byRevisionThenIndex(a: string, b: string): number {
  const [ra, ia] = a.split('-').map(Number);
  const [rb, ib] = b.split('-').map(Number);
  return ra - rb || ia - ib;
}
