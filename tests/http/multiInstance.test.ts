import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startServer } from '../../runtime/src/server';
import { databaseName } from '../../runtime/src/store/mongodb/connection';
import { dropDatabase, freshDatabaseUrl, mongoSkipReason } from '../../runtime/src/store/mongodb/testServer';
import { SQLITE_FILE } from '../../runtime/src/store/sqlite/SqliteStore';
import { call, login, startRuntimeProcess, type RuntimeProcess } from './runtimeProcess';
import {
  definitionsWithTimerService,
  DUE_AT,
  REGISTERED_AT,
  TIMER_ID,
  TIMER_SERVICE_DATA,
  TIMER_SERVICE_ID,
} from './timerFixture';

/**
 * Several stateless runtimes on one store (issue 17): two real `qyzmet serve` processes share a MongoDB database or
 * a SQLite folder. What one acknowledges the other serves, a due timer fires once whichever instance gets it, a
 * kill -9 loses no acknowledged application and the dead instance's leased timers are fired by the survivor once
 * the lease expires, and a session opened on one is good on the other.
 */

/** Short, so that a dead instance's timers come back within the test; longer than one batch of firings. */
const TIMER_LEASE_MS = 4000;

interface Lease {
  id: string;
  untilMs: number;
  state: string;
}

interface StoreUnderTest {
  /** The environment that points `qyzmet serve` at the store. */
  env: Record<string, string>;
  /** The same store for an in-process runtime. */
  location: { dataDir: string; mongodbUrl?: string };
  /**
   * Applications leased to the instance with this process id (the scheduler's lease owner is "<pid>-<random>"), with
   * their state, read in the adapter's own table or collection: the Store contract does not expose leases.
   */
  leasesOf(pid: number): Promise<Lease[]>;
  remove(): Promise<void>;
}

function sqliteFolder(): StoreUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-multi-'));
  return {
    env: { QYZMET_DATA: dataDir },
    location: { dataDir },
    async leasesOf(pid) {
      const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare('SELECT id, lease_until_ms AS untilMs, state FROM applications WHERE lease_owner LIKE ?')
          .all(`${pid}-%`) as Lease[];
      } finally {
        db.close();
      }
    },
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function mongoDatabase(): StoreUnderTest {
  const url = freshDatabaseUrl('qyzmet_multi');
  return {
    env: { MONGODB_URL: url },
    // The data folder is not read when a MongoDB URL is given.
    location: { dataDir: '', mongodbUrl: url },
    async leasesOf(pid) {
      const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
      try {
        const rows = await client
          .db(databaseName(url))
          .collection<{ _id: string }>('applications')
          .find({ leaseOwner: { $regex: `^${pid}-` } })
          .project<{ _id: string; leaseUntilMs: number; state: string }>({ _id: 1, leaseUntilMs: 1, state: 1 })
          .toArray();
        return rows.map((r) => ({ id: r._id, untilMs: r.leaseUntilMs, state: r.state }));
      } finally {
        await client.close();
      }
    },
    remove: () => dropDatabase(url),
  };
}

const mongoSkip = mongoSkipReason();
if (mongoSkip) console.warn(`multiInstance: the MongoDB half is skipped: ${mongoSkip}`);

describe('two runtime processes on one SQLite folder', () => {
  twoRuntimesOn(sqliteFolder);
});

(mongoSkip ? describe.skip : describe)('two runtime processes on one MongoDB database', () => {
  twoRuntimesOn(mongoDatabase);
});

