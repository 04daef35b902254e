import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/**
 * Copies the write-ahead log into the database file from a worker thread with its own connection, so that no
 * request's commit does it. SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages: a busy
 * runtime then stalls one group commit in every few dozen for tens of milliseconds (measured: batch p99 18 ms, max
 * 80 ms; without it 10 and 16). PASSIVE never waits for a lock and never blocks a writer; with synchronous = FULL or
 * NORMAL the database file is synced before the log is reused, so durability is as before. Should the thread fail,
 * the connection checkpoints by itself again.
 *
 * PASSIVE alone lets the log grow without end under writes that never pause: it copies the log as far as it stood
 * when it began, a commit meanwhile adds to it, and the log is written over from its start only by the first writer
 * after a copy of all of it (measured: 473 MB of log after 13 s of the bench's load). So once the log holds
 * `restartFrames` pages, a RESTART follows the PASSIVE: it takes the write lock just long enough to copy what the
 * PASSIVE left (a few pages) and waits, briefly, for readers to leave the log, so the next commit starts it over.
 * Writers meanwhile find the lock held and wait as they do for another process's commit.
 */

/** The worker's whole program: a script, so that it runs the same from the TypeScript sources (jest) and dist. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => {
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log < workerData.restartFrames) return;
    db.pragma('busy_timeout = 100');
    try {
      db.pragma('wal_checkpoint(RESTART)');
    } finally {
      db.pragma('busy_timeout = 0');
    }
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

/** Pages of log (4 KiB each: 16 MiB, about one segment of SQLite's index of the log) from which it is started over. */
const RESTART_FRAMES = 4096;

export class BackgroundCheckpoints {
  private worker?: Worker;
  private stopped?: Promise<void>;

  constructor(
    private readonly db: Database.Database,
    private readonly intervalMs = 200,
    private readonly restartFrames = RESTART_FRAMES,
  ) {}

  get running(): boolean {
    return this.worker !== undefined;
  }

  start(): void {
    if (this.worker || this.stopped) return;
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file: this.db.name,
        intervalMs: this.intervalMs,
        restartFrames: this.restartFrames,
      },
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
