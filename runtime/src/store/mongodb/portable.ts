import type { Document } from 'mongodb';
import {
  refuseUnlessEmpty,
  zeroRecordCounts,
  type PortableStore,
  type StoreRecord,
  type StoreRecordKind,
  type StoredDocument,
} from '../Store';
import { auditFields, auditFromDocument, type MongoAudit } from './audit';
import { guarded, type Collections } from './connection';
import { counterKey, MongoCounters } from './counters';
import { actDocument, actOf } from './acts';
import { draftEntry, draftKey, draftOf, revisionKey } from './drafts';
import {
  APPLICATION_FIELDS,
  applicationDocument,
  applicationFromDocument,
  documentFromEntry,
  eventFromEntry,
} from './records';
import { sessionDocument, sessionOf, userDocument, userOf } from './users';
import { deliveryDocument, deliveryOf, subscriptionDocument, subscriptionOf } from './webhooks';

/** Records are written in batches of this many (one insertMany each). */
const BATCH = 500;

/**
 * The whole database as StoreRecords and back, for `qyzmet store copy`: kind by kind (STORE_RECORD_KINDS), each by
 * id, the audit trail in its order of writing. Leases are not copied (a copy is made with the runtime stopped).
 */
export class MongoPortable implements PortableStore {
  constructor(
    private readonly c: Collections,
    private readonly audit: MongoAudit,
  ) {}

  async *exportRecords(): AsyncIterable<StoreRecord> {
    const c = this.c;
    for await (const d of c.users.find({}).sort({ _id: 1 })) yield { kind: 'user', user: userOf(d)! };
    for await (const d of c.sessions.find({}).sort({ _id: 1 }))
      yield {
        kind: 'session',
        tokenHash: d._id as unknown as string,
        session: sessionOf(d),
      };
    for await (const d of c.applications
      .find({})
      .project({ ...APPLICATION_FIELDS, events: 1, documents: 1 })
      .sort({ _id: 1 })) {
      const id = d._id as string;
      const documents: StoredDocument[] = Object.values((d.documents ?? {}) as Record<string, Document>)
        .map((e) => documentFromEntry(id, e))
        .sort((a, b) => (a.documentId + a.lang < b.documentId + b.lang ? -1 : 1));
      yield {
        kind: 'application',
        application: applicationFromDocument(d),
        events: ((d.events ?? []) as Document[]).map((e) => eventFromEntry(id, e)),
        documents,
      };
    }
    for await (const d of c.audit.find({}).sort({ seq: 1 })) yield { kind: 'audit', entry: auditFromDocument(d) };
    for await (const d of c.subscriptions.find({}).sort({ _id: 1 }))
      yield { kind: 'subscription', subscription: subscriptionOf(d) };
    for await (const d of c.deliveries.find({}).sort({ _id: 1 })) yield { kind: 'delivery', delivery: deliveryOf(d) };
    for await (const d of c.acts.find({}).sort({ _id: 1 })) yield { kind: 'act', act: actOf(d) };
    for await (const d of c.drafts.find({}).sort({ _id: 1 })) {
      const draft = draftOf(d);
      const revisions = await c.draftRevisions
        .find({ serviceId: draft.serviceId, draftId: draft.id })
        .sort({ rev: 1 })
        .toArray();
      yield { kind: 'draft', draft, revisions: revisions.map(draftOf) };
    }
    for await (const d of c.meta.find({}).sort({ _id: 1 }))
      yield { kind: 'meta', key: d._id as unknown as string, value: d.value };
    const counters = new MongoCounters(c);
    for (const series of ((await c.counters.distinct('series')) as string[]).sort())
      yield { kind: 'counter', series, value: await counters.last(series) };
  }

  importRecords(records: AsyncIterable<StoreRecord>): Promise<Record<StoreRecordKind, number>> {
    return guarded(async () => {
      refuseUnlessEmpty(await this.countRecords());
      const counts = zeroRecordCounts();
      let batch: StoreRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await this.write(batch);
        batch = [];
      };
      for await (const r of records) {
        if (batch.length >= BATCH || (batch.length > 0 && batch[0].kind !== r.kind)) await flush();
        batch.push(r);
        counts[r.kind]++;
      }
      await flush();
      return counts;
    });
  }

  countRecords(): Promise<Record<StoreRecordKind, number>> {
    return guarded(async () => {
      const c = this.c;
      return {
        user: await c.users.countDocuments({}),
        session: await c.sessions.countDocuments({}),
        application: await c.applications.countDocuments({}),
        audit: await c.audit.countDocuments({}),
        subscription: await c.subscriptions.countDocuments({}),
        delivery: await c.deliveries.countDocuments({}),
        act: await c.acts.countDocuments({}),
        draft: await c.drafts.countDocuments({}),
        meta: await c.meta.countDocuments({}),
        counter: (await c.counters.distinct('series')).length,
      };
    });
  }

  /** Writes a batch of records of one kind. */
  private async write(batch: StoreRecord[]): Promise<void> {
    const c = this.c;
    const of = <K extends StoreRecordKind>(_kind: K) => batch as Array<Extract<StoreRecord, { kind: K }>>;
    switch (batch[0].kind) {
      case 'user':
        await c.users.insertMany(of('user').map(({ user }) => userDocument(user)));
        return;
      case 'session':
        await c.sessions.insertMany(of('session').map(({ tokenHash, session }) => sessionDocument(tokenHash, session)));
        return;
      case 'application':
        await c.applications.insertMany(
          of('application').map(({ application, events, documents }) =>
            applicationDocument(application, events, documents),
          ),
        );
        return;
      case 'audit':
        // New order keys in the order given: the copy keeps the source's order of writing.
        await c.audit.insertMany(
          of('audit').map(({ entry }) => {
            const seq = this.audit.nextOrderKey();
            return { _id: seq, seq, ...auditFields(entry) };
          }),
        );
        return;
      case 'subscription':
        await c.subscriptions.insertMany(
          of('subscription').map(({ subscription }) => subscriptionDocument(subscription)),
        );
        return;
      case 'delivery':
        await c.deliveries.insertMany(of('delivery').map(({ delivery }) => deliveryDocument(delivery)));
        return;
      case 'act':
        await c.acts.insertMany(of('act').map(({ act }) => actDocument(act)));
        return;
      case 'draft':
        await c.drafts.insertMany(
          of('draft').map(({ draft }) => ({ _id: draftKey(draft.serviceId, draft.id), ...draftEntry(draft) })),
        );
        {
          const revisions = of('draft').flatMap(({ draft, revisions }) =>
            revisions.map((r) => ({
              _id: revisionKey(draftKey(draft.serviceId, draft.id), r.rev),
              ...draftEntry(r),
            })),
          );
          if (revisions.length > 0) await c.draftRevisions.insertMany(revisions);
        }
        return;
      case 'counter':
        // The last number of each series is enough: the next one is taken after it.
        await c.counters.insertMany(
          of('counter').map(({ series, value }) => ({ _id: counterKey(series, value), series, n: value })),
        );
        return;
      case 'meta':
        await c.meta.insertMany(of('meta').map(({ key, value }) => ({ _id: key as never, value })));
        return;
    }
  }
}
