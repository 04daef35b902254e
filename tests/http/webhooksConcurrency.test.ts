import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../runtime/src/server';
import { call, login } from './runtimeProcess';
import { DUE_AT, definitionsWithTimerService, TIMER_SERVICE_DATA, TIMER_SERVICE_ID } from './timerFixture';

// Deliveries have their own loop, several at once and at most two per target: a receiver that never answers holds
// neither a due step timer nor the deliveries to a healthy receiver.

async function until(what: string, done: () => Promise<boolean> | boolean, ms = 40_000): Promise<void> {
  for (const end = Date.now() + ms; !(await done());) {
    if (Date.now() > end) throw new Error(`still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a receiver that never answers delays neither a due timer nor another receiver', async () => {
  // The dead receiver takes each request and never answers; it counts how many it holds at once.
  const held: ServerResponse[] = [];
  let mostHeldAtOnce = 0;
  const dead = createServer((req, res) => {
    req.resume();
    held.push(res);
    res.on('close', () => held.splice(held.indexOf(res), 1));
    mostHeldAtOnce = Math.max(mostHeldAtOnce, held.length);
  });
  const healthyGot: string[] = [];
  const healthy = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      healthyGot.push(JSON.parse(body).event);
      res.writeHead(204).end();
    });
  });
  for (const s of [dead, healthy]) await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const urlOf = (s: typeof dead) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`;

  let clock = new Date('2026-03-03T10:00:00+05:00');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-hooks-')),
    definitionsRoot: definitionsWithTimerService(),
    demo: true,
    now: () => clock,
    // Both loops run on their own, as in production; the dead receiver's requests stay open for the whole test.
    schedulerIntervalMs: 100,
    webhookAllow: '127.0.0.1',
    webhookTimeoutMs: 120_000,
  });
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const admin = await login(base, 'admin');
    const secret = 'a-secret-of-32-characters-long!!';
    for (const s of [dead, healthy])
      expect(
        (
          await call(base, 'POST', '/api/v1/admin/webhooks', admin, {
            url: urlOf(s),
            secret,
            serviceId: TIMER_SERVICE_ID,
          })
        ).status,
      ).toBe(201);
    const applicant = await login(base, 'applicant');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await call(base, 'POST', '/api/v1/applications', applicant, {
        serviceId: TIMER_SERVICE_ID,
        data: TIMER_SERVICE_DATA,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }

    // The healthy receiver gets all five while the dead one holds two requests, never more. A delivery whose target
    // already has two in flight is put back for a second: the pinned clock moves on a little while we wait.
    await until('the healthy receiver gets five', () => {
      clock = new Date(clock.getTime() + 1_000);
      return healthyGot.length >= 5;
    });
    await until('the dead receiver holds two', () => held.length === 2);
    expect(healthyGot).toEqual(Array(5).fill('application.created'));

    // The timers become due: each application is refused by its timer while the dead receiver still holds its two.
    clock = new Date(Date.parse(DUE_AT) + 60_000);
    const owner = await login(base, 'applicant');
    await until('every timer fired', async () => {
      for (const id of ids) {
        const app = await call(base, 'GET', `/api/v1/applications/${id}`, owner);
        if (app.body.state !== 'refused') return false;
      }
      return true;
    });
    expect(held).toHaveLength(2);
    // The status changes reach the healthy receiver too.
    await until('the healthy receiver gets the refusals', () => {
      clock = new Date(clock.getTime() + 1_000);
      return healthyGot.length >= 10;
    });
    expect(healthyGot.slice(5)).toEqual(Array(5).fill('application.status-changed'));
    expect(mostHeldAtOnce).toBe(2);
  } finally {
    await server.close();
    dead.closeAllConnections();
    dead.close();
    healthy.close();
  }
}, 120_000);
