import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ApplicationState } from '@qyzmet/engine';
import type {
  AuditEntry,
  DefinitionDraft,
  StoredApplication,
  StoredDocument,
  StoredEvent,
  StoredUser,
  WebhookDelivery,
  WebhookSubscription,
} from '../Store';
import { migrations } from './migrations';
import { insertSyntheticApplications } from './seedMany';
import { applyMigrations, COUNT_CAP, openSqliteStore, SQLITE_FILE, type SqliteStore } from './SqliteStore';

/** The message a function throws, whatever realm its error comes from (native addon errors cross jest's realms). */
function messageOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return String((e as { message?: unknown }).message ?? e);
  }
  return undefined;
}

const dirs: string[] = [];
const stores: SqliteStore[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'qyzmet-sqlite-test-'));
  dirs.push(d);
  return d;
}

function open(dir = tempDir()): SqliteStore {
  const s = openSqliteStore(dir);
  stores.push(s);
  return s;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function app(id: string, over: Partial<StoredApplication> = {}): StoredApplication {
  const registeredAt = over.registeredAt ?? '2025-03-03T09:00:00+05:00';
  return {
    id,
    serviceId: 'cadastral-passport-duplicate',
    version: '2024-1',
    provider: 'prov-a',
    applicantId: 'user-applicant',
    channel: 'portal',
    status: 'registered',
    state: 'review',
    registeredAt,
    dueAt: '2025-03-06T18:30:00+05:00',
    nextTimerAt: null,
    snapshot: {
      id,
      state: 'review',
      data: { iin: '900101300123', name: 'Әлия' },
      timers: [],
    } as unknown as ApplicationState,
    rev: 0,
    createdAt: registeredAt,
    updatedAt: registeredAt,
    ...over,
  };
}

function event(applicationId: string, seq: number, over: Partial<StoredEvent> = {}): StoredEvent {
  return {
    applicationId,
    seq,
    type: seq === 1 ? 'submit' : 'accept',
    actor: seq === 1 ? 'applicant' : 'operator',
    userId: 'user-1',
    at: '2025-03-03T09:00:00+05:00',
    data: { note: `event ${seq}` },
    fromState: seq === 1 ? 'new' : 'review',
    toState: seq === 1 ? 'review' : 'accepted',
    ...over,
  };
}

function doc(applicationId: string, documentId: string, lang: 'kk' | 'ru', html = '<p>Анықтама</p>'): StoredDocument {
  return {
    applicationId,
    documentId,
    lang,
    title: `Title ${lang}`,
    kind: 'certificate',
    html,
    issuedAt: '2025-03-04T10:00:00+05:00',
  };
}

function audit(subject: string, action: string, at = '2025-03-03T09:00:00+05:00'): AuditEntry {
  return { at, userId: 'user-1', action, subject, details: { why: action } };
}

describe('schema and migrations', () => {
  test('a new file gets every migration, recorded in schema_migrations', () => {
    const dir = tempDir();
    const store = open(dir);
    expect(existsSync(join(dir, SQLITE_FILE))).toBe(true);
    expect(store.appliedMigrations()).toEqual(migrations.map((m) => m.id));
    const db = new Database(join(dir, SQLITE_FILE), { readonly: true });
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
    ).map((r) => r.name);
    const mode = db.pragma('journal_mode', { simple: true });
    db.close();
    for (const t of [
      'schema_migrations',
      'applications',
      'events',
      'documents',
      'users',
      'sessions',
      'audit',
      'webhook_subscriptions',
      'webhook_deliveries',
      'definition_drafts',
    ]) {
      expect(tables).toContain(t);
    }
    expect(mode).toBe('wal');
  });

  test('an older file is upgraded by the migrations it lacks, once', () => {
    const db = new Database(':memory:');
    expect(applyMigrations(db, migrations.slice(0, 1))).toEqual([migrations[0].id]);
    const later = [...migrations, { id: '9999-test-column', sql: 'ALTER TABLE users ADD COLUMN locale TEXT' }];
    expect(applyMigrations(db, later)).toEqual([...migrations.slice(1).map((m) => m.id), '9999-test-column']);
    expect(applyMigrations(db, later)).toEqual([]);
    const cols = (db.prepare('PRAGMA table_info(users)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toContain('locale');
    // A runtime that does not know 9999 refuses the file instead of guessing its schema.
    expect(() => applyMigrations(db, migrations)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'store.newer-schema', kind: 'internal' }) }),
    );
    db.close();
  });

  test('a failing migration leaves nothing behind', () => {
    const db = new Database(':memory:');
    applyMigrations(db, migrations);
    const bad = [...migrations, { id: '9998-half', sql: 'CREATE TABLE half (x); SELECT no_such_function();' }];
    expect(messageOf(() => applyMigrations(db, bad))).toEqual(expect.any(String));
    const half = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get() as { n: number };
    const rec = db.prepare("SELECT count(*) AS n FROM schema_migrations WHERE id = '9998-half'").get() as { n: number };
    expect([half.n, rec.n]).toEqual([0, 0]);
    db.close();
  });
});

