import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreRecord } from '../Store';
import { app, audit, delivery } from '../contract/fixtures';
import { fillWithEveryKind, sessionOf } from '../contract/storeContract';
import { openSqliteStore, type SqliteStore } from './SqliteStore';

/**
 * What the embedded store's copy does beyond the Store contract's round trip: many pages and batches, records handed
 * over in another adapter's order, and the copies it refuses. Every store is a real SQLite file.
 */

const dirs: string[] = [];
const stores: SqliteStore[] = [];

function open(): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-sqlite-copy-'));
  dirs.push(dir);
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function collect(records: AsyncIterable<StoreRecord>): Promise<StoreRecord[]> {
  const out: StoreRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

async function* from(records: StoreRecord[]): AsyncIterable<StoreRecord> {
  yield* records;
}

test('a copy larger than one page and one batch keeps every record, audit lines in written order', async () => {
  const source = open();
  const n = 1_234; // several export pages and import batches, the last ones partial
  await source.bulkInsertApplications(Array.from({ length: n }, (_, i) => app(`B${i}`)));
  for (let i = 0; i < n; i++) await source.appendAudit(audit(`application:B${i}`, `step-${i}`));
  const target = open();
  const counts = await target.importRecords(source.exportRecords());
  expect(counts).toMatchObject({ application: n, audit: n });
  expect(await target.countRecords()).toEqual(await source.countRecords());
  const actions = (await target.listAudit(null, n)).map((a) => a.action);
  expect(actions).toEqual(Array.from({ length: n }, (_, i) => `step-${n - 1 - i}`));
  expect(await target.getApplication(`B${n - 1}`)).toEqual(await source.getApplication(`B${n - 1}`));
});

test('records handed over children first (as another adapter may) are copied whole', async () => {
  const source = open();
  await fillWithEveryKind(source);
  const records = await collect(source.exportRecords());
  const childrenFirst = [
    ...records.filter((r) => r.kind === 'session' || r.kind === 'delivery'),
    ...records.filter((r) => r.kind !== 'session' && r.kind !== 'delivery'),
  ];
  const target = open();
  expect(await target.importRecords(from(childrenFirst))).toEqual(await source.countRecords());
  expect(await sessionOf(target, 'hash1')).toEqual(await sessionOf(source, 'hash1'));
  expect(await target.listDeliveries('s1', 10)).toEqual(await source.listDeliveries('s1', 10));
});

test('leases are not copied: a timer leased in the source is free in the copy', async () => {
  const source = open();
  await source.insertApplication(app('T1', { nextTimerAt: '2025-03-04T09:00:00+05:00' }), [], [], []);
  await source.createSubscription({
    id: 's1',
    url: 'https://example.kz/hook',
    secret: 'sekret',
    serviceId: null,
    provider: null,
    createdBy: 'u1',
    createdAt: '2025-03-01T00:00:00Z',
    active: true,
  });
  await source.enqueueDeliveries([delivery('d1')]);
  const now = '2025-03-05T09:00:00+05:00';
  expect(await source.claimDueApplications(now, 'old-instance', 3_600_000, 10)).toEqual(['T1']);
  expect((await source.claimDueDeliveries(now, 'old-instance', 3_600_000, 10)).map((d) => d.id)).toEqual(['d1']);
  const target = open();
  await target.importRecords(source.exportRecords());
  expect(await target.claimDueApplications(now, 'new-instance', 60_000, 10)).toEqual(['T1']);
  expect((await target.claimDueDeliveries(now, 'new-instance', 60_000, 10)).map((d) => d.id)).toEqual(['d1']);
});

test('a store that already holds records is refused, and nothing is written into it', async () => {
  const source = open();
  await fillWithEveryKind(source);
  const target = open();
  await target.setMeta('calendar', 'fp-0');
  await expect(target.importRecords(source.exportRecords())).rejects.toMatchObject({
    problem: { code: 'store.not-empty', kind: 'conflict', params: { held: { meta: 1 } } },
  });
  expect(await target.countRecords()).toMatchObject({ application: 0, user: 0, meta: 1 });
  expect(await target.getMeta('calendar')).toBe('fp-0');
});

test('a record naming a parent the copy lacks is refused by name, and foreign keys hold again afterwards', async () => {
  const target = open();
  const orphan: StoreRecord = {
    kind: 'session',
    tokenHash: 'hash-x',
    session: { userId: 'nobody', expiresAt: '2025-03-03T17:00:00+05:00' },
  };
  await expect(target.importRecords(from([orphan]))).rejects.toMatchObject({
    problem: { code: 'store.dangling-reference', params: { count: 1, tables: ['sessions → users'] } },
  });
  await expect(target.createSession('hash-y', 'nobody', '2025-03-03T17:00:00+05:00')).rejects.toHaveProperty(
    'code',
    'SQLITE_CONSTRAINT_FOREIGNKEY',
  );
});
