import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineBenchResult } from './engine.bench';

/**
 * The start-up section of `npm run bench`: `qyzmet serve` as `npm start` runs it (every core, the demo seed), from
 * spawning the process to the first 200 of GET /health, which answers only once every service is compiled and the
 * store is open. A fresh data folder each time (the demo seed runs), then a restart on that folder (it does not).
 */

const TARGET_MS = 1500;

const SERVING = /serving on http:\/\/localhost:(\d+)/;

/** The port of the "serving on" line, printed once the first runtime listens. */
function announcedPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = SERVING.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`qyzmet serve exited with ${code} before serving: ${output()}`)));
  });
}

/** GET /health: the services it reports when it answers 200, else undefined. */
function health(port: number): Promise<number | undefined> {
  return new Promise((ok) => {
    get({ host: '127.0.0.1', port, path: '/health' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => ok(res.statusCode === 200 ? Number(JSON.parse(body).services) : undefined));
    }).on('error', () => ok(undefined));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}

/** One start on `dataDir`: milliseconds from spawn to the first 200 of /health, and the services it reports. */
async function startToHealth(repoRoot: string, dataDir: string): Promise<{ ms: number; services: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'runtime', 'bin', 'qyzmet.js'), 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', QYZMET_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The demo seed's log goes to stderr: kept for the error message only.
  let errors = '';
  child.stderr!.on('data', (d) => (errors += d));
  try {
    const port = await announcedPort(child, () => errors);
    for (;;) {
      const services = await health(port);
      if (services !== undefined) return { ms: performance.now() - started, services };
      await new Promise((ok) => setTimeout(ok, 5));
    }
  } finally {
    await stop(child);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median of `starts` cold starts (fresh data folder) and of the restarts that follow each on the same folder.
 * @example await coldStartBench(process.cwd()) // [{ name: 'startup: cold start to /health (…)', value: 1234, … }, …]
 */
export async function coldStartBench(repoRoot: string, starts = 5): Promise<EngineBenchResult[]> {
  const cold: number[] = [];
  const warm: number[] = [];
  const services = new Set<number>();
  for (let i = 0; i < starts; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-startup-'));
    try {
      for (const into of [cold, warm]) {
        const run = await startToHealth(repoRoot, dataDir);
        into.push(run.ms);
        services.add(run.services);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const note = (xs: number[]) =>
    `median of ${xs.length} (${xs.map((x) => Math.round(x)).join(', ')} ms); /health reported ${[...services].join(', ')} services`;
  const row = (name: string, xs: number[]): EngineBenchResult => ({
    name,
    value: Math.round(median(xs)),
    unit: 'ms',
    target: '≤ 1,500 ms',
    met: median(xs) <= TARGET_MS,
    note: note(xs),
  });
  return [
    row('startup: cold start to /health (12 services compiled)', cold),
    row('startup: restart to /health on an existing data folder', warm),
  ];
}
