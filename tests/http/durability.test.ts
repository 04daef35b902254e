import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signature } from '../../runtime/src/webhooks/webhooks.service';
import { startServer, type RunningServer } from '../../runtime/src/server';
import { call as json, killMidWrites, login, startRuntimeProcess } from './runtimeProcess';
import { definitionsWithTimerService } from './timerFixture';
import { apartment } from '../definitions/order999';

// What must survive: acknowledged applications through a kill -9, timers through a restart, webhooks through a
// failing receiver, and a version published through the admin API through a restart.
const repo = resolve(__dirname, '../..');

describe('timers fire after a restart', () => {
  test('an application left without a decision is refused by its timer when the runtime comes back', async () => {
    const definitionsRoot = definitionsWithTimerService();
    const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-data-'));
    let clock = new Date('2026-03-03T10:00:00+05:00');
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      definitionsRoot,
      demo: true,
      now: () => clock,
      schedulerIntervalMs: 3_600_000,
    };
    let server: RunningServer = await startServer(options);
    let base = `http://127.0.0.1:${server.port}`;
    const applicant = await login(base, 'applicant');
    const created = await json(base, 'POST', '/api/v1/applications', applicant, {
      serviceId: 'timer-fixture',
      data: { applicant: { iin: '900101300017', fullName: 'Әлиева Сәуле' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('received');
    await server.close();

    // Two working days after Tuesday 3 March: Thursday 5 March, 18:30. The runtime is down past that.
    clock = new Date('2026-03-06T09:00:00+05:00');
    server = await startServer(options);
    base = `http://127.0.0.1:${server.port}`;
    const { fired } = await server.scheduler.tick();
    expect(fired).toBeGreaterThanOrEqual(1);
    const after = await json(base, 'GET', `/api/v1/applications/${created.body.id}`, await login(base, 'applicant'));
    expect(after.body).toMatchObject({ state: 'refused', status: 'refused' });
    expect(after.body.history.at(-1)).toMatchObject({
      event: 'timer:no-decision',
      actor: 'system',
      at: '2026-03-05T18:30:00+05:00',
    });
    // Fired once: a second tick finds nothing due.
    expect((await server.scheduler.tick()).fired).toBe(0);
    await server.close();
  }, 60_000);
});

describe('webhooks', () => {
  test('a signed delivery of each status change; a failing receiver is retried with backoff', async () => {
    const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
    let answer = 500;
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    let clock = new Date('2026-03-03T10:00:00+05:00');
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-hook-')),
      definitionsRoot: join(repo, 'definitions'),
      demo: true,
      now: () => clock,
      schedulerIntervalMs: 3_600_000,
      webhookAllow: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const admin = await login(base, 'admin');
      const secret = 'a-secret-of-32-characters-long!!';
      const sub = await json(base, 'POST', '/api/v1/admin/webhooks', admin, {
        url,
        secret,
        serviceId: 'cadastral-passport-duplicate',
      });
      expect(sub.status).toBe(201);
      expect(sub.body.secret).toBeUndefined();
      await json(base, 'POST', '/api/v1/applications', await login(base, 'applicant'), {
        serviceId: 'cadastral-passport-duplicate',
        data: apartment,
      });

      await server.deliveries.tick();
      expect(received).toHaveLength(1);
      const first = received[0];
      expect(first.headers['x-qyzmet-signature']).toBe(signature(secret, first.body));
      expect(JSON.parse(first.body)).toMatchObject({
        event: 'application.created',
        serviceId: 'cadastral-passport-duplicate',
        status: 'in-progress',
      });
      let log = (await json(base, 'GET', `/api/v1/admin/webhooks/${sub.body.id}/deliveries`, admin)).body.items;
      expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });

      // Not due again before the backoff: nothing is sent.
      await server.deliveries.tick();
      expect(received).toHaveLength(1);
      clock = new Date(clock.getTime() + 31_000);
      answer = 204;
      await server.deliveries.tick();
      expect(received).toHaveLength(2);
      log = (await json(base, 'GET', `/api/v1/admin/webhooks/${sub.body.id}/deliveries`, admin)).body.items;
      expect(log[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 204 });
    } finally {
      await server.close();
      receiver.close();
    }
  }, 60_000);
});

