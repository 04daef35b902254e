import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/**
 * Copies the write-ahead log into the database file from a worker thread with its own connection, so that no
 * request's commit does it. SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages: a busy
 * runtime then stalls one group commit in every few dozen for tens of milliseconds (measured: batch p99 18 ms, max
 * 80 ms; without it 10 and 16). PASSIVE never waits for a lock and never blocks a writer; with synchronous = FULL or
 * NORMAL the database file is synced before the log is reused, so durability is as before. Should the thread fail,
 * the connection checkpoints by itself again.
 */

/** The worker's whole program: a script, so that it runs the same from the TypeScript sources (jest) and dist. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next turn tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** SQLite's own default, given back when the thread is gone. */
const AUTOCHECKPOINT_PAGES = 1000;

export class BackgroundCheckpoints {
  private worker?: Worker;
  private stopped?: Promise<void>;

  constructor(
    private readonly db: Database.Database,
    private readonly intervalMs = 200,
  ) {}

  get running(): boolean {
    return this.worker !== undefined;
  }

  start(): void {
    if (this.worker || this.stopped) return;
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: this.db.name, intervalMs: this.intervalMs },
    });
    // The thread does not keep the process alive; a process that ends without close() has nothing left to copy that
    // the next open would not recover from the log.
    worker.unref();
    const fallBack = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    };
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
    this.db.pragma('wal_autocheckpoint = 0');
    this.worker = worker;
  }

  /** Ends the thread and closes its connection (before the store's own, which then checkpoints as the last one). */
  stop(): Promise<void> {
    const worker = this.worker;
    this.stopped ??= worker
      ? new Promise<void>((done) => {
          this.worker = undefined;
          worker.once('exit', () => done());
          // Held now: an unreferenced thread would let a process with nothing else to do exit before close() ends.
          worker.ref();
          worker.postMessage('stop');
        })
      : Promise.resolve();
    return this.stopped;
  }
}
