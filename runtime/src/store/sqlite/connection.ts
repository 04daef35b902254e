import Database from 'better-sqlite3';
import { domainError } from '@qyzmet/engine';
import { BackgroundCheckpoints } from './backgroundCheckpoints';
import { LogSync, type FsyncFile } from './logSync';
import { migrations as allMigrations, type Migration } from './migrations';

/** Page cache per connection, in KiB (SQLite's default is 2 MiB): a million-row inbox keeps its indexes in memory. */
const CACHE_KIB = 65_536;

/** The size the write-ahead log is cut back to after a checkpoint (SQLite keeps its largest size otherwise). */
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

/** Group commits after which the store checkpoints from a worker thread (backgroundCheckpoints.ts). */
export const BACKGROUND_CHECKPOINTS_AFTER = 50;

/** How long a writer waits for another process holding the write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * SQLite's failures as the runtime's problems: a second row with the same key is a conflict (the caller can say
 * which), a write lock held past the busy timeout is named; anything else stays as it is (an internal error, logged).
 */
export function storeProblem(error: unknown): unknown {
  // Read by its code, not `instanceof Database.SqliteError`: the native addon's errors may come from another realm.
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return domainError('conflict', 'store.duplicate', `this already exists (${String(message)})`, {
      params: { sqlite: code },
    });
  if (code === 'SQLITE_BUSY')
    return domainError(
      'internal',
      'store.busy',
      `another process held the store's write lock for over ${BUSY_TIMEOUT_MS} ms; try again`,
      { params: { sqlite: code } },
    );
  return error;
}

/**
 * Applies the migrations this file has not seen yet, each with its `schema_migrations` row, in one IMMEDIATE
 * transaction (two processes opening the same old file at once: the second waits, then finds nothing to do).
 * A file that records a migration this runtime does not know was written by a newer runtime: refused rather than
 * used with a schema we cannot vouch for.
 */
export function applyMigrations(db: Database.Database, list: readonly Migration[] = allMigrations): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const run = db.transaction((): string[] => {
    const done = new Set(
      (db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: string }>).map((r) => r.id),
    );
    const known = new Set(list.map((m) => m.id));
    const unknown = [...done].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw domainError(
        'internal',
        'store.newer-schema',
        `The store file was written by a newer runtime (unknown migrations: ${unknown.join(', ')}); upgrade the runtime.`,
        { params: { unknown } },
      );
    }
    const applied: string[] = [];
    const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
    for (const m of list) {
      if (done.has(m.id)) continue;
      db.exec(m.sql);
      record.run(m.id, new Date().toISOString());
      applied.push(m.id);
    }
    return applied;
  });
  return run.immediate();
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Thrown inside a batch's first, optimistic run when one of its writes fails: the batch is then run write by write. */
const RUN_WRITE_BY_WRITE = Symbol('run the batch with a savepoint per write');

/**
 * One open SQLite file, shared by the store's aggregates: the pragmas, the migrations, and the two ways work reaches
 * the file: `write` for every write (group commit; its promise resolves once the write is on disk) and `run` for
 * reads (at once).
 */
export class SqliteConnection {
  readonly db: Database.Database;
  /** Runs its work in a savepoint when called inside a transaction (better-sqlite3 nests transactions that way). */
  private readonly inSavepoint: (work: () => unknown) => unknown;
  private readonly commitBatch: (works: Array<() => unknown>) => Outcome[];
  private pending: Array<{ work: () => unknown; resolve: (v: never) => void; reject: (e: unknown) => void }> = [];
  private flushScheduled = false;
  private readonly checkpoints: BackgroundCheckpoints;
  private commits = 0;
  /** Whether the last batch got the write lock (its transaction began). */
  private batchBegan = false;
  /** Since when (epoch ms) the pending writes have found the write lock held by another process. */
  private lockWaitSince?: number;
  private readonly logSync: LogSync;
  /** The busy timeout off and back on around a batch that only tries the lock, prepared once (flush). */
  private readonly tryLockOnly: Database.Statement;
  private readonly waitForLock: Database.Statement;