describe('publishing a new version through the admin API', () => {
  test('an analyst drafts a longer term, sees the scenarios it changes, publishes it 10 days after publication; it survives a restart', async () => {
    let clock = new Date('2026-03-03T10:00:00+05:00');
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-pub-')),
      definitionsRoot: join(repo, 'definitions'),
      demo: true,
      now: () => clock,
      schedulerIntervalMs: 3_600_000,
    };
    let server = await startServer(options);
    let base = `http://127.0.0.1:${server.port}`;
    const analyst = await login(base, 'analyst');
    // The amending order is registered first (a made-up test act), and every change cites its item.
    const act = 'test-order-1-2026';
    expect(
      (
        await json(base, 'POST', '/api/v1/admin/acts', analyst, {
          id: act,
          type: 'order',
          title: { kk: 'Сынақ бұйрығы', ru: 'Тестовый приказ' },
          number: '1',
          status: 'in-force',
          note: 'Made up for the durability test; not a real act.',
        })
      ).status,
    ).toBe(201);
    const draft = await json(base, 'POST', '/api/v1/admin/definitions/cadastral-passport-duplicate/drafts', analyst, {
      note: 'amending order: housing objects on the 2nd working day',
      legalRef: { act, paragraph: '1' },
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      rev: 1,
      baseVersion: '2026-order-65',
      definition: { basedOn: '2026-order-65' },
    });
    const version = draft.body.materialised;
    version.id = '2026-amendment-test';
    version.deadlines[0].cases[0].duration = '2 workingDays';
    const saved = await json(
      base,
      'PUT',
      `/api/v1/admin/definitions/cadastral-passport-duplicate/drafts/${draft.body.id}`,
      analyst,
      { version, rev: 1 },
    );
    expect(saved.status).toBe(200);
    // Stored as the amendment it is: one cited change, not a copy of the version.
    expect(saved.body.definition.changes).toEqual([
      {
        op: 'replace',
        path: '/deadlines/0',
        value: expect.objectContaining({ id: 'service' }),
        legalRef: { act, paragraph: '1' },
      },
    ]);

    const check = await json(
      base,
      'POST',
      `/api/v1/admin/definitions/cadastral-passport-duplicate/drafts/${draft.body.id}/check`,
      analyst,
    );
    expect(check.body.problems).toEqual([]);
    expect(check.body.diff).toContainEqual(
      expect.objectContaining({
        pointer: '/deadlines/0/cases/0/duration',
        kind: 'changed',
        before: '1 workingDays',
        after: '2 workingDays',
      }),
    );
    const changed = check.body.impact.filter((i: { changed: boolean }) => i.changed);
    expect(changed.length).toBeGreaterThan(0);
    expect(
      changed.every(
        (i: { before: { due: string }; after: { due: string } }) => Date.parse(i.after.due) > Date.parse(i.before.due),
      ),
    ).toBe(true);

    const publish = () =>
      json(
        base,
        'POST',
        `/api/v1/admin/definitions/cadastral-passport-duplicate/drafts/${draft.body.id}/publish`,
        analyst,
        { publishedOn: '2026-03-04' },
      );
    // Four eyes: not before a second analyst approves this revision.
    expect((await publish()).status).toBe(409);
    const approved = await json(
      base,
      'POST',
      `/api/v1/admin/definitions/cadastral-passport-duplicate/drafts/${draft.body.id}/approve`,
      await login(base, 'reviewer'),
      { rev: 2 },
    );
    expect(approved.status).toBe(200);
    // The scenarios that now end later block publication until the analyst accepts the new outcome as expected.
    const blocked = await publish();
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('draft.scenariosFail');
    let rev = 2;
    for (const { file } of blocked.body.scenarios as Array<{ file: string }>) {
      const accepted = await json(
        base,
        'POST',
        `/api/v1/admin/definitions/cadastral-passport-duplicate/drafts/${draft.body.id}/scenarios/accept`,
        analyst,
        { file, rev },
      );
      expect(accepted.status).toBe(200);
      rev = accepted.body.rev;
    }
    // Accepting made new revisions: the approval of revision 2 does not publish revision 5.
    expect((await publish()).body.code).toBe('draft.notApproved');
    await json(
      base,
      'POST',
      `/api/v1/admin/definitions/cadastral-passport-duplicate/drafts/${draft.body.id}/approve`,
      await login(base, 'reviewer'),
      { rev },
    );
    const published = await publish();
    expect(published.body).toEqual({ version: '2026-amendment-test', effectiveFrom: '2026-03-15', rev: 5 });
    expect(
      (await json(base, 'GET', '/api/v1/services/cadastral-passport-duplicate?at=2026-03-14')).body.version.id,
    ).toBe('2026-order-65');
    expect(
      (await json(base, 'GET', '/api/v1/services/cadastral-passport-duplicate?at=2026-03-16')).body.version.id,
    ).toBe('2026-amendment-test');
    await server.close();

    server = await startServer(options);
    base = `http://127.0.0.1:${server.port}`;
    clock = new Date('2026-03-17T10:00:00+05:00');
    const app = await json(base, 'POST', '/api/v1/applications', await login(base, 'applicant'), {
      serviceId: 'cadastral-passport-duplicate',
      data: apartment,
    });
    expect(app.body.version).toBe('2026-amendment-test');
    expect(app.body.deadlines).toContainEqual(
      expect.objectContaining({ id: 'service', dueAt: '2026-03-19T18:30:00+05:00' }),
    );
    const audit = await json(
      base,
      'GET',
      '/api/v1/admin/audit?subject=definition:cadastral-passport-duplicate',
      await login(base, 'admin'),
    );
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'definition.draft.create',
        'definition.draft.update',
        'definition.draft.approve',
        'definition.publish',
      ]),
    );
    await server.close();
  }, 60_000);
});

