import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { assembleDefinition, compileService, type Act, type CompiledService, type WorkingTime } from '@qyzmet/engine';
import { findDefinitionsRoot, loadRepository } from '../registry/loadRepository';
import { loadScenarios } from '../registry/loadScenarios';
import { workersFromEnv } from '../cluster/servePrimary';
import { calendarBench } from './calendar.bench';
import { engineBench, type EngineBenchResult } from './engine.bench';
import { httpBench } from './http.bench';
import { pdfBench } from './pdf.bench';
import { coldStartBench } from './startup.bench';
import { uiBench } from './ui.bench';
import { storeBench, storeRows, type StoreBenchResult } from './store.bench';
import { inboxBench } from '../store/sqlite/inbox.bench';

/**
 * `npm run bench`: the calendar and engine figures on this machine, printed as a table and written to
 * bench-results/latest.json beside the definitions folder. Calendar and engine run in this process on one core;
 * the HTTP section loads two server processes on loopback; the inbox section fills a store with
 * QYZMET_BENCH_INBOX_ROWS applications (default 1,000,000, about a minute). QYZMET_BENCH_HTTP=0 skips HTTP. The store
 * section loads POST /applications on SQLite and on MongoDB and times the inbox on QYZMET_BENCH_MONGO_ROWS
 * applications in MongoDB (default 100,000; 0 leaves it out); QYZMET_BENCH_STORE=0 skips the section.
 */

const SERVICE = 'cadastral-passport-duplicate';
const SCHEDULE = 'provider-default';

/** File texts read once, as the admin UI holds them in memory while an analyst edits: the re-run figure then
 * measures assembling and compiling, not the disk. */
