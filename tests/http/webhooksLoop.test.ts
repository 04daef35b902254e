import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Repository } from '../../runtime/src/registry/loadRepository';
import { createContext } from '../../runtime/src/runtimeContext';
import { delivery, sub } from '../../runtime/src/store/contract/fixtures';
import { openSqliteStore } from '../../runtime/src/store/sqlite/SqliteStore';
import { startDeliveryLoop } from '../../runtime/src/webhooks/deliveryLoop';
import type { Send } from '../../runtime/src/webhooks/send';

// The delivery loop's limits, with a sender that answers only when told: at most 8 in flight, at most 2 per target;
// a delivery whose target is busy goes back to the queue with its attempts untouched.

test('at most 8 deliveries in flight, at most 2 per target; a busy target does not hold the others', async () => {
  const store = openSqliteStore(mkdtempSync(join(tmpdir(), 'qyzmet-loop-')));
  let clock = new Date('2025-03-03T10:00:00+05:00');
  const ctx = createContext({} as Repository, store, { now: () => clock, log: () => undefined });
  // Ten targets with one delivery each, and one target (slow.test) with five.
  const subs = [
    ...Array.from({ length: 10 }, (_, i) => ({ ...sub(`s${i}`), url: `http://t${i}.test/hook` })),
    { ...sub('slow'), url: 'http://slow.test/hook' },
  ];
  for (const s of subs) await store.createSubscription(s);
  await store.enqueueDeliveries([
    ...Array.from({ length: 5 }, (_, i) =>
      delivery(`d${i}`, { id: `slow-${i}`, subscriptionId: 'slow', nextAttemptAt: null }),
    ),
    ...Array.from({ length: 10 }, (_, i) => delivery(`d${i}`, { id: `fast-${i}`, subscriptionId: `s${i}` })),
  ]);
  const open = new Map<string, () => void>();
  let most = 0;
  let sent = 0;
  const send: Send = (url, _headers, _body, stop) =>
    new Promise((done) => {
      stop.addEventListener('abort', () => done({ ok: false, status: null, error: 'stopped' }));
      const key = `${url}#${sent++}`;
      open.set(key, () => {
        open.delete(key);
        done({ ok: true, status: 204 });
      });
      most = Math.max(most, open.size);
    });
  const loop = startDeliveryLoop(ctx, { intervalMs: 3_600_000, send });
  try {
    // The first claim: the five slow ones are due first; two start, three go back; six fast ones fill the rest.
    const first = loop.tick();
    await new Promise((r) => setTimeout(r, 200));
    expect(open.size).toBe(8);
    expect([...open.keys()].filter((k) => k.startsWith('http://slow.test'))).toHaveLength(2);
    for (const release of [...open.values()]) release();
    expect(await first).toBe(8);
    clock = new Date(clock.getTime() + 1_000);
    const second = loop.tick();
    await new Promise((r) => setTimeout(r, 200));
    for (const release of [...open.values()]) release();
    await second;
    clock = new Date(clock.getTime() + 1_000);
    const third = loop.tick();
    await new Promise((r) => setTimeout(r, 200));
    for (const release of [...open.values()]) release();
    await third;
    expect(most).toBe(8);
    const slow = await store.listDeliveries('slow', 10);
    expect(slow.map((d) => [d.status, d.attempts])).toEqual(Array(5).fill(['delivered', 1]));
    for (let i = 0; i < 10; i++) expect((await store.listDeliveries(`s${i}`, 1))[0].status).toBe('delivered');
  } finally {
    await loop.stop();
    await store.close();
  }
});
