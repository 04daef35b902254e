import cluster, { type Worker } from 'node:cluster';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { ConfigError, positiveFromEnv } from '../config/environment';

/**
 * `qyzmet serve` on every core: this process (the primary) runs no runtime itself; it forks QYZMET_WORKERS runtimes
 * (one per core unless set) that share the listening port through node:cluster and the store (the embedded SQLite
 * file allows several processes, as MongoDB does). It loads nothing but node:cluster, so the first worker starts at
 * once.
 *
 * The first worker starts alone: it alone may run the demo seed (which writes only to an empty store, so two at once
 * would race), and it answers /health before the others have compiled. The others start once it listens. A worker
 * that dies after listening is replaced; one that dies before listening ends the primary with its exit code (a
 * setting given wrong, a store that cannot be opened: the worker has already said why on stderr). SIGINT and SIGTERM
 * are passed on; the primary exits when every worker has closed its server and store.
 */

/** What a worker tells the primary (through the cluster's IPC channel). */
export interface WorkerMessage {
  kind: 'qyzmet.listening';
  port: number;
  host: string;
}

/** Set by the primary in a worker's environment: 'first' or 'more' (see above). */
export const WORKER_ROLE_ENV = 'QYZMET_WORKER_ROLE';

/** The number of runtimes `qyzmet serve` starts: QYZMET_WORKERS, else one per core. 1 means no cluster. */
export function workersFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return positiveFromEnv(env, 'QYZMET_WORKERS', availableParallelism(), 'processes');
}

/** Whether `serve` runs as a primary: several workers, or a QYZMET_WORKERS given wrong (servePrimary says why). */
export function severalProcesses(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    return workersFromEnv(env) > 1;
  } catch {
    return true;
  }
}

/** In a worker: whether it may run the demo seed (only the first of a cluster does). */
export function mayRunStartupWork(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[WORKER_ROLE_ENV] !== 'more';
}

/** In a worker started by the primary: tells it the runtime listens (the primary prints the line tests read). */
export function reportListening(port: number, host: string): boolean {
  if (!cluster.isWorker || !process.send) return false;
  const message: WorkerMessage = { kind: 'qyzmet.listening', port, host };
  process.send(message);
  return true;
}

/**
 * The port `qyzmet serve` announces on stdout once every one of its processes listens ("serving on …; N processes",
 * then a "listening too" line for each other one), else undefined: for the tests and the bench that start it.
 */
export function readyPort(stdout: string): number | undefined {
  const m = /serving on http:\/\/localhost:(\d+)[^\n]*?(?:; (\d+) processes)?\)/.exec(stdout);
  if (!m) return undefined;
  const others = Number(m[2] ?? 1) - 1;
  return (stdout.match(/ listening too\n/g)?.length ?? 0) >= others ? Number(m[1]) : undefined;
}

const isListening = (m: unknown): m is WorkerMessage =>
  typeof m === 'object' && m !== null && (m as WorkerMessage).kind === 'qyzmet.listening';

/**
 * Port 0 (any free port, as tests ask) is resolved here once: each worker, and each replacement, must ask the cluster
 * for the same port, or one started after every listener has died would get another.
 */
async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok, fail) => probe.once('error', fail).listen(0, host, ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** How long a runtime must have lived to be replaced at once; one that died younger is replaced after this. */
const RESTART_AFTER_MS = 1000;

/** Runs the primary; resolves with the exit code once every worker has gone. */
export async function runPrimary(workers: number, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const port = env.PORT === '0' ? await freePort(env.HOST || '127.0.0.1') : undefined;
  return new Promise((done) => {
    let stopping = false;
    let listening = false;
    const alive = new Set<Worker>();
    const fork = (role: 'first' | 'more') => {
      const worker = cluster.fork({ [WORKER_ROLE_ENV]: role, ...(port === undefined ? {} : { PORT: String(port) }) });
      const startedAt = Date.now();
      alive.add(worker);
      worker.on('message', (m: unknown) => {
        if (!isListening(m)) return;
        if (listening) {
          process.stdout.write(`qyzmet: runtime process ${worker.process.pid} listening too\n`);
          return;
        }
        listening = true;
        // tests/http/runtimeProcess.ts and the bench read the port from this line.
        process.stdout.write(
          `qyzmet: serving on http://localhost:${m.port} (API /api/v1, health /health; listening on ${m.host}; ${workers} processes)\n`,
        );
        for (let i = 1; i < workers && !stopping; i++) fork('more');
      });
      worker.on('exit', (code, signal) => {
        alive.delete(worker);
        if (stopping) {
          if (alive.size === 0) done(0);
          return;
        }
        if (!listening) {
          // The first worker could not start: nothing to replace it with would do better.
          stopping = true;
          for (const w of alive) w.kill('SIGTERM');
          if (alive.size === 0) done(code ?? 1);
          return;
        }
        process.stderr.write(
          `qyzmet: a runtime process (pid ${worker.process.pid}) ended (${signal ?? `exit ${code}`}); starting another\n`,
        );
        // One that dies young (a fault at its first requests) is not replaced in a tight loop.
        setTimeout(() => stopping || fork('more'), Date.now() - startedAt < RESTART_AFTER_MS ? RESTART_AFTER_MS : 0);
      });
    };
    const stop = () => {
      if (stopping) return;
      stopping = true;
      if (alive.size === 0) done(0);
      for (const w of alive) w.process.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    fork('first');
  });
}

/** The primary's start from bin/qyzmet.js: a setting given wrong is said on stderr and ends with 1. */
export async function servePrimary(): Promise<number> {
  let workers: number;
  try {
    workers = workersFromEnv();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`qyzmet serve: ${e.message}\n`);
    return 1;
  }
  return runPrimary(workers);
}
