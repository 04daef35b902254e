import { mkdtempSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogSync, type FsyncFile } from './logSync';

/** An fsync that ends only when the test says, recording which file each call synced. */
function heldFsync() {
  const calls: Array<{ file: string; end: (error?: Error) => void }> = [];
  const fsync: FsyncFile = (fd, callback) =>
    calls.push({ file: readlinkSync(`/proc/self/fd/${fd}`), end: (error) => callback(error ?? null) });
  return { fsync, calls };
}

function logFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-logsync-')), 'store.sqlite-wal');
  writeFileSync(file, 'frames');
  return file;
}

test('one fsync serves every caller that came while the one before it ran', async () => {
  const file = logFile();
  const { fsync, calls } = heldFsync();
  const sync = new LogSync(file, fsync);
  const answered: string[] = [];
  const caller = (name: string) => (error: Error | null) => answered.push(`${name}:${error?.message ?? 'ok'}`);
  sync.afterNextSync(caller('a'));
  expect(calls.map((c) => c.file)).toEqual([file]);
  // b and c commit after the first fsync began: it may not cover them.
  sync.afterNextSync(caller('b'));
  sync.afterNextSync(caller('c'));
  expect(calls).toHaveLength(1);

  calls[0].end();
  expect(answered).toEqual(['a:ok']);
  expect(calls).toHaveLength(2);
  calls[1].end();
  expect(answered).toEqual(['a:ok', 'b:ok', 'c:ok']);
  expect(calls).toHaveLength(2);
  await sync.close();
});

test('a failed fsync reaches each of its callers, and the next one syncs the log afresh', async () => {
  const file = logFile();
  const { fsync, calls } = heldFsync();
  const sync = new LogSync(file, fsync);
  const errors: Array<string | null> = [];
  sync.afterNextSync((e) => errors.push(e?.message ?? null));
  calls[0].end(new Error('EIO: i/o error, fsync'));
  sync.afterNextSync((e) => errors.push(e?.message ?? null));
  calls[1].end();
  expect(errors).toEqual(['EIO: i/o error, fsync', null]);
  expect(calls.map((c) => c.file)).toEqual([file, file]);
  await sync.close();
});

test('a log that cannot be opened is an error for its callers, not a crash', async () => {
  const sync = new LogSync(join(mkdtempSync(join(tmpdir(), 'qyzmet-logsync-')), 'missing-wal'));
  const error = await new Promise<Error | null>((ok) => sync.afterNextSync(ok));
  expect(error).toMatchObject({ code: 'ENOENT' });
  await sync.close();
});

test('close waits for the fsync that runs', async () => {
  const { fsync, calls } = heldFsync();
  const sync = new LogSync(logFile(), fsync);
  sync.afterNextSync(() => {});
  let closed = false;
  const closing = sync.close().then(() => (closed = true));
  await new Promise((ok) => setImmediate(ok));
  expect(closed).toBe(false);
  calls[0].end();
  await closing;
  expect(closed).toBe(true);
});

test('with the real fsync, callers are answered', async () => {
  const sync = new LogSync(logFile());
  const results = await Promise.all([1, 2, 3].map(() => new Promise<Error | null>((ok) => sync.afterNextSync(ok))));
  expect(results).toEqual([null, null, null]);
  await sync.close();
});
