import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apartment } from '../definitions/order999';
import { call, login, startRuntimeProcess, type RuntimeProcess } from './runtimeProcess';

// `npm start` on every core: a primary forks runtimes that share the port and the embedded store (node:cluster).
// What must hold: numbers stay unique across the processes, a runtime that dies is replaced, and SIGTERM stops them
// all. An acknowledged application surviving kill -9 of them all: durability.test.ts.

/** The runtime processes a primary has forked (its child processes, from ps). */
function workersOf(primary: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary)], { encoding: 'utf8' }).trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

/** How many runtimes the primary has said listen besides the first. */
const listeningToo = (runtime: RuntimeProcess) =>
  runtime.output().match(/runtime process \d+ listening too/g)?.length ?? 0;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const submit = (base: string, token: string) =>
  call(base, 'POST', '/api/v1/applications', token, { serviceId: 'cadastral-passport-duplicate', data: apartment });

describe('serve with two runtime processes', () => {
  let runtime: RuntimeProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-cluster-'));
    runtime = await startRuntimeProcess({ QYZMET_DATA: dataDir, QYZMET_WORKERS: '2' });
  }, 90_000);
  afterAll(() => runtime?.kill9());

  test('applications submitted at once through both processes get one number each, none twice', async () => {
    const token = await login(runtime.base, 'applicant');
    const answers = await Promise.all(Array.from({ length: 60 }, () => submit(runtime.base, token)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const numbers = answers.map((a) => a.body.number as string);
    expect(new Set(numbers).size).toBe(60);
    // Each is readable from whichever process answers next.
    for (const a of answers.slice(0, 10))
      expect((await call(runtime.base, 'GET', `/api/v1/applications/${a.body.id}`, token)).body.number).toBe(
        a.body.number,
      );
  }, 90_000);

  test('a runtime killed -9 is replaced, and the service answers meanwhile', async () => {
    const [victim, other] = workersOf(runtime.pid);
    process.kill(victim, 'SIGKILL');
    await until('the killed runtime to go', () => !alive(victim));
    const token = await login(runtime.base, 'applicant');
    expect((await submit(runtime.base, token)).status).toBe(201);
    await until('a replacement', () => listeningToo(runtime) === 2);
    expect(workersOf(runtime.pid)).toContain(other);
    expect(workersOf(runtime.pid)).not.toContain(victim);
  }, 90_000);

  test('SIGTERM to the primary stops every runtime', async () => {
    const workers = workersOf(runtime.pid);
    await runtime.stop();
    await until('the runtimes to stop', () => workers.every((pid) => !alive(pid)));
    // The store was closed cleanly: the next start on it finds every application.
    runtime = await startRuntimeProcess({ QYZMET_DATA: dataDir, QYZMET_WORKERS: '2' });
    const token = await login(runtime.base, 'applicant');
    const mine = await call(runtime.base, 'GET', '/api/v1/applications?limit=100', token);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThanOrEqual(61);
  }, 90_000);
});
