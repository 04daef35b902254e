import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../../runtime/src/server';
import { parseAllowlist, refusedDestination } from '../../runtime/src/webhooks/destinations';
import { sender } from '../../runtime/src/webhooks/send';
import { apartment } from '../definitions/order999';
import { call, login } from './runtimeProcess';

// Admin-set webhook destinations: loopback, private, link-local and unspecified addresses are refused unless the
// operator lists them, on the resolved addresses, at creation (a located 422) and on each delivery's connection;
// redirects are never followed.

const repo = resolve(__dirname, '../..');
const noAllow = parseAllowlist('');
/** A resolver for the names these tests use: no DNS server needed. */
const fakeDns = async (host: string) => {
  const table: Record<string, string[]> = {
    'rebind.test': ['203.0.113.7', '10.0.0.7'],
    'public.test': ['203.0.113.8', '2001:db8::8'],
    'inside.test': ['fd00::1'],
  };
  if (!table[host]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return table[host];
};

async function receiver(answer: (req: IncomingMessage) => { status: number; headers?: Record<string, string> }) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push(req.url ?? '');
      const { status, headers } = answer(req);
      res.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, hits, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('which destinations are refused', () => {
  test.each([
    'http://127.0.0.1:8080/hook',
    'http://127.9.9.9/',
    'http://localhost.localdomain.invalid/', // does not resolve
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:10.1.2.3]/hook',
    'http://[::]/',
    'http://0.0.0.0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/',
    'http://[fd12:3456::1]/',
    'http://rebind.test/', // one of its addresses is private
    'http://inside.test/',
    'ftp://203.0.113.1/',
    'http://user:pass@203.0.113.1/',
    'not a url',
  ])('%s is refused without an allowlist', async (url) => {
    expect(await refusedDestination(url, noAllow, fakeDns)).toEqual(expect.any(String));
  });

  test.each(['http://203.0.113.1/hook', 'https://public.test/hook', 'http://[2001:db8::1]:8443/'])(
    '%s (public) is allowed',
    async (url) => {
      expect(await refusedDestination(url, noAllow, fakeDns)).toBeNull();
    },
  );

  test('the operator lists hosts, addresses and networks (IPv4 and IPv6)', async () => {
    const allow = parseAllowlist(' Inside.Test, 127.0.0.1 ,10.1.0.0/16, [fd12::]/16 ');
    expect(await refusedDestination('http://127.0.0.1:9/', allow, fakeDns)).toBeNull();
    expect(await refusedDestination('http://127.0.0.2:9/', allow, fakeDns)).toMatch(/QYZMET_WEBHOOK_ALLOW/);
    expect(await refusedDestination('http://10.1.200.3/', allow, fakeDns)).toBeNull();
    expect(await refusedDestination('http://[::ffff:10.1.0.9]/', allow, fakeDns)).toBeNull();
    expect(await refusedDestination('http://10.2.0.1/', allow, fakeDns)).not.toBeNull();
    expect(await refusedDestination('http://[fd12:3456::1]/', allow, fakeDns)).toBeNull();
    expect(await refusedDestination('http://inside.test/', allow, fakeDns)).toBeNull();
  });

  test.each(['10.0.0.0/33', 'fd00::/129', 'host name', '10.0.0.0/8/1', 'nothing/8'])(
    'a malformed allowlist entry (%s) is refused at start',
    (entry) => {
      expect(() => parseAllowlist(`127.0.0.1,${entry}`)).toThrow(/QYZMET_WEBHOOK_ALLOW/);
    },
  );
});

describe('delivery checks the address it connects to, and follows no redirect', () => {
  test('a name resolving to loopback is refused on the connection itself (DNS rebinding), unless listed', async () => {
    const target = await receiver(() => ({ status: 204 }));
    const port = (target.server.address() as AddressInfo).port;
    try {
      const stop = new AbortController().signal;
      const refused = await sender(noAllow, 2_000)(`http://localhost:${port}/a`, {}, '{}', stop);
      expect(refused).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/refused destination/) });
      const literal = await sender(noAllow, 2_000)(`http://127.0.0.1:${port}/b`, {}, '{}', stop);
      expect(literal).toMatchObject({ ok: false, error: expect.stringMatching(/refused destination/) });
      expect(target.hits).toEqual([]);
      expect(await sender(parseAllowlist('localhost'), 2_000)(`http://localhost:${port}/c`, {}, '{}', stop)).toEqual({
        ok: true,
        status: 204,
      });
      expect(target.hits).toEqual(['/c']);
    } finally {
      target.server.close();
    }
  });

  test('creating a subscription to loopback is a located 422; a 3xx answer is a failure and is not followed', async () => {
    const elsewhere = await receiver(() => ({ status: 204 }));
    const redirecting = await receiver(() => ({ status: 302, headers: { location: `${elsewhere.url}/stolen` } }));
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-dest-')),
      definitionsRoot: join(repo, 'definitions'),
      demo: true,
      schedulerIntervalMs: 3_600_000,
    };
    let server: RunningServer = await startServer({ ...options, webhookAllow: '' });
    try {
      let base = `http://127.0.0.1:${server.port}`;
      const body = { url: `${redirecting.url}/hook`, secret: 'a-secret-of-32-characters-long!!' };
      const refused = await call(base, 'POST', '/api/v1/admin/webhooks', await login(base, 'admin'), body);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'webhook.destinationRefused',
        errors: [expect.objectContaining({ pointer: '/url', code: 'destination' })],
      });
      await server.close();

      server = await startServer({ ...options, webhookAllow: '127.0.0.1' });
      base = `http://127.0.0.1:${server.port}`;
      const admin = await login(base, 'admin');
      const sub = await call(base, 'POST', '/api/v1/admin/webhooks', admin, body);
      expect(sub.status).toBe(201);
      await call(base, 'POST', '/api/v1/applications', await login(base, 'applicant'), {
        serviceId: 'cadastral-passport-duplicate',
        data: apartment,
      });
      expect(await server.deliveries.tick()).toBe(1);
      expect(redirecting.hits).toEqual(['/hook']);
      expect(elsewhere.hits).toEqual([]);
      const log = (await call(base, 'GET', `/api/v1/admin/webhooks/${sub.body.id}/deliveries`, admin)).body.items;
      expect(log[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatus: 302,
        lastError: expect.stringMatching(/redirect to .*\/stolen; redirects are not followed/),
      });
    } finally {
      await server.close();
      redirecting.server.close();
      elsewhere.server.close();
    }
  }, 60_000);
});
