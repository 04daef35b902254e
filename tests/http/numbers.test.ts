import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applicationNumber,
  applicationSeries,
  localYear,
  prefixFromId,
  publicUrlFromEnv,
} from '../../runtime/src/applications/numbers';
import { startServer, type RunningServer } from '../../runtime/src/server';
import { dropDatabase, freshDatabaseUrl, mongoSkipReason } from '../../runtime/src/store/mongodb/testServer';
import { openSqliteStore } from '../../runtime/src/store/sqlite/SqliteStore';
import type { NewApplication, StoredApplication } from '../../runtime/src/store/Store';
import { REPO } from '../definitions/exampleCopy';
import { apartment } from './cadastralFixtures';

// Issue 15: application numbers PROVIDER-SERVICE-YEAR-SEQUENCE, gap-free per provider and year and unique under
// concurrent submissions to two runtime instances sharing one store (an SQLite file; a MongoDB database on FerretDB).

const clock = new Date('2026-03-03T10:00:00+05:00');
const CONCURRENT = 50;
const NUMBER = /^([A-Z0-9]{2,8})-([A-Z0-9]{2,8})-(\d{4})-(\d{6,})$/;

async function call(port: number, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const login = async (port: number, username: string) =>
  (await call(port, null, 'POST', '/auth/login', { username, password: 'demo' })).body.token as string;

/**
 * Two instances on one store take 50 submissions at once (alternately), among them invalid ones that must take no
 * number; then every application's number is read back. Each series (provider prefix and year) must be exactly
 * 1, 2, …, N: unique and without gaps, the demo seed's applications included.
 */
async function submitConcurrently(location: { dataDir?: string; mongodbUrl?: string }): Promise<void> {
  const start = () =>
    startServer({
      port: 0,
      ...location,
      definitionsRoot: join(REPO, 'definitions'),
      demo: true,
      now: () => clock,
      schedulerIntervalMs: 3_600_000,
      rateLimits: { simulatePerMinute: 1000, submissionsPerMinute: 1000 },
    });
  const servers: RunningServer[] = [];
  try {
    servers.push(await start());
    servers.push(await start());
    const ports = servers.map((s) => s.port);
    const tokens = await Promise.all(ports.map((p) => login(p, 'applicant')));
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT + 10 }, (_, i) => {
        const port = ports[i % 2];
        const token = tokens[i % 2];
        // Every sixth one is invalid (no cadastral number): refused before a number is taken.
        const data = i % 6 === 5 ? { ...apartment, object: { kind: 'apartment' } } : apartment;
        return call(port, token, 'POST', '/applications', { serviceId: 'cadastral-passport-duplicate', data });
      }),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBe(CONCURRENT);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 422)).toBe(true);
    const mine = created.map((a) => a.body.number as string);
    expect(new Set(mine).size).toBe(CONCURRENT);
    for (const n of mine) expect(n).toMatch(NUMBER);

    const admin = await login(ports[0], 'admin');
    const all = (await call(ports[0], admin, 'GET', '/applications?limit=500')).body.items as Array<{
      id: string;
      number: string | null;
    }>;
    expect(all.map((a) => a.id)).toEqual(expect.arrayContaining(created.map((a) => a.body.id)));
    const bySeries = new Map<string, number[]>();
    for (const a of all) {
      const m = NUMBER.exec(a.number ?? '');
      expect(m).not.toBeNull();
      const key = `${m![1]}:${m![3]}`;
      bySeries.set(key, [...(bySeries.get(key) ?? []), Number(m![4])]);
    }
    for (const [series, sequences] of bySeries) {
      const sorted = [...sequences].sort((a, b) => a - b);
      expect({ series, sorted }).toEqual({ series, sorted: sorted.map((_, i) => i + 1) });
    }
  } finally {
    for (const s of servers) await s.close();
  }
}

