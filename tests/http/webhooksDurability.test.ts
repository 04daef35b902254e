import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, freshDatabaseUrl, mongoSkipReason } from '../../runtime/src/store/mongodb/testServer';
import { openStore, type StoreLocation } from '../../runtime/src/store/openStore';
import { call, killMidWrites, login, startRuntimeProcess } from './runtimeProcess';

// The outbox: a webhook delivery is written in the same transaction (SQLite) or document (MongoDB) as the
// application it notifies of, so a kill -9 at any moment leaves no committed application without its delivery.

interface Place {
  env: Record<string, string>;
  location: StoreLocation;
  remove(): Promise<void>;
}

function sqlitePlace(): Place {
  const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-outbox-'));
  return { env: { QYZMET_DATA: dataDir }, location: { dataDir }, remove: async () => undefined };
}

function mongoPlace(): Place {
  const url = freshDatabaseUrl('qyzmet_outbox');
  const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-outbox-m-'));
  return {
    env: { QYZMET_DATA: dataDir, MONGODB_URL: url },
    location: { dataDir, mongodbUrl: url },
    remove: () => dropDatabase(url),
  };
}

async function killedMidLoad(place: Place): Promise<void> {
  // A receiver that answers at once: deliveries are being sent (and their rows updated) while the process dies.
  const receiver: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  const env = {
    ...place.env,
    QYZMET_WEBHOOK_ALLOW: '127.0.0.1',
  };
  let child = await startRuntimeProcess(env);
  try {
    const admin = await login(child.base, 'admin');
    const sub = await call(child.base, 'POST', '/api/v1/admin/webhooks', admin, {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      secret: 'a-secret-of-32-characters-long!!',
      serviceId: 'cadastral-passport-duplicate',
    });
    expect(sub.status).toBe(201);
    const token = await login(child.base, 'applicant');
    const acknowledged = await killMidWrites(child, token);

    // The runtime comes back on the same store. On MongoDB a writer killed between its write and the copy into the
    // deliveries left them in the application's outbox: the restarted runtime's claims copy them (within ~20 s).
    child = await startRuntimeProcess(env);
    expect((await call(child.base, 'GET', '/health')).status).toBe(200);
    const store = await openStore(place.location);
    try {
      let missing: string[] = acknowledged;
      for (const until = Date.now() + 45_000; missing.length > 0 && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 500));
        const notified = new Set((await store.listDeliveries(sub.body.id, 1_000_000)).map((d) => d.id.split(':')[1]));
        missing = acknowledged.filter((id) => !notified.has(id));
      }
      expect({ acknowledged: acknowledged.length, missing }).toEqual({
        acknowledged: acknowledged.length,
        missing: [],
      });
    } finally {
      await store.close();
    }
  } finally {
    await child.kill9();
    receiver.close();
    await place.remove();
  }
}

describe('kill -9 while applications and their webhook deliveries are written', () => {
  test('SQLite: every acknowledged application has its delivery row after a restart', async () => {
    await killedMidLoad(sqlitePlace());
  }, 120_000);

  const mongoSkip = mongoSkipReason();
  (mongoSkip ? test.skip : test)(
    'MongoDB: every acknowledged application has its delivery after a restart',
    async () => {
      await killedMidLoad(mongoPlace());
    },
    120_000,
  );
});
