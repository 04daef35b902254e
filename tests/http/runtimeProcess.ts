import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readyPort } from '../../runtime/src/cluster/servePrimary';
import { apartment } from '../definitions/order999';

/**
 * A real `qyzmet serve` process on loopback (the compiled CLI: run `npx tsc -b` first), and plain calls to a runtime
 * by its base URL, for the tests that kill, restart or multiply runtimes.
 */

const repo = resolve(__dirname, '../..');
const bin = join(repo, 'runtime/bin/qyzmet.js');

export interface RuntimeProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** What it has printed on stdout so far. */
  output(): string;
  /** kill -9 of every process of the runtime at once: no shutdown, whatever was in flight is cut. */
  kill9(): Promise<void>;
  /** SIGTERM: the runtime closes its server and store, then exits. */
  stop(): Promise<void>;
}

/**
 * Starts `qyzmet serve` with `env` over this process's environment (PORT 0 unless given: the port is read from the
 * line the runtime prints once it listens). MONGODB_URL is cleared unless given, so the store is the one asked for.
 * One runtime process unless QYZMET_WORKERS is given: the tests that multiply runtimes count them themselves. The
 * runtime gets its own process group, so kill -9 takes a cluster's workers down at the same instant as its primary.
 */
export function startRuntimeProcess(env: Record<string, string>): Promise<RuntimeProcess> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], {
    cwd: repo,
    env: { ...process.env, MONGODB_URL: '', PORT: '0', QYZMET_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
  return new Promise((ok, fail) => {
    let stdout = '';
    let listening = false;
    const onExit = (code: number | null) =>
      fail(new Error(`qyzmet serve exited (${code}) before listening: ${stderr}`));
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk);
      // A cluster is ready once each of its processes listens.
      const port = readyPort(stdout);
      if (listening || !port || child.pid === undefined) return;
      listening = true;
      child.removeListener('exit', onExit);
      const pid = child.pid;
      const signal = async (name: NodeJS.Signals, group: boolean) => {
        if (child.exitCode === null && child.signalCode === null) process.kill(group ? -pid : pid, name);
        await exited;
      };
      ok({
        base: `http://127.0.0.1:${port}`,
        pid,
        output: () => stdout,
        kill9: () => signal('SIGKILL', true),
        // The primary passes SIGTERM on to its workers and waits for them.
        stop: () => signal('SIGTERM', false),
      });
    });
  });
}

/** One JSON call to a runtime at `base` (http://host:port), as the bearer of `token` if given. */
export async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A session token of a demo user (password `demo`). */
export async function login(base: string, username: string): Promise<string> {
  return (await call(base, 'POST', '/api/v1/auth/login', undefined, { username, password: 'demo' })).body
    .token as string;
}

/**
 * Four writers submit the demo apartment application as `token` in parallel; once `atLeast` are acknowledged the
 * process is killed -9 while they are still writing. Answers the ids acknowledged (201) before it died.
 */
export async function killMidWrites(child: RuntimeProcess, token: string, atLeast = 40): Promise<string[]> {
  const acknowledged: string[] = [];
  const writer = async () => {
    for (;;) {
      try {
        const r = await call(child.base, 'POST', '/api/v1/applications', token, {
          serviceId: 'cadastral-passport-duplicate',
          data: apartment,
        });
        if (r.status === 201) acknowledged.push(r.body.id);
      } catch {
        return; // the connection died with the process
      }
    }
  };
  const writers = [writer(), writer(), writer(), writer()];
  while (acknowledged.length < atLeast) await new Promise((r) => setTimeout(r, 10));
  await child.kill9();
  await Promise.all(writers);
  return acknowledged;
}
