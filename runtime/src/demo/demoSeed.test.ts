import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsRehash, verifyPassword } from '../auth/passwords';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/SqliteStore';
import { beginDemoSeed } from './demoSeed';

// beginDemoSeed runs before the definitions compile: it must leave a store with users alone and hash each distinct
// password of the seed once, on a real SQLite store.
describe('beginDemoSeed', () => {
  let dir: string;
  let store: SqliteStore;
  let seedFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qyzmet-demo-'));
    store = openSqliteStore(join(dir, 'data'));
    seedFile = join(dir, 'demo.json');
    const user = (username: string, password: string) => ({
      username,
      password,
      displayName: username,
      roles: ['applicant'],
      actorRoles: [],
      providers: [],
    });
    writeFileSync(
      seedFile,
      JSON.stringify({
        users: [user('a', 'demo'), user('b', 'demo'), user('c', 'other')],
        applications: { perService: 1 },
      }),
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('on an empty store: each distinct password hashed once, ready to verify', async () => {
    const begun = await beginDemoSeed(store, seedFile);
    expect(begun?.seed.users.map((u) => u.username)).toEqual(['a', 'b', 'c']);
    expect([...begun!.hashes.keys()]).toEqual(['demo', 'other']);
    expect(await verifyPassword('demo', await begun!.hashes.get('demo')!)).toBe(true);
    expect(await verifyPassword('demo', await begun!.hashes.get('other')!)).toBe(false);
    // Published passwords: hashed cheaply, and re-hashed at today's cost at the first sign-in.
    expect(needsRehash(await begun!.hashes.get('demo')!)).toBe(true);
  });

  test('nothing to begin on a store that has users, or without a seed file', async () => {
    expect(await beginDemoSeed(store, join(dir, 'missing.json'))).toBeUndefined();
    await store.createUser({
      id: 'u1',
      username: 'someone',
      passwordHash: 'x',
      displayName: 'Someone',
      roles: ['admin'],
      actorRoles: [],
      providers: [],
      createdAt: new Date().toISOString(),
    });
    expect(await beginDemoSeed(store, seedFile)).toBeUndefined();
  });
});
