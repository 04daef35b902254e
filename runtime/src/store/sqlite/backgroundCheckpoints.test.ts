import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BackgroundCheckpoints } from './backgroundCheckpoints';
import { BACKGROUND_CHECKPOINTS_AFTER, SqliteConnection } from './connection';

// The write-ahead log is copied into the database by a worker thread once a store is busy, never by a request's
// commit; what was written stays, through close and reopen.

const PAYLOAD = 'ж'.repeat(10_000); // 20 kB a row: 60 rows are far more than the file's size after migrations

async function writeRows(connection: SqliteConnection, n: number): Promise<void> {
  const insert = connection.db.prepare('INSERT INTO scratch (body) VALUES (?)');
  // One at a time: each is its own group commit.
  for (let i = 0; i < n; i++) await connection.write(() => insert.run(PAYLOAD));
}

const autocheckpoint = (c: SqliteConnection) => c.db.pragma('wal_autocheckpoint', { simple: true });

test('a store written to in earnest checkpoints from a worker thread, and keeps every row', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-ckpt-')), 'store.sqlite');
  let connection = new SqliteConnection(file);
  connection.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const before = statSync(file).size;
  await writeRows(connection, BACKGROUND_CHECKPOINTS_AFTER + 10);
  // The request connection no longer checkpoints by itself...
  expect(autocheckpoint(connection)).toBe(0);
  // ...and the rows reach the database file all the same (nothing else copies the log into it).
  const end = Date.now() + 10_000;
  while (statSync(file).size < before + 1_000_000 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  expect(statSync(file).size).toBeGreaterThanOrEqual(before + 1_000_000);
  await connection.close();

  connection = new SqliteConnection(file);
  expect(connection.db.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({
    n: BACKGROUND_CHECKPOINTS_AFTER + 10,
  });
  await connection.close();
});

test('a store written to a few times (a CLI command, a test) starts no thread and checkpoints as SQLite does', async () => {
  const connection = new SqliteConnection(join(mkdtempSync(join(tmpdir(), 'qyzmet-ckpt-')), 'store.sqlite'));
  connection.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  await writeRows(connection, 3);
  expect(autocheckpoint(connection)).toBe(1000);
  await connection.close();
});

test('a process with nothing else to do waits for close() to end once the thread has started', () => {
  // In a child: the thread is unreferenced while it runs, so only close() holding it keeps the process to the end.
  const compiled = resolve(__dirname, '../../../dist/store/sqlite/connection.js');
  expect(existsSync(compiled)).toBe(true);
  const script = `
    const { BACKGROUND_CHECKPOINTS_AFTER, SqliteConnection } = require(${JSON.stringify(compiled)});
    const connection = new SqliteConnection(${JSON.stringify(join(mkdtempSync(join(tmpdir(), 'qyzmet-ckpt-')), 'store.sqlite'))});
    connection.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY)');
    (async () => {
      for (let i = 0; i <= BACKGROUND_CHECKPOINTS_AFTER; i++) await connection.write(() => connection.db.exec('INSERT INTO scratch DEFAULT VALUES'));
      await connection.close();
      process.stdout.write('closed');
    })();`;
  expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 })).toBe('closed');
});

test('under writes that never pause, the log is written over from its start instead of growing', async () => {
  // Each PASSIVE checkpoint copies the log up to where it stood when it began; a writer that commits meanwhile keeps
  // the log from ever being copied whole, and only a whole copy lets the next writer start it over.
  const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-ckpt-')), 'store.sqlite');
  const connection = new SqliteConnection(file);
  connection.db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = connection.db.prepare('INSERT INTO scratch (body) VALUES (?)');
  const checkpoints = new BackgroundCheckpoints(connection.db, 20, 256);
  checkpoints.start();
  let largest = 0;
  const end = Date.now() + 3_000;
  let written = 0;
  while (Date.now() < end) {
    await connection.write(() => insert.run(PAYLOAD));
    written++;
    largest = Math.max(largest, statSync(`${file}-wal`).size);
  }
  await checkpoints.stop();
  // Far more was written than the bound (a row is 20 kB); the log stayed within a few restarts' worth (of 1 MiB).
  expect(written * 20_000).toBeGreaterThan(40 * 1024 * 1024);
  expect(largest).toBeLessThan(8 * 1024 * 1024);
  await connection.close();
});