describe('applications', () => {
  test('insert writes application, events, documents and audit; reads return them', async () => {
    const store = open();
    const a = app('A1', { nextTimerAt: '2025-03-04T09:00:00+05:00' });
    await store.insertApplication(
      a,
      [event('A1', 1), event('A1', 2)],
      [doc('A1', 'receipt', 'kk'), doc('A1', 'receipt', 'ru')],
      [audit('application:A1', 'create')],
    );
    expect(await store.getApplication('A1')).toEqual(a);
    expect(await store.getApplication('nope')).toBeUndefined();
    expect(await store.listEvents('A1')).toEqual([event('A1', 1), event('A1', 2)]);
    expect(await store.getDocument('A1', 'receipt', 'ru')).toEqual(doc('A1', 'receipt', 'ru'));
    expect(await store.getDocument('A1', 'receipt', 'kk')).toEqual(doc('A1', 'receipt', 'kk'));
    expect(await store.getDocument('A1', 'other', 'kk')).toBeUndefined();
    expect(await store.listAudit('application:A1', 10)).toEqual([audit('application:A1', 'create')]);
  });

  test('a failing part rolls back the whole insert', async () => {
    const store = open();
    // Two events with the same seq violate the primary key after the application row was written.
    // better-sqlite3 is a native addon loaded once per jest worker, so its errors may come from another test file's
    // realm: check the error's content, not `instanceof Error` (which toThrow relies on).
    await expect(
      store.insertApplication(app('A1'), [event('A1', 1), event('A1', 1)], [], [audit('application:A1', 'create')]),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/UNIQUE|PRIMARY KEY/),
      problem: { kind: 'conflict', code: 'store.duplicate' },
    });
    expect(await store.getApplication('A1')).toBeUndefined();
    expect(await store.listAudit(null, 10)).toEqual([]);
  });

  test('an instant that is not ISO is refused with a coded error', async () => {
    const store = open();
    await expect(store.insertApplication(app('A1', { dueAt: 'next Tuesday' }), [], [], [])).rejects.toMatchObject({
      problem: { code: 'store.invalid-instant', kind: 'internal' },
    });
  });

  test('optimistic concurrency: the second update from the same rev returns false and writes nothing', async () => {
    const store = open();
    await store.insertApplication(app('A1'), [event('A1', 1)], [], []);
    const first = app('A1', {
      state: 'accepted',
      status: 'in-progress',
      rev: 1,
      updatedAt: '2025-03-04T10:00:00+05:00',
    });
    const second = app('A1', { state: 'refused', status: 'refused', rev: 1, updatedAt: '2025-03-04T10:00:01+05:00' });
    expect(
      await store.updateApplication(
        first,
        0,
        [event('A1', 2)],
        [doc('A1', 'receipt', 'kk')],
        [audit('application:A1', 'accept')],
      ),
    ).toBe(true);
    expect(
      await store.updateApplication(
        second,
        0,
        [event('A1', 3)],
        [doc('A1', 'refusal', 'kk')],
        [audit('application:A1', 'refuse')],
      ),
    ).toBe(false);
    expect(await store.getApplication('A1')).toEqual(first);
    expect((await store.listEvents('A1')).map((e) => e.seq)).toEqual([1, 2]);
    expect(await store.getDocument('A1', 'refusal', 'kk')).toBeUndefined();
    expect((await store.listAudit('application:A1', 10)).map((e) => e.action)).toEqual(['accept']);
    // From the current rev it goes through, and the store sets rev = expectedRev + 1.
    expect(await store.updateApplication({ ...second, rev: 99 }, 1, [event('A1', 3)], [], [])).toBe(true);
    expect((await store.getApplication('A1'))?.rev).toBe(2);
    expect(await store.updateApplication(app('ghost'), 0, [], [], [])).toBe(false);
  });

  test('a reissued document replaces the earlier rendering', async () => {
    const store = open();
    await store.insertApplication(app('A1'), [], [doc('A1', 'cert', 'kk', '<p>v1</p>')], []);
    await store.updateApplication(app('A1', { rev: 1 }), 0, [], [doc('A1', 'cert', 'kk', '<p>v2</p>')], []);
    expect((await store.getDocument('A1', 'cert', 'kk'))?.html).toBe('<p>v2</p>');
  });

  test('reopening the file keeps the data', async () => {
    const dir = tempDir();
    const first = openSqliteStore(dir);
    await first.insertApplication(
      app('A1'),
      [event('A1', 1)],
      [doc('A1', 'receipt', 'kk')],
      [audit('application:A1', 'create')],
    );
    await first.createUser(user('u1', 'officer'));
    await first.close();
    const again = open(dir);
    expect(await again.getApplication('A1')).toEqual(app('A1'));
    expect(await again.listEvents('A1')).toHaveLength(1);
    expect(await again.getUserByUsername('officer')).toEqual(user('u1', 'officer'));
    expect(again.appliedMigrations()).toEqual(migrations.map((m) => m.id));
  });
});

