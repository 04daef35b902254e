import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readyPort } from '../cluster/servePrimary';

/**
 * The HTTP section of `npm run bench`: POST /applications of a realistic service against the real runtime (a child
 * process on the embedded store), beside a bare express echo measured the same way, both on loopback with 50
 * concurrent keep-alive connections. The load generator is this process; the servers are others, so they do not
 * share an event loop with it.
 */

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const ECHO = `
const express = require('express');
const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/echo', (req, res) => res.status(201).json(req.body));
const s = app.listen(0, '127.0.0.1', () => console.log('PORT ' + s.address().port));
`;

function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      // The echo's line, or the runtime's "serving on" (not a store URL's port in an earlier log line) once all its
      // processes listen.
      const port = Number(/PORT (\d+)/.exec(out)?.[1] ?? readyPort(out));
      if (port) ok({ child, port });
    });
    child.on('exit', (code) => fail(new Error(`child exited with ${code}: ${out}`)));
  });
}

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body: string | null,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(body ? { 'content-length': Buffer.byteLength(body) } : {}),
          ...headers,
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

/**
 * How long a server is loaded before it is measured. The runtime reaches its steady pace 3–4 s into the load at 50
 * connections with two processes (V8 optimises the request path as requests come, and each process sees half of
 * them): measured in half-seconds, the first seconds ran at half the pace with a p99 of 60–100 ms, which then made
 * the figure. The echo is warmed up as long.
 */
const WARM_UP_MS = 5000;

/** `connections` loops sending one request after another for `seconds` (after a warm-up); latencies in ms. */
export async function load(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
  connections = 50,
  seconds = 8,
  expected = 201,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const run = async (until: number, latencies: number[] | null) => {
    let errors = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          try {
            const r = await call(agent, port, 'POST', path, body, headers);
            if (r.status !== expected) errors++;
          } catch {
            errors++;
          }
          latencies?.push(performance.now() - t);
        }
      }),
    );
    return errors;
  };
  await run(performance.now() + WARM_UP_MS, null);
  const latencies: number[] = [];
  const t0 = performance.now();
  const errors = await run(t0 + seconds * 1000, latencies);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: q(0.5),
    p99: q(0.99),
    errors,
  };
}

/** Stops a child and waits until it has gone (a runtime closes its store first, so its database can then be
 * dropped). */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

/** The request the section loads: a realistic application of cadastral-passport-duplicate. */
export const APPLICATION_REQUEST = JSON.stringify({
  serviceId: 'cadastral-passport-duplicate',
  channel: 'portal',
  data: {
    applicant: { kind: 'individual', iin: '900101300017', fullName: 'Сейітова Айгүл' },
    object: { cadastralNumber: '20-321-001-123', kind: 'apartment' },
    request: { signedWith: 'eds' },
    payment: { viaGateway: true },
    consentToPersonalData: true,
  },
});

/**
 * Loads POST /applications on a runtime process whose store is chosen by `storeEnv` (QYZMET_DATA for the embedded
 * store, MONGODB_URL for MongoDB), as the demo applicant; the runtime is stopped before this returns.
 *
 * @example
 * await loadCreateApplications(repoRoot, { MONGODB_URL: 'mongodb://127.0.0.1:27017/qyzmet_bench' });
 */
export async function loadCreateApplications(repoRoot: string, storeEnv: NodeJS.ProcessEnv): Promise<LoadResult> {
  const runtime = await startChild(
    [join(repoRoot, 'runtime/bin/qyzmet.js'), 'serve'],
    // An empty MONGODB_URL means the embedded store, whatever this process's environment says. One applicant sends
    // everything, so the per-user submission limit is lifted (it still counts each request, as in production).
    { PORT: '0', MONGODB_URL: '', QYZMET_SUBMIT_RATE: '1000000000', ...storeEnv },
    repoRoot,
  );
  try {
    const agent = new Agent({ keepAlive: true });
    const login = await call(
      agent,
      runtime.port,
      'POST',
      '/api/v1/auth/login',
      JSON.stringify({ username: 'applicant', password: 'demo' }),
    );
    const token = (JSON.parse(login.body) as { token: string }).token;
    agent.destroy();
    return await load(runtime.port, '/api/v1/applications', APPLICATION_REQUEST, {
      authorization: `Bearer ${token}`,
    });
  } finally {
    await stopChild(runtime.child);
  }
}

/** A fresh embedded store in a temporary folder, removed afterwards. */
export async function loadCreateApplicationsOnSqlite(repoRoot: string): Promise<LoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-bench-http-'));
  try {
    return await loadCreateApplications(repoRoot, { QYZMET_DATA: dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function httpBench(repoRoot: string): Promise<{ echo: LoadResult; create: LoadResult }> {
  const nodeModules = resolve(repoRoot, 'node_modules');
  const echo = await startChild(['-e', ECHO], { NODE_PATH: nodeModules }, repoRoot);
  let echoResult: LoadResult;
  try {
    echoResult = await load(echo.port, '/echo', APPLICATION_REQUEST, {});
  } finally {
    await stopChild(echo.child);
  }
  return { echo: echoResult, create: await loadCreateApplicationsOnSqlite(repoRoot) };
}
