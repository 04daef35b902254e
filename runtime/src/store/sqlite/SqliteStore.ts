import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { storeMethods } from '../composeStore';
import type { Store } from '../Store';
import { SqliteActs } from './acts';
import { SqliteApplications } from './applications';
import { SqliteAudit } from './audit';
import { SqliteConnection } from './connection';
import { SqliteCounters } from './counters';
import { SqliteDrafts } from './drafts';
import { SqliteMeta } from './meta';
import { SqlitePortable } from './portable';
import { SqliteThrottle } from './throttle';
import { SqliteTimers } from './timers';
import { SqliteUsers } from './users';
import { SqliteWebhooks } from './webhooks';

export { applyMigrations } from './connection';
export { COUNT_CAP } from '../Store';

/** The file name inside the data folder (`QYZMET_DATA`, default `./data`). */
export const SQLITE_FILE = 'qyzmet.sqlite';

/**
 * The embedded store: one SQLite file, `<dir>/qyzmet.sqlite`. Every method does its work synchronously inside
 * (better-sqlite3) and returns a settled promise, so a write is on disk when its promise resolves.
 */
export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  readonly file: string;
  /** Migration ids recorded in this file, in the order applied. */
  appliedMigrations(): string[];
  /** Refreshes the planner's statistics (after a bulk load; SQLite docs advise it before closing long sessions). */
  optimize(): void;
}

/**
 * Opens (creating if needed) the embedded store in a folder: each aggregate is its own small class over one
 * connection (applications.ts, timers.ts, …), composed into the Store contract.
 *
 * @example
 * const store = openSqliteStore('./data');
 * await store.insertApplication(app, events, documents, [auditLine]);
 * const { items, total } = await store.listApplications({ providers: ['akimat-astana'], status: ['registered'],
 *   limit: 20, offset: 0 });
 * await store.close();
 */
export function openSqliteStore(dir: string): SqliteStore {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE);
  const connection = new SqliteConnection(file);
  const audit = new SqliteAudit(connection);
  const webhooks = new SqliteWebhooks(connection);
  const applications = new SqliteApplications(connection, audit, webhooks);
  const users = new SqliteUsers(connection);
  const acts = new SqliteActs(connection);
  const drafts = new SqliteDrafts(connection);
  const meta = new SqliteMeta(connection);
  const counters = new SqliteCounters(connection);
  // Parents before children (users before sessions, subscriptions before deliveries), audit last in written order.
  const portable = new SqlitePortable(connection, [
    ...meta.recordTables,
    ...counters.recordTables,
    ...users.recordTables,
    ...acts.recordTables,
    ...drafts.recordTables,
    ...webhooks.recordTables,
    ...applications.recordTables,
    ...audit.recordTables,
  ]);
  const parts = {
    applications,
    timers: new SqliteTimers(connection),
    users,
    throttle: new SqliteThrottle(connection),
    audit,
    webhooks,
    acts,
    drafts,
    meta,
  };
  return {
    kind: 'sqlite',
    file,
    ...storeMethods({ ...parts, counters, portable }),
    appliedMigrations: () =>
      (connection.db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as Array<{ id: string }>).map(
        (r) => r.id,
      ),
    optimize: () => connection.db.pragma('optimize'),
    close: () => connection.close(),
  };
}
