import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../runtime/src/server';
import { REPO } from '../definitions/exampleCopy';

// Issue 18: the admin UI's files are compressed once at build (admin-ui/scripts/precompress.mjs) and sent as the
// browser accepts them, hashed assets cached for a year and the page revalidated. A small built UI of its own, made
// compressible, with a secret beside it that no address under /admin may reach.

const script = readFileSync(join(REPO, 'admin-ui/src/analyst/Workbench.tsx'), 'utf8');
const page = `<!doctype html><html><head><script type="module" src="/admin/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(40)}</body></html>`;

let dir: string;
let dist: string;
let server: RunningServer;
let port: number;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (fetch would decompress the body, and normalise the path): the address is sent as written. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const original = (file: string) => readFileSync(join(dist, file));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qyzmet-admin-assets-'));
  dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, 'index.html'), page);
  writeFileSync(join(dist, 'assets/index-Ab12Cd34.js'), script);
  writeFileSync(join(dist, 'assets/logo-Ef56Gh78.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
  writeFileSync(join(dist, '.vite/manifest.json'), '{"index.html":{"file":"assets/index-Ab12Cd34.js"}}');
  // What leaving the folder would reach, in every encoding.
  writeFileSync(join(dir, 'secret.txt'), 'the secret');
  writeFileSync(join(dir, 'secret.txt.br'), brotliCompressSync('the secret'));
  execFileSync(process.execPath, [join(REPO, 'admin-ui/scripts/precompress.mjs'), dist]);
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-admin-assets-data-')),
    definitionsRoot: join(REPO, 'definitions'),
    schedulerIntervalMs: 3_600_000,
    adminDir: dist,
  });
  port = server.port;
}, 90_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the build script writes a brotli and a gzip copy of each text file, none of images or of .vite', () => {
  for (const file of ['index.html', 'assets/index-Ab12Cd34.js']) {
    expect(brotliDecompressSync(original(`${file}.br`))).toEqual(original(file));
    expect(gunzipSync(original(`${file}.gz`))).toEqual(original(file));
    expect(statSync(join(dist, `${file}.br`)).size).toBeLessThan(statSync(join(dist, file)).size);
  }
  expect(existsSync(join(dist, 'assets/logo-Ef56Gh78.png.br'))).toBe(false);
  expect(existsSync(join(dist, '.vite/manifest.json.br'))).toBe(false);
});

describe('a hashed asset', () => {
  const asset = '/admin/assets/index-Ab12Cd34.js';

  test('brotli when the browser accepts it (a browser lists gzip first: br is still preferred)', async () => {
    const r = await get(asset, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['content-length']).toBe(String(statSync(join(dist, 'assets/index-Ab12Cd34.js.br')).size));
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(r.body)).toEqual(original('assets/index-Ab12Cd34.js'));
  });

  test('gzip when only gzip is accepted (br refused by q=0 too)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const r = await get(asset, { 'accept-encoding': accept });
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(gunzipSync(r.body)).toEqual(original('assets/index-Ab12Cd34.js'));
    }
  });

  test('the file itself when no encoding is accepted, with the same type, length and caching', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }]) {
      const r = await get(asset, headers);
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(r.headers['content-length']).toBe(String(original('assets/index-Ab12Cd34.js').length));
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.body).toEqual(original('assets/index-Ab12Cd34.js'));
    }
  });

  test('a file without copies (an image) is sent as it is, cached as an asset', async () => {
    const r = await get('/admin/assets/logo-Ef56Gh78.png', { 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.body).toEqual(original('assets/logo-Ef56Gh78.png'));
  });

  test('HEAD answers the compressed length without a body', async () => {
    const r = await get(asset, { 'accept-encoding': 'br' }, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-length']).toBe(String(statSync(join(dist, 'assets/index-Ab12Cd34.js.br')).size));
    expect(r.body.length).toBe(0);
  });
});

describe('the page', () => {
  test('/admin/ (the UI has one page; its routes are after #) and /admin/index.html are revalidated', async () => {
    for (const path of ['/admin/', '/admin/index.html', '/admin/?lang=ru']) {
      const r = await get(path, { 'accept-encoding': 'gzip, br', accept: 'text/html' });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe('br');
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.headers.etag).toBeTruthy();
      expect(r.headers['last-modified']).toBeTruthy();
      // The admin UI's own policy, as before.
      expect(r.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
      expect(brotliDecompressSync(r.body).toString()).toBe(page);
    }
    const plain = await get('/admin/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body.toString()).toBe(page);
  });

  test('revalidation: the same ETag answers 304 Not Modified', async () => {
    const first = await get('/admin/', { 'accept-encoding': 'br' });
    const again = await get('/admin/', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test('/admin without its slash is still redirected to /admin/', async () => {
    const r = await get('/admin', { 'accept-encoding': 'br' });
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/admin/');
  });
});

describe('what is not the UI', () => {
  test.each([
    '/admin/../secret.txt',
    '/admin/..%2fsecret.txt',
    '/admin/%2e%2e/secret.txt',
    '/admin/assets/..%2f..%2fsecret.txt',
    '/admin/..%5csecret.txt',
  ])('%s (leaving the folder) is not found, in any encoding', async (path) => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const r = await get(path, { 'accept-encoding': accept, accept: 'text/html' });
      expect(r.status).toBe(404);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString()).not.toContain('the secret');
    }
  });

  test('a missing asset, the .vite folder and a path of no file are not found', async () => {
    for (const path of ['/admin/assets/missing-00000000.js', '/admin/.vite/manifest.json', '/admin/no/such/route']) {
      const r = await get(path, { 'accept-encoding': 'br, gzip', accept: 'text/html' });
      expect(r.status).toBe(404);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
    }
  });
});
