import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timerTicks } from '../contract/fixtures';
import { SqliteConnection } from './connection';

// Two connections on one file stand for two runtime processes of a cluster. While one holds the write lock, the
// other's writes wait without stopping its event loop, then commit; nothing is lost or written twice.

test('a write that finds the lock held waits for it without blocking the event loop, then commits', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-lock-')), 'store.sqlite');
  const holder = new SqliteConnection(file);
  holder.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const waiter = new SqliteConnection(file);
  const insert = waiter.db.prepare('INSERT INTO scratch (body) VALUES (?)');

  holder.db.exec('BEGIN IMMEDIATE');
  let committed = false;
  const writes = Promise.all(['а', 'ә', 'б'].map((body) => waiter.write(() => insert.run(body)))).then(() => {
    committed = true;
  });
  // Timers still fire while the lock is held: the waiting writer does not sleep on this thread.
  await timerTicks(20);
  expect(committed).toBe(false);
  expect(waiter.db.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 0 });

  holder.db.exec('COMMIT');
  await writes;
  expect(holder.db.prepare('SELECT body FROM scratch ORDER BY id').all()).toEqual([
    { body: 'а' },
    { body: 'ә' },
    { body: 'б' },
  ]);
  // Each batch only tried the lock; the busy timeout is back for what waits on it (closing, a CLI command).
  expect(waiter.db.pragma('busy_timeout', { simple: true })).toBe(10_000);
  await waiter.close();
  await holder.close();
});

test('reads go on while another connection holds the write lock', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-lock-')), 'store.sqlite');
  const holder = new SqliteConnection(file);
  holder.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const reader = new SqliteConnection(file);
  holder.db.exec("BEGIN IMMEDIATE; INSERT INTO scratch (body) VALUES ('уақытша')");
  await expect(reader.run(() => reader.db.prepare('SELECT count(*) AS n FROM scratch').get())).resolves.toEqual({
    n: 0,
  });
  holder.db.exec('ROLLBACK');
  await reader.close();
  await holder.close();
});
