import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../../../tests/definitions/exampleCopy';
import { ApplicationsService } from '../applications/applications.service';
import { needsRehash, verifyPassword } from '../auth/passwords';
import { loadRepository } from '../registry/loadRepository';
import { createContext } from '../runtimeContext';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/SqliteStore';
import { beginDemoSeed, runDemoSeed } from './demoSeed';

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

// The whole seed on the real definitions: on a Saturday every sample is replayed, submitted on Friday at 10:00 (the
// officers' steps found the applications unregistered until Monday, and 17 of 24 samples were skipped).
test('runDemoSeed on a day off replays every sample from the last working morning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-demo-'));
  const store = openSqliteStore(join(dir, 'data'));
  try {
    const saturday = Date.parse('2026-03-07T14:20:00+05:00');
    const logs: string[] = [];
    const ctx = createContext(loadRepository(join(REPO, 'definitions')), store, {
      now: () => new Date(saturday),
      log: (m) => logs.push(m),
    });
    const begun = await beginDemoSeed(store, join(REPO, 'seeds', 'demo.json'));
    const seeded = await runDemoSeed(ctx, new ApplicationsService(ctx), begun!);
    expect(logs).toEqual([]);
    expect(seeded.applications).toBe(24);
    const { items } = await store.listApplications({ limit: 100, offset: 0 });
    const registered = new Set(items.map((a) => a.registeredAt.slice(0, 10)));
    // Registered on arrival (the info lookup) on Saturday itself, the others on Friday.
    expect([...registered].sort()).toEqual(['2026-03-06', '2026-03-07']);
    expect(items.filter((a) => a.serviceId === 'cadastral-passport-duplicate').map((a) => a.registeredAt)).toContain(
      '2026-03-06T10:00:00+05:00',
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
