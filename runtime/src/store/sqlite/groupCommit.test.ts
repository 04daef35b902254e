import Database from 'better-sqlite3';
import { mkdtempSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteConnection } from './connection';

// The writes of one turn of the event loop share a transaction. They run together first; when one fails, the batch
// runs again write by write, so that write alone is lost and the others commit as if it had never been sent.

function scratch(): { connection: SqliteConnection; rows: () => string[] } {
  const connection = new SqliteConnection(join(mkdtempSync(join(tmpdir(), 'qyzmet-group-')), 'store.sqlite'));
  connection.db.exec('CREATE TABLE scratch (id TEXT PRIMARY KEY)');
  const all = connection.db.prepare('SELECT id FROM scratch ORDER BY id');
  return { connection, rows: () => (all.all() as Array<{ id: string }>).map((r) => r.id) };
}

test('writes of one turn commit together, each run once, each answered with its own result', async () => {
  const { connection, rows } = scratch();
  const insert = connection.db.prepare('INSERT INTO scratch (id) VALUES (?)');
  const runs: string[] = [];
  const write = (id: string) =>
    connection.write(() => {
      runs.push(id);
      insert.run(id);
      return `stored ${id}`;
    });
  expect(await Promise.all(['a', 'b', 'c'].map(write))).toEqual(['stored a', 'stored b', 'stored c']);
  expect(runs).toEqual(['a', 'b', 'c']);
  expect(rows()).toEqual(['a', 'b', 'c']);
  await connection.close();
});

test('a write that fails half-way is lost alone: its first statement too, none of the others', async () => {
  const { connection, rows } = scratch();
  const insert = connection.db.prepare('INSERT INTO scratch (id) VALUES (?)');
  connection.db.exec("INSERT INTO scratch (id) VALUES ('taken')");
  const results = await Promise.allSettled([
    connection.write(() => insert.run('before')),
    // Its first row is written, its second is a duplicate key: neither may stay.
    connection.write(() => {
      insert.run('half');
      insert.run('taken');
    }),
    connection.write(() => insert.run('after')),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  // The duplicate reaches the caller as the store's conflict, as it did when each write had its own savepoint.
  expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
    problem: { kind: 'conflict', code: 'store.duplicate' },
  });
  expect(rows()).toEqual(['after', 'before', 'taken']);
  await connection.close();
});

test('a write that throws in its own code after writing is lost alone, and the batch still commits', async () => {
  const { connection, rows } = scratch();
  const insert = connection.db.prepare('INSERT INTO scratch (id) VALUES (?)');
  const results = await Promise.allSettled([
    connection.write(() => insert.run('kept')),
    connection.write(() => {
      insert.run('dropped');
      throw new Error('the build failed');
    }),
  ]);
  expect(results[0].status).toBe('fulfilled');
  expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('the build failed'));
  expect(rows()).toEqual(['kept']);
  await connection.close();
});

test('a batch is answered only after the fsync of the log that follows its commit, which it commits with NORMAL', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-group-')), 'store.sqlite');
  const held: Array<{ file: string; end: () => void }> = [];
  const connection = new SqliteConnection(file, (fd, callback) =>
    held.push({ file: readlinkSync(`/proc/self/fd/${fd}`), end: () => callback(null) }),
  );
  connection.db.exec('CREATE TABLE scratch (id TEXT PRIMARY KEY)');
  let answered = false;
  const write = connection.write(() => connection.db.prepare("INSERT INTO scratch (id) VALUES ('a')").run());
  void write.then(() => (answered = true));
  await new Promise((ok) => setImmediate(ok));
  await new Promise((ok) => setImmediate(ok));

  // Committed (another connection reads it) but not yet answered: its fsync has not ended.
  const reader = new Database(file, { readonly: true });
  expect(reader.prepare('SELECT id FROM scratch').pluck().all()).toEqual(['a']);
  reader.close();
  expect(answered).toBe(false);
  expect(held.map((h) => h.file)).toEqual([`${file}-wal`]);
  held[0].end();
  await write;
  // NORMAL (1): the commit does not fsync the log on the main thread; LogSync does, before anyone is answered.
  expect(connection.db.pragma('synchronous', { simple: true })).toBe(1);
  await connection.close();
});