  /** `fsync` is fs.fsync unless a test needs to hold the log's sync back. */
  constructor(
    readonly file: string,
    fsync?: FsyncFile,
  ) {
    const db = new Database(file);
    this.db = db;
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    // The migrations commit with FULL: each fsyncs the log before the file is used.
    db.pragma('synchronous = FULL');
    this.logSync = new LogSync(`${file}-wal`, fsync);
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    // A log that grew under a burst is cut back to this size once it has been copied into the database.
    db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    this.checkpoints = new BackgroundCheckpoints(db);
    // Prepared here: db.pragma() would prepare each one again on every batch (1 % of a submission's CPU).
    this.tryLockOnly = db.prepare('PRAGMA busy_timeout = 0');
    this.waitForLock = db.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    applyMigrations(db);
    // From here on every write goes through the group commit, which commits with NORMAL and answers after its own
    // fsync of the log, off the main thread (logSync.ts). NORMAL alone would not do: in WAL mode it survives a killed
    // process (the commit is in the OS page cache) but fsyncs the log only at checkpoints, so a power cut or an OS
    // crash could roll back commits that were acknowledged, and Store.ts promises that an acknowledged write is
    // durable when its promise resolves (an application's registration time is a legal fact).
    db.pragma('synchronous = NORMAL');

    this.inSavepoint = db.transaction((work: () => unknown) => work());
    // Write transactions are IMMEDIATE: a deferred one that reads first and writes later can meet SQLITE_BUSY from
    // another process without the busy timeout helping; IMMEDIATE takes the write lock up front and waits for it.
    const together = db.transaction((works: Array<() => unknown>) => {
      this.batchBegan = true;
      return works.map((work): Outcome => {
        try {
          return { ok: true, value: work() };
        } catch {
          throw RUN_WRITE_BY_WRITE;
        }
      });
    });
    const writeByWrite = db.transaction((works: Array<() => unknown>) => {
      this.batchBegan = true;
      return works.map((work): Outcome => {
        try {
          return { ok: true, value: this.inSavepoint(work) };
        } catch (error) {
          return { ok: false, error };
        }
      });
    });
    // A batch first runs without a savepoint per write: a savepoint copies every page its write changes into a
    // statement journal (a temporary file), ~40 page writes per submission and a fifth of its store time. When a
    // write fails, the whole batch is rolled back and runs again with a savepoint per write, so that write alone is
    // lost. The writes only touch the store, so running them twice changes nothing else.
    this.commitBatch = (works) => {
      try {
        return together.immediate(works);
      } catch (error) {
        if (error !== RUN_WRITE_BY_WRITE) throw error;
        // The lock was let go with the rollback: a BUSY now means the batch waits for a later turn (flush).
        this.batchBegan = false;
        return writeByWrite.immediate(works);
      }
    };
  }

  /**
   * Group commit: the writes that arrive within one turn of the event loop share one transaction, so one fsync
   * serves many concurrent requests. One failing write rolls back alone (see commitBatch in the constructor); every
   * promise resolves only after the shared commit and the fsync of the log that follows it (LogSync), so an
   * acknowledged write is durable.
   */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: never) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Runs synchronous reading work and hands its result (or its error) back as a promise, as the Store interface
   * wants. Writes go through `write`: a write here would neither wait for the fsync that makes it durable nor spare
   * the thread a sleep in SQLite's busy handler while another process holds the write lock.
   */
  run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(storeProblem(err));
    }
  }

  /**
   * Commits the pending group-commit writes, then closes the file (refreshing the planner's statistics first), once
   * the fsyncs earlier writes wait for have ended.
   */
  async close(): Promise<void> {
    await this.checkpoints.stop();
    await this.run(() => {
      // The last batch is answered at once, with no fsync of its own to come: FULL syncs it as it commits.
      if (this.db.open) this.db.pragma('synchronous = FULL');
      this.flush(true);
      if (this.db.open) {
        this.db.pragma('optimize');
        this.db.close();
      }
    });
    await this.logSync.close();
  }

  /**
   * Another process on the file (a cluster's other runtime) may hold the write lock. SQLite's busy handler would wait
   * for it asleep on this thread, stopping every request of this process; instead the lock is only tried, and while
   * it is held the writes wait for a later turn (more join them) as the event loop goes on. After the busy timeout,
   * or when closing (`mayWait`), the handler waits as before.
   *
   * The batch is answered after the next fsync of the log (LogSync); when closing, it commits with FULL (close)
   * and is answered at once.
   */
  private flush(mayWait = false): void {
    this.flushScheduled = false;
    const ops = this.pending;
    this.pending = [];
    if (ops.length === 0) return;
    const tryOnly = !mayWait && this.db.open && Date.now() - (this.lockWaitSince ?? Date.now()) < BUSY_TIMEOUT_MS;
    const syncAfter = !mayWait && this.db.open;
    let results: Outcome[];
    this.batchBegan = false;
    try {
      if (tryOnly) this.tryLockOnly.get();
      results = this.commitBatch(ops.map((op) => op.work));
    } catch (error) {
      if (tryOnly && !this.batchBegan && (error as { code?: unknown })?.code === 'SQLITE_BUSY') {
        this.lockWaitSince ??= Date.now();
        this.pending = ops.concat(this.pending);
        this.flushScheduled = true;
        setTimeout(() => this.flush(), 1);
        return;
      }
      this.lockWaitSince = undefined;
      for (const op of ops) op.reject(storeProblem(error));
      return;
    } finally {
      if (tryOnly) this.waitForLock.get();
    }
    this.lockWaitSince = undefined;
    const answer = (syncError: Error | null) =>
      results.forEach((r, i) => {
        if (syncError) ops[i].reject(syncError);
        else if (r.ok) ops[i].resolve(r.value as never);
        else ops[i].reject(storeProblem(r.error));
      });
    if (syncAfter) this.logSync.afterNextSync(answer);
    else answer(null);
    // A store that is written to in earnest (a runtime, not a CLI command or a short test) checkpoints in the
    // background from then on.
    if (++this.commits === BACKGROUND_CHECKPOINTS_AFTER) this.checkpoints.start();
  }
}