describe('kill -9 during writes', () => {
  // One runtime process, and a cluster of two on one file (npm start on two cores), all killed at once.
  test.each(['1', '2'])(
    'QYZMET_WORKERS=%s: every acknowledged (201) application is there after kill -9 mid-stream',
    async (workers) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-kill-'));
      let child = await startRuntimeProcess({ QYZMET_DATA: dataDir, QYZMET_WORKERS: workers });
      // Four writers in parallel; the process is killed while they are still writing.
      const acknowledged = await killMidWrites(child, await login(child.base, 'applicant'));
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);

      child = await startRuntimeProcess({ QYZMET_DATA: dataDir, QYZMET_WORKERS: workers });
      try {
        const again = await login(child.base, 'applicant');
        for (const id of acknowledged)
          expect((await json(child.base, 'GET', `/api/v1/applications/${id}`, again)).status).toBe(200);
      } finally {
        await child.kill9();
      }
    },
    90_000,
  );
});

describe('a calendar change re-computes open applications', () => {
  test('a day off declared after registration moves the due date, and the audit trail says why', async () => {
    const definitionsRoot = definitionsWithTimerService();
    const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-cal-'));
    const clock = new Date('2026-03-03T10:00:00+05:00');
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      definitionsRoot,
      demo: true,
      now: () => clock,
      schedulerIntervalMs: 3_600_000,
    };
    let server = await startServer(options);
    let base = `http://127.0.0.1:${server.port}`;
    const created = await json(base, 'POST', '/api/v1/applications', await login(base, 'applicant'), {
      serviceId: 'cadastral-passport-duplicate',
      data: apartment,
    });
    // An apartment registered on Tuesday 3 March: due on Wednesday 4 March at 18:30 (seed 003 line 517).
    expect(created.body.deadlines).toContainEqual(
      expect.objectContaining({ id: 'service', dueAt: '2026-03-04T18:30:00+05:00' }),
    );
    await server.close();

    // A government act declares Wednesday 4 March a day off.
    const file = join(definitionsRoot, 'calendars/kz.calendar.json');
    const calendar = JSON.parse(readFileSync(file, 'utf8'));
    const source = Object.keys(calendar.sources)[0];
    calendar.extraDaysOff = [
      ...(calendar.extraDaysOff ?? []),
      { date: '2026-03-04', source, reason: { kk: 'Сынақ', ru: 'Тест', en: 'Test day off' } },
    ];
    writeFileSync(file, JSON.stringify(calendar, null, 2));

    server = await startServer(options);
    base = `http://127.0.0.1:${server.port}`;
    const after = await json(base, 'GET', `/api/v1/applications/${created.body.id}`, await login(base, 'applicant'));
    expect(after.body.deadlines).toContainEqual(
      expect.objectContaining({ id: 'service', dueAt: '2026-03-05T18:30:00+05:00' }),
    );
    const audit = await json(
      base,
      'GET',
      `/api/v1/admin/audit?subject=application:${created.body.id}`,
      await login(base, 'admin'),
    );
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'deadline.recomputed',
        details: expect.objectContaining({
          deadline: 'service',
          from: '2026-03-04T18:30:00+05:00',
          to: '2026-03-05T18:30:00+05:00',
          reason: expect.stringMatching(/working calendar changed/),
        }),
      }),
    );
    // Closed applications are left alone, and a second start with the same calendar changes nothing.
    await server.close();
    server = await startServer(options);
    const audit2 = await json(
      `http://127.0.0.1:${server.port}`,
      'GET',
      `/api/v1/admin/audit?subject=application:${created.body.id}`,
      await login(`http://127.0.0.1:${server.port}`, 'admin'),
    );
    expect(audit2.body.items.filter((e: { action: string }) => e.action === 'deadline.recomputed')).toHaveLength(1);
    await server.close();
  }, 60_000);
});