function memoryReader() {
  const cache = new Map<string, string | undefined>();
  return (p: string): string | undefined => {
    const abs = resolve(p);
    if (!cache.has(abs)) {
      let text: string | undefined;
      try {
        text = readFileSync(abs, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(abs, text);
    }
    return cache.get(abs);
  };
}

/** The acts are taken from the compiled service (shared acts merged with its own), so the figure does not depend on
 * where the registry keeps shared acts. */
function recompiler(
  root: string,
  workingTime: (id: string) => WorkingTime | undefined,
  compiled: CompiledService,
): () => CompiledService {
  const read = memoryReader();
  const sharedActs: Record<string, Act> = compiled.acts;
  const serviceId = compiled.id;
  const entry = join(root, 'services', serviceId, 'service.json');
  return () => {
    const { definition, problems } = assembleDefinition(entry, read);
    if (!definition) throw new Error(`${serviceId}: ${problems.map((p) => p.message).join('; ')}`);
    const { service, problems: compileProblems } = compileService(definition, {
      sharedActs,
      workingTime,
      readText: read,
    });
    if (!service) throw new Error(`${serviceId} does not compile: ${compileProblems.map((p) => p.message).join('; ')}`);
    return service;
  };
}

/** One line of the report: the engine section's shape serves every section. */
type Row = EngineBenchResult;

function printTable(rows: Row[]): void {
  // A skipped figure has no value (NaN); its note says why.
  const fmt = (r: Row) => (Number.isNaN(r.value) ? '—' : r.value.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  const w0 = Math.max(...rows.map((r) => r.name.length));
  const w1 = Math.max(...rows.map((r) => fmt(r).length));
  const w2 = Math.max(...rows.map((r) => r.unit.length));
  for (const r of rows) {
    const target = r.target ? `  target ${r.target}${r.met === undefined ? '' : r.met ? ' ✓' : ' ✗'}` : '';
    console.log(
      `${r.name.padEnd(w0)}  ${fmt(r).padStart(w1)} ${r.unit.padEnd(w2)}${target}${r.note ? `  (${r.note})` : ''}`,
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const root = findDefinitionsRoot();
  const repo = loadRepository(root, [SERVICE]);
  const rows: Row[] = [];

  const wt = repo.workingTime(SCHEDULE);
  if (wt) {
    for (const r of calendarBench(wt)) {
      const isTarget = r.name === 'calendar: addDuration 5 workingDays';
      rows.push({
        name: r.name,
        value: r.opsPerSec,
        unit: 'ops/s',
        ...(isTarget ? { target: '≥ 1,000,000/s', met: r.opsPerSec >= 1_000_000 } : {}),
        ...(r.note ? { note: r.note } : {}),
      });
    }
  } else {
    rows.push({ name: 'calendar', value: 0, unit: 'ops/s', note: `schedule "${SCHEDULE}" did not compile` });
  }

  const service = repo.services.get(SERVICE);
  if (service) {
    const { scenarios, problems } = loadScenarios(repo.serviceDir(SERVICE));
    if (problems.length)
      console.error(`${problems.length} scenario file(s) of ${SERVICE} have problems and are left out`);
    const engineRows: EngineBenchResult[] = await engineBench(
      service,
      scenarios.map((s) => s.scenario),
      recompiler(root, repo.workingTime, service),
    );
    rows.push(...engineRows);
  } else {
    rows.push({
      name: `engine: ${SERVICE}`,
      value: 0,
      unit: 'sim/s',
      note: `the service does not compile: ${repo.problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}`,
    });
  }

  rows.push(...(await pdfBench(root)));
  rows.push(...(await coldStartBench(resolve(root, '..'))));
  rows.push(...uiBench(join(dirname(root), 'admin-ui', 'dist')));

  if (process.env.QYZMET_BENCH_HTTP !== '0') {
    const { echo, create } = await httpBench(resolve(root, '..'));
    rows.push({
      name: 'http: express echo, 50 connections',
      value: Math.round(echo.rps),
      unit: 'req/s',
      note: `p99 ${echo.p99.toFixed(1)} ms, ${echo.errors} errors`,
    });
    rows.push({
      name: 'http: POST /applications, 50 connections',
      value: Math.round(create.rps),
      unit: 'req/s',
      target: '≥ 50% of the echo',
      met: create.rps >= echo.rps / 2,
      note: `${((100 * create.rps) / echo.rps).toFixed(0)}% of the echo (one process), ${workersFromEnv()} runtime processes, ${create.errors} errors`,
    });
    rows.push({
      name: 'http: POST /applications p99',
      value: Number(create.p99.toFixed(1)),
      unit: 'ms',
      target: '≤ 25 ms',
      met: create.p99 <= 25,
      note: `p50 ${create.p50.toFixed(1)} ms`,
    });
  }
  const inboxRows = Number(process.env.QYZMET_BENCH_INBOX_ROWS ?? 1_000_000);
  if (inboxRows > 0) {
    const inbox = await inboxBench(inboxRows);
    rows.push({
      name: `store: insert ${inboxRows.toLocaleString('en-US')} applications`,
      value: Math.round(inbox.insertMs / 1000),
      unit: 's',
    });
    for (const q of inbox.queries)
      rows.push({
        name: `inbox on ${inboxRows.toLocaleString('en-US')}: ${q.name}`,
        value: Number(q.p99Ms.toFixed(2)),
        unit: 'ms p99',
        target: '≤ 5 ms',
        met: q.p99Ms <= 5,
        note: `median ${q.medianMs.toFixed(2)} ms, ${q.total} matches`,
      });
  }

  let store: StoreBenchResult | undefined;
  if (process.env.QYZMET_BENCH_STORE !== '0') {
    store = await storeBench(resolve(root, '..'), Number(process.env.QYZMET_BENCH_MONGO_ROWS ?? 100_000));
    rows.push(...storeRows(store));
  }

  printTable(rows);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const outFile = join(dirname(root), 'bench-results', 'latest.json');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        seconds,
        results: rows,
        ...(store ? { store } : {}),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\n${rows.length} figures in ${seconds} s; written to ${outFile}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