describe('inbox query', () => {
  // Due instants in two offsets: text order and instant order disagree on purpose (UTC+6 before 2024-03-01).
  const rows: StoredApplication[] = [
    app('a', {
      provider: 'p1',
      status: 'registered',
      dueAt: '2024-02-20T10:00:00+06:00',
      registeredAt: '2024-02-10T09:00:00+06:00',
    }), // 04:00Z
    app('b', {
      provider: 'p1',
      status: 'in-progress',
      dueAt: '2024-02-20T09:30:00+05:00',
      registeredAt: '2024-02-11T09:00:00+06:00',
    }), // 04:30Z
    app('c', { provider: 'p2', status: 'registered', dueAt: null, registeredAt: '2024-02-09T09:00:00+06:00' }),
    app('d', {
      provider: 'p2',
      status: 'approved',
      dueAt: '2024-02-15T18:30:00+06:00',
      registeredAt: '2024-02-05T09:00:00+06:00',
    }),
    app('e', {
      provider: 'p3',
      status: 'suspended',
      dueAt: '2024-02-20T10:00:00+06:00',
      registeredAt: '2024-02-08T09:00:00+06:00',
      applicantId: 'user-2',
    }), // 04:00Z, registered earlier than a
    app('f', {
      provider: 'p1',
      status: 'refused',
      dueAt: null,
      registeredAt: '2024-02-01T09:00:00+06:00',
      serviceId: 'housing-presence-certificate',
    }),
    app('g', {
      provider: 'p3',
      status: 'in-progress',
      dueAt: '2024-03-10T18:30:00+05:00',
      registeredAt: '2024-03-01T09:00:00+05:00',
      applicantId: 'user-2',
    }),
  ];
  let store: SqliteStore;
  beforeEach(async () => {
    store = open();
    for (const r of rows) await store.insertApplication(r, [], [], []);
  });
  const ids = async (q: Parameters<SqliteStore['listApplications']>[0]) => {
    const res = await store.listApplications(q);
    return { ids: res.items.map((i) => i.id), total: res.total };
  };

  test.each([
    ['everything: by due instant, nulls last, then registration', {}, ['d', 'e', 'a', 'b', 'g', 'f', 'c']],
    ['"*" is every provider', { providers: ['*'] }, ['d', 'e', 'a', 'b', 'g', 'f', 'c']],
    ['one provider', { providers: ['p1'] }, ['a', 'b', 'f']],
    [
      'providers × statuses',
      { providers: ['p1', 'p3'], status: ['registered', 'suspended', 'in-progress'] },
      ['e', 'a', 'b', 'g'],
    ],
    ['status only', { status: ['registered'] }, ['a', 'c']],
    ['applicant', { applicantId: 'user-2' }, ['e', 'g']],
    ['service', { serviceId: 'housing-presence-certificate' }, ['f']],
    [
      'overdue: open and due before the instant (closed d and undated c excluded)',
      { overdueAt: '2024-02-20T09:15:00+05:00' },
      ['e', 'a'],
    ],
    ['overdue with providers', { providers: ['p1', 'p2'], overdueAt: '2024-03-31T00:00:00+05:00' }, ['a', 'b']],
    ['due before includes closed ones', { dueBefore: '2024-02-20T09:15:00+05:00' }, ['d', 'e', 'a']],
    ['empty provider list matches nothing', { providers: [] }, []],
    ['empty status list matches nothing', { status: [] }, []],
  ] as const)('%s', async (_name, q, expected) => {
    const res = await ids({
      ...q,
      providers: q.providers ? [...q.providers] : undefined,
      status: q.status ? [...q.status] : undefined,
      limit: 100,
      offset: 0,
    } as never);
    expect(res).toEqual({ ids: expected, total: expected.length });
  });

  test('limit and offset page through the same order; total counts every match', async () => {
    expect(await ids({ limit: 3, offset: 0 })).toEqual({ ids: ['d', 'e', 'a'], total: 7 });
    expect(await ids({ limit: 3, offset: 3 })).toEqual({ ids: ['b', 'g', 'f'], total: 7 });
    expect(await ids({ limit: 3, offset: 6 })).toEqual({ ids: ['c'], total: 7 });
    expect(await ids({ limit: 3, offset: 9 })).toEqual({ ids: [], total: 7 });
    // The per-pair merge path pages the same way.
    const q = {
      providers: ['p1', 'p2', 'p3'],
      status: ['registered' as const, 'in-progress' as const, 'suspended' as const, 'approved' as const],
    };
    const pages = [
      ...(await ids({ ...q, limit: 2, offset: 0 })).ids,
      ...(await ids({ ...q, limit: 2, offset: 2 })).ids,
      ...(await ids({ ...q, limit: 2, offset: 4 })).ids,
    ];
    expect(pages).toEqual(['d', 'e', 'a', 'b', 'g', 'c']);
  });

  test('the items are the stored applications', async () => {
    const res = await store.listApplications({ providers: ['p3'], limit: 10, offset: 0 });
    expect(res.items).toEqual([rows[4], rows[6]]);
  });

  test('the page is read from the inbox index, not by scanning the table', () => {
    const db = new Database(store.file, { readonly: true });
    const plan = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT id FROM applications WHERE provider = 'p1' AND status = 'registered' ORDER BY due_at_ms, registered_at_ms, id LIMIT 50",
        )
        .all() as Array<{ detail: string }>
    )
      .map((r) => r.detail)
      .join('\n');
    db.close();
    expect(plan).toMatch(/COVERING INDEX applications_inbox/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

describe('leases', () => {
  async function seedTimers(store: SqliteStore, n: number) {
    for (let i = 0; i < n; i++) {
      await store.insertApplication(
        app(`T${i}`, { nextTimerAt: `2025-03-03T${String(8 + (i % 4)).padStart(2, '0')}:00:00+05:00` }),
        [],
        [],
        [],
      );
    }
    await store.insertApplication(app('later', { nextTimerAt: '2025-03-10T09:00:00+05:00' }), [], [], []);
    await store.insertApplication(app('none', { nextTimerAt: null }), [], [], []);
  }

  test('two owners claim disjoint sets; only due rows are claimed; earliest first', async () => {
    const store = open();
    await seedTimers(store, 10);
    const now = '2025-03-03T07:00:00Z'; // 12:00 Astana: every T* timer is due
    const one = await store.claimDueApplications(now, 'instance-1', 60_000, 6);
    const two = await store.claimDueApplications(now, 'instance-2', 60_000, 6);
    expect(one).toHaveLength(6);
    expect(two).toHaveLength(4);
    expect(one.filter((id) => two.includes(id))).toEqual([]);
    expect(new Set([...one, ...two])).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `T${i}`)));
    expect(one.slice(0, 3).every((id) => Number(id.slice(1)) % 4 === 0)).toBe(true); // 08:00 timers first
    expect(await store.claimDueApplications(now, 'instance-3', 60_000, 10)).toEqual([]);
  });

  test('an expired lease can be taken by another owner; a released one at once; only the holder releases', async () => {
    const store = open();
    await seedTimers(store, 2);
    const t0 = Date.parse('2025-03-03T07:00:00Z');
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    expect(await store.claimDueApplications(at(0), 'A', 30_000, 10)).toEqual(['T0', 'T1']);
    expect(await store.claimDueApplications(at(29_000), 'B', 30_000, 10)).toEqual([]);
    await store.releaseLease('T0', 'B'); // not B's: ignored
    expect(await store.claimDueApplications(at(29_500), 'B', 30_000, 10)).toEqual([]);
    await store.releaseLease('T0', 'A');
    expect(await store.claimDueApplications(at(29_500), 'B', 30_000, 10)).toEqual(['T0']);
    expect(await store.claimDueApplications(at(31_000), 'C', 30_000, 10)).toEqual(['T1']);
  });

  test('deliveries: enqueue, claim due pending ones with leases, update ends the lease, list newest first', async () => {
    const store = open();
    await store.createSubscription(sub('s1'));
    const d = (id: string, over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
      id,
      subscriptionId: 's1',
      event: 'application.approved',
      payload: { applicationId: id },
      attempts: 0,
      nextAttemptAt: '2025-03-03T09:00:00+05:00',
      status: 'pending',
      lastError: null,
      lastStatus: null,
      createdAt: `2025-03-03T08:0${id.slice(1)}:00+05:00`,
      deliveredAt: null,
      ...over,
    });
    await store.enqueueDeliveries([
      d('d1'),
      d('d2'),
      d('d3', { nextAttemptAt: '2025-03-03T11:00:00+05:00' }),
      d('d4', { status: 'delivered' }),
      d('d5', { nextAttemptAt: null }),
    ]);
    const now = '2025-03-03T10:00:00+05:00';
    const first = await store.claimDueDeliveries(now, 'A', 60_000, 10);
    expect(first.map((x) => x.id).sort()).toEqual(['d1', 'd2', 'd5']);
    expect(first.find((x) => x.id === 'd1')).toEqual(d('d1'));
    expect(await store.claimDueDeliveries(now, 'B', 60_000, 10)).toEqual([]);
    await store.updateDelivery({
      ...d('d1'),
      attempts: 1,
      lastStatus: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: '2025-03-03T10:00:00+05:00',
    });
    expect((await store.claimDueDeliveries(now, 'B', 60_000, 10)).map((x) => x.id)).toEqual(['d1']);
    // Two hours later every lease has run out and d3 is due too: everything pending goes to C.
    expect(
      (await store.claimDueDeliveries('2025-03-03T12:00:00+05:00', 'C', 60_000, 10)).map((x) => x.id).sort(),
    ).toEqual(['d1', 'd2', 'd3', 'd5']);
    const listed = await store.listDeliveries('s1', 10);
    expect(listed.map((x) => x.id)).toEqual(['d5', 'd4', 'd3', 'd2', 'd1']);
    expect(listed.find((x) => x.id === 'd1')).toMatchObject({ attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    expect(await store.listDeliveries('s1', 2)).toHaveLength(2);
  });
});

function user(id: string, username: string): StoredUser {
  return {
    id,
    username,
    passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
    roles: ['officer'],
    actorRoles: ['operator', 'head'],
    providers: ['*'],
    displayName: 'Офицер',
    createdAt: '2025-01-01T00:00:00Z',
  };
}

function sub(id: string): WebhookSubscription {
  return {
    id,
    url: 'https://example.kz/hook',
    secret: 'sekret',
    serviceId: null,
    provider: 'prov-a',
    createdBy: 'u1',
    createdAt: '2025-03-01T00:00:00Z',
    active: true,
  };
}

describe('users, sessions, audit, webhooks, drafts', () => {
  test('users and sessions round-trip', async () => {
    const store = open();
    expect(await store.countUsers()).toBe(0);
    await store.createUser(user('u1', 'officer'));
    await store.createUser({ ...user('u2', 'applicant'), roles: ['applicant'], actorRoles: [], providers: [] });
    await expect(store.createUser(user('u3', 'officer'))).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/UNIQUE/),
    );
    expect(await store.countUsers()).toBe(2);
    expect(await store.getUser('u1')).toEqual(user('u1', 'officer'));
    expect((await store.getUserByUsername('applicant'))?.roles).toEqual(['applicant']);
    expect(await store.getUserByUsername('nobody')).toBeUndefined();
    await store.createSession('hash1', 'u1', '2025-03-03T17:00:00+05:00');
    expect(await store.getSession('hash1')).toEqual({ userId: 'u1', expiresAt: '2025-03-03T17:00:00+05:00' });
    expect(await store.getSession('hash2')).toBeUndefined();
    await expect(store.createSession('hash3', 'ghost', '2025-03-03T17:00:00+05:00')).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/FOREIGN KEY/),
    );
  });

  test('audit is append-only: listing newest first, UPDATE and DELETE refused by the file itself', async () => {
    const store = open();
    await store.appendAudit(audit('definition:x', 'publish', '2025-03-01T00:00:00Z'));
    await store.appendAudit(audit('user:u1', 'login', '2025-03-02T00:00:00Z'));
    await store.appendAudit(audit('definition:x', 'amend', '2025-03-03T00:00:00Z'));
    expect((await store.listAudit('definition:x', 10)).map((a) => a.action)).toEqual(['amend', 'publish']);
    expect((await store.listAudit(null, 2)).map((a) => a.action)).toEqual(['amend', 'login']);
    const db = new Database(store.file);
    expect(messageOf(() => db.prepare("UPDATE audit SET action = 'forged'").run())).toMatch(/append-only/);
    expect(messageOf(() => db.prepare('DELETE FROM audit').run())).toMatch(/append-only/);
    db.close();
    expect((await store.listAudit(null, 10)).map((a) => a.action)).toEqual(['amend', 'login', 'publish']);
  });

  test('subscriptions round-trip', async () => {
    const store = open();
    await store.createSubscription(sub('s2'));
    await store.createSubscription({
      ...sub('s1'),
      active: false,
      serviceId: 'housing-queue-registration',
      provider: null,
      createdAt: '2025-02-01T00:00:00Z',
    });
    expect(await store.listSubscriptions()).toEqual([
      {
        ...sub('s1'),
        active: false,
        serviceId: 'housing-queue-registration',
        provider: null,
        createdAt: '2025-02-01T00:00:00Z',
      },
      sub('s2'),
    ]);
  });

  test('drafts: created once, updated only from the revision stored, every revision kept; list newest first', async () => {
    const store = open();
    const draft: DefinitionDraft = {
      serviceId: 'svc',
      id: 'd1',
      rev: 1,
      definition: { id: 'v2', basedOn: 'v1', changes: [] },
      baseVersion: 'v1',
      legalRef: null,
      scenarios: [],
      expectedFrom: null,
      approvals: [],
      author: 'analyst',
      savedBy: 'analyst',
      note: 'first',
      createdAt: '2025-03-01T00:00:00Z',
      updatedAt: '2025-03-01T00:00:00Z',
      publishedAt: null,
      discardedAt: null,
    };
    expect(await store.saveDraft(draft, null)).toBe(true);
    // The id is taken: a second create is refused, not an overwrite.
    expect(await store.saveDraft({ ...draft, note: 'again' }, null)).toBe(false);
    expect(await store.saveDraft({ ...draft, id: 'd2', note: 'other', updatedAt: '2025-03-02T00:00:00Z' }, null)).toBe(
      true,
    );
    const second = { ...draft, rev: 2, note: 'second', savedBy: 'reviewer', updatedAt: '2025-03-03T00:00:00Z' };
    expect(await store.saveDraft(second, 1)).toBe(true);
    // Two analysts both editing revision 1: the second save finds revision 2 and is refused.
    expect(await store.saveDraft({ ...draft, rev: 2, note: 'lost?' }, 1)).toBe(false);
    expect(await store.getDraft('svc', 'd1')).toEqual(second);
    expect((await store.listDraftRevisions('svc', 'd1')).map((d) => [d.rev, d.note])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    expect(await store.getDraft('svc', 'zz')).toBeUndefined();
    expect((await store.listDrafts('svc')).map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(await store.listDrafts('other')).toEqual([]);
  });

  test('acts entered through the API: saved, replaced by id, listed', async () => {
    const store = open();
    const act = { type: 'order', title: { kk: 'Бұйрық', ru: 'Приказ' }, status: 'in-force' };
    await store.saveAct({
      id: 'a',
      act,
      createdBy: 'u1',
      createdAt: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
    });
    await store.saveAct({
      id: 'a',
      act: { ...act, number: '9' },
      createdBy: 'u2',
      createdAt: '2026-12-02T00:00:00Z',
      updatedAt: '2026-12-02T00:00:00Z',
    });
    expect(await store.listActs()).toEqual([
      {
        id: 'a',
        act: { ...act, number: '9' },
        createdBy: 'u1',
        createdAt: '2026-12-01T00:00:00Z',
        updatedAt: '2026-12-02T00:00:00Z',
      },
    ]);
  });
});