describe('application numbers', () => {
  test('prefixes fall back to the initials of the ids; the year is the local one of registration', () => {
    expect(prefixFromId('cadastral-passport-duplicate')).toBe('CPD');
    expect(prefixFromId('gknpzh')).toBe('GKNPZH');
    expect(prefixFromId('a')).toBe('AX');
    expect(applicationNumber({ provider: 'GKNPZH', service: 'CPD' }, '2026', 123)).toBe('GKNPZH-CPD-2026-000123');
    // Registered on the first working day of 2027 in Almaty time, though it is still 2026 in UTC at that instant.
    expect(localYear('2027-01-01T00:30:00+05:00')).toBe('2027');
    expect(applicationSeries('GKNPZH', '2027')).toBe('application:GKNPZH:2027');
  });

  test('QYZMET_PUBLIC_URL: default loopback with the port; a URL with a query is a configuration error', () => {
    expect(publicUrlFromEnv({})).toBe('http://127.0.0.1:3000');
    expect(publicUrlFromEnv({ PORT: '8080' })).toBe('http://127.0.0.1:8080');
    expect(publicUrlFromEnv({ QYZMET_PUBLIC_URL: 'https://qyzmet.example.kz/e-gov/' })).toBe(
      'https://qyzmet.example.kz/e-gov',
    );
    expect(() => publicUrlFromEnv({ QYZMET_PUBLIC_URL: 'https://x.kz/?a=1' })).toThrow(/QYZMET_PUBLIC_URL/);
    expect(() => publicUrlFromEnv({ QYZMET_PUBLIC_URL: 'ftp://x.kz' })).toThrow(/QYZMET_PUBLIC_URL/);
  });

  test(`SQLite, two instances on one file: ${CONCURRENT} concurrent submissions get unique numbers without gaps`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-numbers-'));
    try {
      await submitConcurrently({ dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  test('SQLite: an insert that fails after taking its number gives the number back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qyzmet-numbers-'));
    const store = openSqliteStore(dir);
    const at = '2026-03-03T10:00:00+05:00';
    const made =
      (id: string) =>
      (sequence: number): NewApplication => {
        const number = applicationNumber({ provider: 'P', service: 'S' }, '2026', sequence);
        const app: StoredApplication = {
          id,
          number,
          serviceId: 's',
          version: 'v',
          provider: 'p',
          applicantId: 'u',
          channel: null,
          status: 'in-progress',
          state: 'new',
          registeredAt: at,
          dueAt: null,
          nextTimerAt: null,
          snapshot: { documents: [] } as unknown as StoredApplication['snapshot'],
          rev: 1,
          createdAt: at,
          updatedAt: at,
        };
        return { app, events: [], documents: [], audit: [] };
      };
    try {
      const first = await store.insertNumberedApplication('application:P:2026', made('a1'));
      expect(first.app.number).toBe('P-S-2026-000001');
      // The same id again: the insert fails inside the write that took number 2, so 2 is not lost.
      await expect(store.insertNumberedApplication('application:P:2026', made('a1'))).rejects.toThrow();
      const second = await store.insertNumberedApplication('application:P:2026', made('a2'));
      expect(second.app.number).toBe('P-S-2026-000002');
      // A build that throws (a template failing to render) gives it back too.
      await expect(
        store.insertNumberedApplication('application:P:2026', () => {
          throw new Error('render failed');
        }),
      ).rejects.toThrow('render failed');
      expect((await store.insertNumberedApplication('application:P:2026', made('a3'))).app.number).toBe(
        'P-S-2026-000003',
      );
      expect((await store.getApplication('a2'))?.number).toBe('P-S-2026-000002');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const mongoSkip = mongoSkipReason();
  if (mongoSkip) console.warn(`application numbers on MongoDB skipped: ${mongoSkip}`);
  (mongoSkip ? test.skip : test)(
    `MongoDB (FerretDB), two instances on one database: ${CONCURRENT} concurrent submissions get unique numbers without gaps`,
    async () => {
      const mongodbUrl = freshDatabaseUrl('qyzmet_numbers');
      try {
        await submitConcurrently({ mongodbUrl });
      } finally {
        await dropDatabase(mongodbUrl);
      }
    },
    180_000,
  );
});
