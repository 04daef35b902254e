import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { app, audit, event, inboxRows, timerTicks, user } from '../contract/fixtures';
import { migrations } from './migrations';
import { insertSyntheticApplications } from '../seedMany';
import { applyMigrations, COUNT_CAP, openSqliteStore, SQLITE_FILE, type SqliteStore } from './SqliteStore';
import type { ApplicationQuery } from '../Store';
import { SqliteInbox } from './inbox';

// What only the embedded store does: its migrations, its file's own constraints and triggers, its index plans, and
// several processes on one file. What every store guarantees is in the contract suite (sqlite.contract.test.ts).

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

describe('the file itself', () => {
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

  test('reopening the file applies no migration again', async () => {
    const dir = tempDir();
    await openSqliteStore(dir).close();
    const again = open(dir);
    expect(again.appliedMigrations()).toEqual(migrations.map((m) => m.id));
  });

  test('a session of an unknown user is refused by the foreign key', async () => {
    const store = open();
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

  test('the inbox page is read from the inbox index, not by scanning the table', async () => {
    const store = open();
    for (const r of inboxRows) await store.insertApplication(r, [], [], []);
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

describe('the inbox search', () => {
  /** The plan of every statement the inbox prepares for `q`, one line per step. */
  async function plansOf(store: SqliteStore, q: Partial<ApplicationQuery>): Promise<string[]> {
    const proto = SqliteInbox.prototype as unknown as { prepared(this: SqliteInbox, sql: string): unknown };
    const prepared = proto.prepared;
    const plans: string[] = [];
    proto.prepared = function (sql: string) {
      const db = (this as unknown as { db: Database.Database }).db;
      const holes = (sql.match(/\?/g) ?? []).length;
      const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(holes).fill(null)) as Array<{
        detail: string;
      }>;
      plans.push(steps.map((s) => s.detail).join('\n'));
      return prepared.call(this, sql);
    };
    try {
      await store.listApplications({ limit: 50, offset: 0, ...q });
    } finally {
      proto.prepared = prepared;
    }
    return plans;
  }

  test.each([
    ['a number tail, every provider', { search: '000123' }],
    [
      'a number tail within providers and statuses',
      { providers: ['p1', 'p2'], status: ['registered' as const], search: '123' },
    ],
    ['an IIN or number tail, one provider', { providers: ['p1'], search: '900101300123' }],
    [
      'an IIN, with the due bound and the assignee',
      { search: '900101300123', overdueAt: '2026-01-01T00:00:00Z', assignee: null },
    ],
  ])('%s: candidates come from their index, the table is never scanned', async (_name, q) => {
    const store = open();
    await insertSyntheticApplications(store, 2_000, app('syn'));
    store.optimize();
    // The candidates are looked up once; the count and the page then read only their rows.
    const [candidates, ...pages] = await plansOf(store, q);
    expect(candidates).toMatch(/COVERING INDEX applications_number_seq \(number_seq=\?\)/);
    if ('search' in q && q.search.length === 12) expect(candidates).toMatch(/applications_applicant_code/);
    expect(pages.length).toBeGreaterThan(0);
    for (const plan of [candidates, ...pages]) expect(plan).not.toMatch(/^SCAN applications\b/m);
    for (const plan of pages) expect(plan).toMatch(/INTEGER PRIMARY KEY \(rowid=\?\)/);
  });

  test('an older file: migrations 0009 and 0010 give its numbered rows their sequence, so their tails are found', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, SQLITE_FILE));
    const upTo = migrations.findIndex((m) => m.id.startsWith('0009'));
    applyMigrations(db, migrations.slice(0, upTo));
    const at = '2025-03-03T09:00:00+05:00';
    const ms = Date.parse(at);
    const insert = db.prepare(
      `INSERT INTO applications (id, number, service_id, version, provider, applicant_id, status, state, registered_at,
        registered_at_ms, due_at_ms, snapshot, rev, created_at, created_at_ms, updated_at)
       VALUES (?, ?, 's', 'v', 'p1', 'u', 'registered', 'review', ?, ?, ?, '{}', 1, ?, ?, ?)`,
    );
    for (const [id, number] of [
      ['old', 'GKNPZH-CPD-2025-000042'],
      ['old-7-digits', 'GKNPZH-CPD-2025-1000042'],
      ['unnumbered', null],
    ])
      insert.run(id, number, at, ms, ms + 86_400_000, at, ms, at);
    db.close();
    const store = open(dir);
    const found = await store.listApplications({ search: '000042', limit: 5, offset: 0 });
    expect(found.items.map((a) => a.id).sort()).toEqual(['old', 'old-7-digits']);
    expect(found.items[0]).not.toHaveProperty('summary');
    expect((await store.listApplications({ search: '2025-000042', limit: 5, offset: 0 })).items).toMatchObject([
      { id: 'old' },
    ]);
    expect((await store.listApplications({ assignee: null, limit: 5, offset: 0 })).total).toBe(3);
    const file = new Database(join(dir, SQLITE_FILE), { readonly: true });
    const columns = file.pragma('table_info(applications)') as Array<{ name: string }>;
    file.close();
    expect(columns.map((c) => c.name)).toContain('number_seq');
    expect(columns.map((c) => c.name)).not.toContain('number_tail');
  });

  test('a tail that ends too many numbers to look up by sequence is compared row by row, with the same answer', async () => {
    const store = open();
    const numbered = [
      ['a', 'GKNPZH-CPD-2026-000023'],
      ['b', 'GKNPZH-CPD-2026-000123'],
      ['c', 'AKIMAT-HPC-2026-000024'],
      // Its sequence makes "23" name 100 000 sequences, more than MAX_TAIL_CANDIDATES applications.
      ['d', 'AKIMAT-HPC-2026-9999923'],
    ];
    for (const [id, number] of numbered) await store.insertApplication(app(id, { number }), [], [], []);
    const plans = await plansOf(store, { search: '23' });
    // Read in order (the count may scan the sequences' index, which holds the numbers: smaller than the table).
    expect(plans.join('\n')).not.toMatch(/\(number_seq=\?\)/);
    const found = await store.listApplications({ search: '23', limit: 10, offset: 0 });
    expect(found.items.map((a) => a.id).sort()).toEqual(['a', 'b', 'd']);
    expect((await store.listApplications({ search: '0023', limit: 10, offset: 0 })).items.map((a) => a.id)).toEqual([
      'a',
    ]);
    expect((await plansOf(store, { search: '9923' }))[0]).toMatch(
      /COVERING INDEX applications_number_seq \(number_seq=\?\)/,
    );
  });

  test('a tail whose sequences every provider has reached counts each provider’s numbers against the limit', async () => {
    const usesSequences = async (store: SqliteStore) =>
      /\(number_seq=\?\)/.test((await plansOf(store, { search: '23' })).join('\n'));
    // "23" names 10 001 sequences up to 1 000 023 (within MAX_TAIL_CANDIDATES); the middle one is 500 023.
    const one = open();
    for (const [id, number] of [
      ['a', 'GKNPZH-CPD-2026-500023'],
      ['z', 'GKNPZH-CPD-2026-1000023'],
    ])
      await one.insertApplication(app(id, { number }), [], [], []);
    expect(await usesSequences(one)).toBe(true);
    // Two series have reached it, so the sequences would end about 20 002 numbers: read in order instead.
    const two = open();
    for (const [id, number] of [
      ['a', 'GKNPZH-CPD-2026-500023'],
      ['b', 'AKIMAT-HPC-2026-500023'],
      ['z', 'GKNPZH-CPD-2026-1000023'],
    ])
      await two.insertApplication(app(id, { number }), [], [], []);
    expect(await usesSequences(two)).toBe(false);
    expect((await two.listApplications({ search: '23', limit: 10, offset: 0 })).items.map((a) => a.id).sort()).toEqual([
      'a',
      'b',
      'z',
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

  test('writes besides applications wait for another process holding the write lock without stopping the event loop, then commit', async () => {
    // Sessions, users, settings and the audit used to write at once: the thread slept in SQLite's busy handler while
    // another process held the lock, every request of the process stopped meanwhile.
    const dir = tempDir();
    const store = open(dir);
    await store.createUser(user('u1', 'aigerim'));
    const otherProcess = new Database(join(dir, SQLITE_FILE));
    otherProcess.exec('BEGIN IMMEDIATE');
    let committed = false;
    const writes = Promise.all([
      store.createSession('hash1', 'u1', '2025-03-03T17:00:00+05:00'),
      store.setMeta('notice', 'бар'),
      store.appendAudit(audit('user:u1', 'login')),
      store.createUser(user('u2', 'bolat')),
    ]).then(() => {
      committed = true;
    });
    await timerTicks(10);
    expect(committed).toBe(false);
    otherProcess.exec('COMMIT');
    otherProcess.close();
    await writes;
    expect((await store.getSessionWithUser('hash1'))?.user?.id).toBe('u1');
    expect(await store.getMeta('notice')).toBe('бар');
    expect((await store.listAudit('user:u1', 10)).map((a) => a.action)).toEqual(['login']);
    expect((await store.getUser('u2'))?.username).toBe('bolat');
  });

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
