import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { domainError, ProblemError } from '@qyzmet/engine';
import type { DraftJob, WorkerMessage } from './checkWorker';

/**
 * Runs draft jobs (checkWorker.ts) one at a time in a worker thread with a time budget: the API's event loop stays
 * free while an analyst's draft compiles, and a draft that takes too long (or too much memory) has its worker ended
 * and is answered 422 `draft.checkTimeout` / `draft.checkFailed`; the next job starts a fresh worker.
 */

/** The budget of one job, QYZMET_DRAFT_CHECK_MS (default 10 s), read at each job so an operator's change applies. */
export function draftCheckBudgetMs(): number {
  return Number(process.env.QYZMET_DRAFT_CHECK_MS) || 10_000;
}

/** A worker's start (loading the engine) is not the draft's time; a start that never ends still is bounded. */
const START_MS = 60_000;
/** Heap of a worker: a draft that swells (an unbounded loop of automatic steps) ends its worker, not the runtime. */
const heapMb = () => Number(process.env.QYZMET_DRAFT_CHECK_HEAP_MB) || 512;

/** The compiled entry beside this module, or under jest (TypeScript sources) the one that compiles them. */
const ENTRY = join(__dirname, __filename.endsWith('.ts') ? 'checkWorker.dev.mjs' : 'checkWorker.js');

class DraftCheckWorker {
  private worker?: Worker;
  private queue: Promise<unknown> = Promise.resolve();
  private next = 0;

  /** Runs the job after those before it; its result, or the problem it raised, as if it ran here. */
  run<T>(job: DraftJob): Promise<T> {
    const result = this.queue.then(() => this.runNow(job) as Promise<T>);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private start(): Worker {
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: heapMb() } });
    // An idle worker does not keep the process alive (the HTTP server does while it serves).
    worker.unref();
    // One that ended between jobs is replaced by the next job, not written to.
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    return worker;
  }

  private runNow(job: DraftJob): Promise<unknown> {
    const worker = (this.worker ??= this.start());
    const id = ++this.next;
    const budget = draftCheckBudgetMs();
    let part = 'start';
    return new Promise((resolve, reject) => {
      let timer = setTimeout(() => stop('timeout'), START_MS + budget);
      const settle = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const stop = (why: 'timeout' | 'crash', detail = '') => {
        settle();
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        reject(
          why === 'timeout'
            ? domainError(
                'definition',
                'draft.checkTimeout',
                `the draft's ${job.kind} took longer than ${budget} ms (in "${part}") and was stopped: look for what makes it slow there (a form of thousands of fields, a pattern, a long chain of automatic steps)`,
                { params: { budgetMs: budget, part, job: job.kind } },
              )
            : domainError(
                'definition',
                'draft.checkFailed',
                `the draft's ${job.kind} stopped in "${part}" (${detail}): it needs more memory than a check is given`,
                { params: { part, job: job.kind } },
              ),
        );
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.id !== id) return;
        if ('part' in m) {
          // The budget starts when the worker starts the job (not while a fresh worker loads the engine).
          if (part === 'start') {
            clearTimeout(timer);
            timer = setTimeout(() => stop('timeout'), budget);
          }
          part = m.part;
          return;
        }
        settle();
        if ('result' in m) resolve(m.result);
        else reject(m.error.problem ? new ProblemError(m.error.problem) : new Error(m.error.message));
      };
      const onError = (e: Error) => stop('crash', e.message);
      const onExit = (code: number) => stop('crash', `exit ${code}`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, job });
    });
  }
}

/** The runtime's one draft-check worker (every server in the process shares it; jobs carry their definitions root). */
export const draftCheckWorker = new DraftCheckWorker();
