import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { databaseName } from './connection';

/**
 * The MongoDB server the tests use: $QYZMET_TEST_MONGODB_URL, else $MONGODB_URL, else FerretDB on loopback as
 * `.ci/ferretdb.sh start` runs it. Each test gets a database of its own on it, dropped afterwards.
 */
export const TEST_MONGODB_URL =
  process.env.QYZMET_TEST_MONGODB_URL ?? process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27017/qyzmet_test';

const INSTALL = [
  'apt-get install -y postgresql golang',
  '.ci/ferretdb.sh start   (builds FerretDB v1.24.2 with Go, starts PostgreSQL and FerretDB on 127.0.0.1:27017)',
  'or point QYZMET_TEST_MONGODB_URL at any MongoDB 5.0+ server',
].join('; ');

/**
 * Null when a server answers a ping within 3 s; otherwise why the MongoDB tests are skipped and how to install the
 * server. Asked synchronously (a child process) because jest decides describe or describe.skip while collecting.
 */
export function mongoSkipReason(url = TEST_MONGODB_URL): string | null {
  const probe = `const { MongoClient } = require('mongodb');
    const c = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 3000 });
    c.connect().then(() => c.db('admin').command({ ping: 1 })).then(() => c.close()).then(
      () => process.exit(0), (e) => { process.stderr.write(String(e.message)); process.exit(1); });`;
  const out = spawnSync(process.execPath, ['-e', probe, url], { encoding: 'utf8', timeout: 15_000, cwd: __dirname });
  if (out.status === 0) return null;
  return `no MongoDB server at ${url} (${(out.stderr || out.error?.message || 'no answer').trim()}): ${INSTALL}`;
}

/** The test server's URL with a fresh database name in its path (its own query string kept). */
export function freshDatabaseUrl(prefix = 'qyzmet_t', url = TEST_MONGODB_URL): string {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const base = databaseName(url);
  return url.replace(`/${base}`, `/${name}`);
}

/** Drops a test database. */
export async function dropDatabase(url: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    await client.db(databaseName(url)).dropDatabase();
  } finally {
    await client.close();
  }
}