describe('bulk load', () => {
  test('insertSyntheticApplications loads n rows that the inbox then finds', async () => {
    const store = open();
    await insertSyntheticApplications(store, 25_000, app('syn'));
    const all = await store.listApplications({ limit: 5, offset: 0 });
    // Past COUNT_CAP matches the total is a lower bound, and says so.
    expect(all).toMatchObject({ total: COUNT_CAP, totalExact: false });
    expect(all.items).toHaveLength(5);
    const one = await store.listApplications({ providers: ['prov-a-03'], limit: 2000, offset: 0 });
    expect(one).toMatchObject({ total: 1250, totalExact: true });
    const due = one.items.map((i) => (i.dueAt === null ? Infinity : Date.parse(i.dueAt)));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(await store.getApplication('syn-24999')).toMatchObject({ id: 'syn-24999', provider: 'prov-a-19' });
  });
});

describe('durability', () => {
  const root = resolve(__dirname, '../../../..');
  const compiled = join(root, 'runtime/dist/store/sqlite/SqliteStore.js');

  beforeAll(() => {
    // The child process runs the compiled adapter, as the runtime does.
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'runtime'], {
        cwd: root,
        stdio: 'pipe',
      });
    } catch {
      // Type errors elsewhere in the runtime still emit JavaScript; the existence check below is what matters.
    }
  }, 120_000);

  test('two processes on one file: claims wait for the lock instead of failing, and never overlap', async () => {
    const dir = tempDir();
    const seed = openSqliteStore(dir);
    const n = 300;
    for (let i = 0; i < n; i++)
      await seed.insertApplication(app(`C${i}`, { nextTimerAt: '2025-03-03T09:00:00+05:00' }), [], [], []);
    await seed.close();
    const script = (owner: string) => `
      const { openSqliteStore } = require(${JSON.stringify(compiled)});
      const store = openSqliteStore(${JSON.stringify(dir)});
      (async () => {
        const mine = [];
        // Bounded: a claim that hands out leased rows again must fail this test, not loop for ever.
        for (let k = 0; k < ${n}; k++) {
          const got = await store.claimDueApplications('2025-03-03T10:00:00+05:00', ${JSON.stringify(owner)}, 600000, 3);
          if (got.length === 0) break;
          mine.push(...got);
          // Hold no lock between claims but keep writing, so the two processes really contend.
          await store.appendAudit({ at: '2025-03-03T10:00:00+05:00', userId: null, action: 'fire', subject: 'x', details: { got } });
        }
        await store.close();
        process.stdout.write(JSON.stringify(mine));
      })().catch((e) => { process.stderr.write(String(e)); process.exit(3); });`;
    const run = (owner: string) =>
      new Promise<{ code: number | null; ids: string[]; err: string }>((res) => {
        const c = spawn(process.execPath, ['-e', script(owner)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        c.stdout.on('data', (b: Buffer) => (out += b.toString()));
        c.stderr.on('data', (b: Buffer) => (err += b.toString()));
        const guard = setTimeout(() => c.kill('SIGKILL'), 45_000);
        c.on('exit', (code) => {
          clearTimeout(guard);
          res({ code, ids: code === 0 ? JSON.parse(out) : [], err });
        });
      });
    const [one, two] = await Promise.all([run('one'), run('two')]);
    expect([one.code, one.err, two.code, two.err]).toEqual([0, '', 0, '']);
    expect(one.ids.filter((id) => two.ids.includes(id))).toEqual([]);
    expect(new Set([...one.ids, ...two.ids]).size).toBe(n);
  }, 60_000);

  test('every id acknowledged before SIGKILL is in the file after reopening', async () => {
    expect(existsSync(compiled)).toBe(true);
    const dir = tempDir();
    const script = `
      const { openSqliteStore } = require(${JSON.stringify(compiled)});
      const store = openSqliteStore(${JSON.stringify(dir)});
      const at = '2025-03-03T09:00:00+05:00';
      (async () => {
        for (let i = 0; ; i++) {
          const id = 'K' + i;
          await store.insertApplication({ id, serviceId: 's', version: '1', provider: 'p', applicantId: 'a', channel: null,
            status: 'registered', state: 'review', registeredAt: at, dueAt: null, nextTimerAt: null, snapshot: { id },
            rev: 0, createdAt: at, updatedAt: at }, [], [], [{ at, userId: null, action: 'create', subject: 'application:' + id, details: {} }]);
          process.stdout.write(id + '\\n');
        }
      })();`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (c: Buffer) => {
        buffer += c.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        acknowledged.push(...lines);
        if (acknowledged.length >= 50) {
          child.kill('SIGKILL');
          res();
        }
      });
      child.on('exit', () => (acknowledged.length >= 50 ? res() : rej(new Error(`child ended early: ${stderr}`))));
    });
    expect(await exited).toBe('SIGKILL');
    // Lines that arrived after the kill was sent were acknowledged too.
    acknowledged.push(...buffer.split('\n').filter(Boolean));
    const store = open(dir);
    const missing: string[] = [];
    for (const id of acknowledged) if (!(await store.getApplication(id))) missing.push(id);
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    expect(missing).toEqual([]);
    expect((await store.listAudit(null, 1_000_000)).length).toBeGreaterThanOrEqual(acknowledged.length);
  }, 60_000);
});
