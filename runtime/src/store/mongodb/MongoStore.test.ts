import type { Document } from 'mongodb';
import { app, audit, inboxRows } from '../contract/fixtures';
import type { ApplicationQuery } from '../Store';
import { MongoApplications } from './applications';
import { MongoAudit } from './audit';
import { databaseName, redact } from './connection';
import { inboxFilter, INBOX_ORDER } from './inbox';
import { newLockOwner, tryLock } from './locks';
import { openMongoStore, type MongoStore } from './MongoStore';
import { dropDatabase, freshDatabaseUrl, mongoSkipReason } from './testServer';

// What only the MongoDB adapter does: its URL, its indexes and their use, its audit outbox and its locks. What every
// store guarantees is in the contract suite (mongodb.contract.test.ts).

describe('the database URL', () => {
  test('names the database; a URL without one is refused, saying how to write it', () => {
    expect(databaseName('mongodb://db1:27017,db2:27017/qyzmet?replicaSet=rs0')).toBe('qyzmet');
    expect(databaseName('mongodb+srv://cluster.example.kz/prod_kz')).toBe('prod_kz');
    expect(() => databaseName('mongodb://db1:27017/?replicaSet=rs0')).toThrow(/names no database.*replicaSet=rs0/);
    expect(redact('mongodb://qyzmet:s3cret@db1/qyzmet')).toBe('mongodb://qyzmet:***@db1/qyzmet');
  });
});

const skipReason = mongoSkipReason();
const describeMongo = skipReason === null ? describe : describe.skip;
if (skipReason) console.warn(`MongoDB adapter tests skipped: ${skipReason}`);

describeMongo('on a server', () => {
  let url: string;
  let store: MongoStore;
  beforeEach(async () => {
    url = freshDatabaseUrl();
    store = await openMongoStore(url);
  });
  afterEach(async () => {
    await store.close();
    await dropDatabase(url);
  });

  /** The officer's inbox queries, as the HTTP API asks them. */
  const shapes: Array<[string, ApplicationQuery, string]> = [
    [
      'one provider, open statuses',
      { providers: ['p1'], status: ['registered', 'in-progress'], limit: 20, offset: 0 },
      'inbox_provider_status',
    ],
    ['every provider, one status', { status: ['registered'], limit: 20, offset: 0 }, 'inbox_status'],
    ["an applicant's own", { applicantId: 'user-2', limit: 20, offset: 0 }, 'inbox_applicant'],
    ['everything', { limit: 20, offset: 0 }, 'inbox_all'],
  ];

  test('every inbox query has its index, and the server runs the filter itself (explain)', async () => {
    for (const r of inboxRows) await store.insertApplication(r, [], [], []);
    const c = store.connection.c;
    const names = (await c.applications.listIndexes().toArray()).map((i) => i.name);
    const build = (await store.connection.db.admin().command({ buildInfo: 1 })) as Document;
    for (const [what, query, index] of shapes) {
      expect(names).toContain(index);
      const plan = (await c.applications.find(inboxFilter(query)!).sort(INBOX_ORDER).limit(20).explain()) as Document;
      if (build.ferretdbVersion) {
        // FerretDB 1.x: the filter is pushed down to PostgreSQL (not run in FerretDB's memory); it cannot push the
        // sort down nor use these indexes for jsonb containment — see README "What FerretDB cannot do".
        if (Object.keys(inboxFilter(query)!).length > 0)
          expect({ what, pushdown: plan.filterPushdown }).toEqual({ what, pushdown: true });
      } else {
        // A real MongoDB: an index scan on the expected index, and no sort in memory.
        const text = JSON.stringify(plan.queryPlanner?.winningPlan ?? plan);
        expect({ what, ixscan: text.includes('IXSCAN') }).toEqual({ what, ixscan: true });
        expect({ what, sortInMemory: /"stage":"SORT"/.test(text) }).toEqual({ what, sortInMemory: false });
      }
    }
  });

  test("audit lines a crashed writer left in an application's outbox are copied once, by the next sweep", async () => {
    const c = store.connection.c;
    await store.insertApplication(app('A1'), [], [], []);
    // What a writer that died between its update and the copy leaves behind: the lines and the mark.
    const stranded = {
      '1-0': { ...auditLine('application:A1', 'accept') },
      '1-1': auditLine('application:A1', 'sign'),
    };
    await c.applications.updateOne(
      { _id: 'A1' },
      { $set: { pendingAudit: stranded, auditPendingRev: 1, auditPendingAtMs: 0 } },
    );
    const applications = new MongoApplications(c, new MongoAudit(c, newLockOwner()), newLockOwner());
    expect(await applications.flushStrandedAudit(0)).toBe(1);
    expect(await applications.flushStrandedAudit(0)).toBe(0);
    expect((await store.listAudit('application:A1', 10)).map((a) => a.action)).toEqual(['sign', 'accept']);
    // Copying the same lines again (a second sweeper that read them before the first finished) adds nothing.
    await c.applications.updateOne(
      { _id: 'A1' },
      { $set: { pendingAudit: stranded, auditPendingRev: 1, auditPendingAtMs: 0 } },
    );
    await applications.flushStrandedAudit(0);
    expect(await store.listAudit('application:A1', 10)).toHaveLength(2);
    expect(await c.applications.findOne({ _id: 'A1' })).not.toHaveProperty('auditPendingRev');
  });

  test("a lock is one holder's until released or expired, then the next token is taken past it", async () => {
    const c = store.connection.c;
    const t0 = Date.parse('2026-12-07T09:00:00+05:00');
    const a = await tryLock(c, 'application:X', 'A', t0, 1_000);
    expect(a).toMatchObject({ gen: 1, owner: 'A' });
    expect(await tryLock(c, 'application:X', 'B', t0 + 500, 1_000)).toBeNull();
    // A dies holding it: after the expiry B takes the next token.
    expect(await tryLock(c, 'application:X', 'B', t0 + 1_500, 1_000)).toMatchObject({ gen: 2, owner: 'B' });
    // Of ten trying at once after B's expiry, exactly one gets it.
    const racers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tryLock(c, 'application:X', `R${i}`, t0 + 3_000, 1_000)),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
  });

  test('an update waits for another writer of the same application instead of failing at once', async () => {
    await store.insertApplication(app('A1'), [], [], [audit('application:A1', 'create')]);
    const updates = await Promise.all(
      [0, 1, 2].map((i) => store.updateApplication(app('A1', { rev: i + 1, state: `s${i}` }), i, [], [], [])),
    );
    // The first (from rev 0) always wins, even when another writer holds the lock as it arrives; each later one
    // wins only if it ran after the one before it; every win moved the rev by one.
    expect(updates[0]).toBe(true);
    expect((await store.getApplication('A1'))?.rev).toBe(updates.filter(Boolean).length);
  });
});

function auditLine(subject: string, action: string): Document {
  const a = audit(subject, action);
  return {
    at: a.at,
    atMs: Date.parse(a.at),
    userId: a.userId,
    action,
    subject,
    detailsJson: JSON.stringify(a.details),
  };
}
