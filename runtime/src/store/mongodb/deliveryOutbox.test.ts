import { app, delivery, sub } from '../contract/fixtures';
import { openMongoStore, type MongoStore } from './MongoStore';
import { dropDatabase, freshDatabaseUrl, mongoSkipReason } from './testServer';
import { deliveryOutboxEntries, flushStrandedDeliveries } from './webhooks';

// The MongoDB delivery outbox: what a writer killed between its application update and the copy into the deliveries
// leaves in the application's document is copied once, by the next write of the application or by the claims' sweep.

const skipReason = mongoSkipReason();
if (skipReason) console.warn(`MongoDB delivery outbox tests skipped: ${skipReason}`);

(skipReason === null ? describe : describe.skip)('the delivery outbox on a server', () => {
  let url: string;
  let store: MongoStore;
  beforeEach(async () => {
    url = freshDatabaseUrl();
    store = await openMongoStore(url);
    await store.createSubscription(sub('s1'));
  });
  afterEach(async () => {
    await store.close();
    await dropDatabase(url);
  });

  /** What a writer that died right after its update leaves: the deliveries and the mark, nothing copied. */
  async function strand(rev: number, ids: string[]): Promise<void> {
    const entries = deliveryOutboxEntries(
      rev,
      ids.map((id) => delivery(id)),
    );
    const set = Object.fromEntries(Object.entries(entries).map(([k, v]) => [`pendingDeliveries.${k}`, v]));
    await store.connection.c.applications.updateOne(
      { _id: 'A1' as never },
      { $set: { ...set, deliveriesPendingRev: rev, deliveriesPendingAtMs: 0 } },
    );
  }
  const ids = async () => (await store.listDeliveries('s1', 10)).map((d) => d.id).sort();

  test('stranded deliveries are copied once by the sweep, and the mark is cleared', async () => {
    const c = store.connection.c;
    await store.insertApplication(app('A1'), [], [], []);
    await strand(1, ['d1', 'd2']);
    expect(await ids()).toEqual([]);
    expect(await flushStrandedDeliveries(c, 0)).toBe(1);
    expect(await flushStrandedDeliveries(c, 0)).toBe(0);
    expect(await ids()).toEqual(['d1', 'd2']);
    // A second sweeper that read them before the first finished copies nothing twice.
    await strand(1, ['d1', 'd2']);
    await flushStrandedDeliveries(c, 0);
    expect(await ids()).toEqual(['d1', 'd2']);
    const doc = await c.applications.findOne({ _id: 'A1' as never });
    expect(doc).not.toHaveProperty('deliveriesPendingRev');
    expect(doc?.pendingDeliveries ?? {}).toEqual({});
  });

  test("the next write of the application copies a crashed writer's deliveries with its own", async () => {
    await store.insertApplication(app('A1'), [], [], []);
    await strand(1, ['d1']);
    await store.connection.c.applications.updateOne({ _id: 'A1' as never }, { $set: { rev: 1 } });
    expect(await store.updateApplication(app('A1', { rev: 2 }), 1, [], [], [], [delivery('d2')])).toBe(true);
    expect(await ids()).toEqual(['d1', 'd2']);
    expect((await store.connection.c.applications.findOne({ _id: 'A1' as never }))?.pendingDeliveries).toEqual({});
  });

  test('claims sweep stranded outboxes, so a stranded delivery is sent', async () => {
    await store.insertApplication(app('A1'), [], [], []);
    await strand(1, ['d1']);
    const claimed = await store.claimDueDeliveries('2025-03-03T10:00:00+05:00', 'A', 60_000, 10);
    expect(claimed.map((d) => d.id)).toEqual(['d1']);
  });
});