function twoRuntimesOn(openStore: () => StoreUnderTest) {
  let store: StoreUnderTest;
  let definitionsRoot: string;
  let a: RuntimeProcess;
  let b: RuntimeProcess;
  const start = () =>
    startRuntimeProcess({
      ...store.env,
      QYZMET_DEFINITIONS: definitionsRoot,
      QYZMET_SCHEDULER_INTERVAL_MS: '200',
      QYZMET_TIMER_LEASE_MS: String(TIMER_LEASE_MS),
    });

  beforeAll(async () => {
    store = openStore();
    definitionsRoot = definitionsWithTimerService();
    // One after the other: the first runs the demo seed on the empty store, the second finds its users.
    a = await start();
    b = await start();
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.kill9(), b?.kill9()]);
    await store?.remove();
    if (definitionsRoot) rmSync(dirname(definitionsRoot), { recursive: true, force: true });
  });

  /** Applications whose timer is due: registered through an in-process runtime whose clock is pinned days back. */
  async function registerDueApplications(count: number): Promise<string[]> {
    const past = await startServer({
      port: 0,
      host: '127.0.0.1',
      ...store.location,
      definitionsRoot,
      demo: false,
      now: () => new Date(REGISTERED_AT),
      schedulerIntervalMs: 3_600_000,
    });
    try {
      const base = `http://127.0.0.1:${past.port}`;
      const token = await login(base, 'applicant');
      const ids: string[] = [];
      const writer = async () => {
        while (ids.length < count) {
          const created = await call(base, 'POST', '/api/v1/applications', token, {
            serviceId: TIMER_SERVICE_ID,
            data: TIMER_SERVICE_DATA,
          });
          expect(created.status).toBe(201);
          ids.push(created.body.id);
        }
      };
      await Promise.all([writer(), writer(), writer()]);
      return ids;
    } finally {
      await past.close();
    }
  }

  /** Polls the officer's inbox of refused fixture applications on `base` until every one of `ids` is in it. */
  async function untilRefused(base: string, ids: string[]): Promise<void> {
    const officer = await login(base, 'officer');
    for (let i = 0; i < 300; i++) {
      const inbox = await call(
        base,
        'GET',
        `/api/v1/applications?serviceId=${TIMER_SERVICE_ID}&status=refused&limit=500`,
        officer,
      );
      const refused = new Set((inbox.body.items as Array<{ id: string }>).map((x) => x.id));
      if (ids.every((id) => refused.has(id))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`not every application was refused by its timer on ${base}`);
  }

  /** How an application's timer fired, as `base` tells it: its timer events and its timer audit lines. */
  async function firings(base: string, admin: string, id: string) {
    const app = await call(base, 'GET', `/api/v1/applications/${id}`, admin);
    const audit = await call(base, 'GET', `/api/v1/admin/audit?subject=application:${id}`, admin);
    return {
      state: app.body.state as string,
      events: (app.body.history as Array<{ event: string; at: string }>).filter((h) => h.event === `timer:${TIMER_ID}`),
      audit: (audit.body.items as Array<{ action: string; at: string }>).filter(
        (e) => e.action === 'application.timer',
      ),
    };
  }

  test('an application created through either instance is read, and listed in the inbox, on both', async () => {
    const created: string[] = [];
    for (const via of [a, b]) {
      const r = await call(via.base, 'POST', '/api/v1/applications', await login(via.base, 'applicant'), {
        serviceId: TIMER_SERVICE_ID,
        data: TIMER_SERVICE_DATA,
      });
      expect(r.status).toBe(201);
      created.push(r.body.id);
    }
    for (const on of [a, b]) {
      const applicant = await login(on.base, 'applicant');
      for (const id of created) {
        const read = await call(on.base, 'GET', `/api/v1/applications/${id}`, applicant);
        expect(read.status).toBe(200);
        expect(read.body).toMatchObject({ id, serviceId: TIMER_SERVICE_ID, state: 'received' });
      }
      const inbox = await call(
        on.base,
        'GET',
        `/api/v1/applications?serviceId=${TIMER_SERVICE_ID}&limit=500`,
        await login(on.base, 'officer'),
      );
      expect(inbox.status).toBe(200);
      expect((inbox.body.items as Array<{ id: string }>).map((x) => x.id)).toEqual(expect.arrayContaining(created));
    }
  }, 60_000);

  test('a session opened on one instance is good on the other; a made-up token on neither', async () => {
    const fromA = await login(a.base, 'officer');
    const fromB = await login(b.base, 'officer');
    const inbox = `/api/v1/applications?serviceId=${TIMER_SERVICE_ID}`;
    expect((await call(b.base, 'GET', inbox, fromA)).status).toBe(200);
    expect((await call(a.base, 'GET', inbox, fromB)).status).toBe(200);
    expect((await call(a.base, 'GET', inbox, 'made-up')).status).toBe(401);
    expect((await call(b.base, 'GET', inbox, 'made-up')).status).toBe(401);
  }, 60_000);

  test('due timers fire exactly once across both instances, whichever fires them', async () => {
    // Registered while both run: each instance leases what is due every 200 ms, so they compete for every one.
    const due = await registerDueApplications(20);
    await untilRefused(a.base, due);
    for (const on of [a, b]) {
      const admin = await login(on.base, 'admin');
      for (const id of due) {
        const fired = await firings(on.base, admin, id);
        expect(fired.state).toBe('refused');
        expect(fired.events).toEqual([expect.objectContaining({ at: DUE_AT })]);
        expect(fired.audit).toHaveLength(1);
      }
    }
  }, 60_000);

  test('kill -9 of an instance mid-load: its acknowledged applications are on the other, its leased timers fire there once the lease expires', async () => {
    // Due timers wait while no instance runs. A starts on that backlog and leases a first batch of 50 while its
    // client writes; B is started once A listens, so what A holds when it is killed is A's alone, and B finds it later.
    const applicant = await login(a.base, 'applicant');
    await Promise.all([a.stop(), b.stop()]);
    const due = await registerDueApplications(60);
    const t0 = Date.now();
    a = await start();
    const survivor = start();
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async () => {
      while (!killed) {
        try {
          const r = await call(a.base, 'POST', '/api/v1/applications', applicant, {
            serviceId: TIMER_SERVICE_ID,
            data: TIMER_SERVICE_DATA,
          });
          if (r.status === 201) acknowledged.push(r.body.id);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = [writer(), writer(), writer()];
    // Killed while its client is writing and while it holds leases on timers it has not fired yet.
    let held: Lease[] = [];
    while (!(acknowledged.length > 0 && held.length > 0)) {
      if (Date.now() - t0 > 30_000) throw new Error('instance A never held a lease while its client was writing');
      held = await store.leasesOf(a.pid);
      // Let the writers' responses in: the SQLite read does not wait on the event loop.
      await new Promise((r) => setTimeout(r, 2));
    }
    await a.kill9();
    killed = true;
    await Promise.all(writers);
    // What it leased and had not fired yet, read at once (its leases still run): only the survivor can fire those,
    // and not before their lease expires.
    const stranded = (await store.leasesOf(a.pid)).filter((lease) => lease.state === 'received');
    expect(stranded.length).toBeGreaterThan(0);

    b = await survivor;
    const admin = await login(b.base, 'admin');
    const applicantOnB = await login(b.base, 'applicant');
    for (const id of acknowledged)
      expect((await call(b.base, 'GET', `/api/v1/applications/${id}`, applicantOnB)).status).toBe(200);

    await untilRefused(b.base, due);
    for (const id of due) {
      const fired = await firings(b.base, admin, id);
      expect(fired.events).toEqual([expect.objectContaining({ at: DUE_AT })]);
      expect(fired.audit).toHaveLength(1);
    }
    for (const lease of stranded) {
      const [line] = (await firings(b.base, admin, lease.id)).audit;
      expect(Date.parse(line.at)).toBeGreaterThanOrEqual(lease.untilMs);
    }
  }, 90_000);
}
