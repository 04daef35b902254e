import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../Store';
import { SqliteActs } from './acts';
import { SqliteApplications } from './applications';
import { SqliteAudit } from './audit';
import { SqliteConnection } from './connection';
import { SqliteCounters } from './counters';
import { SqliteDrafts } from './drafts';
import { SqliteMeta } from './meta';
import { SqlitePortable } from './portable';
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
  return new SqliteStore(join(dir, SQLITE_FILE));
}

/**
 * The Store contract as one object over one connection: each aggregate is its own small class (applications.ts,
 * timers.ts, …) and this class only hands each call to the aggregate that owns it.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly connection: SqliteConnection;
  private readonly applications: SqliteApplications;
  private readonly timers: SqliteTimers;
  private readonly users: SqliteUsers;
  private readonly audit: SqliteAudit;
  private readonly webhooks: SqliteWebhooks;
  private readonly acts: SqliteActs;
  private readonly drafts: SqliteDrafts;
  private readonly meta: SqliteMeta;
  private readonly counters: SqliteCounters;
  private readonly portable: SqlitePortable;

  constructor(file: string) {
    this.file = file;
    const connection = new SqliteConnection(file);
    this.connection = connection;
    this.audit = new SqliteAudit(connection);
    this.applications = new SqliteApplications(connection, this.audit);
    this.timers = new SqliteTimers(connection);
    this.users = new SqliteUsers(connection);
    this.webhooks = new SqliteWebhooks(connection);
    this.acts = new SqliteActs(connection);
    this.drafts = new SqliteDrafts(connection);
    this.meta = new SqliteMeta(connection);
    this.counters = new SqliteCounters(connection);
    // Parents before children (users before sessions, subscriptions before deliveries), audit last in written order.
    this.portable = new SqlitePortable(connection, [
      ...this.meta.recordTables,
      ...this.counters.recordTables,
      ...this.users.recordTables,
      ...this.acts.recordTables,
      ...this.drafts.recordTables,
      ...this.webhooks.recordTables,
      ...this.applications.recordTables,
      ...this.audit.recordTables,
    ]);
  }

  readonly insertApplication: Store['insertApplication'] = (app, events, documents, audit) =>
    this.applications.insertApplication(app, events, documents, audit);
  readonly getApplication: Store['getApplication'] = (id) => this.applications.getApplication(id);
  readonly updateApplication: Store['updateApplication'] = (app, expectedRev, events, documents, audit) =>
    this.applications.updateApplication(app, expectedRev, events, documents, audit);
  readonly listApplications: Store['listApplications'] = (query) => this.applications.listApplications(query);
  readonly listEvents: Store['listEvents'] = (applicationId) => this.applications.listEvents(applicationId);
  readonly getDocument: Store['getDocument'] = (applicationId, documentId, lang) =>
    this.applications.getDocument(applicationId, documentId, lang);
  readonly bulkInsertApplications: Store['bulkInsertApplications'] = (apps) =>
    this.applications.bulkInsertApplications(apps);

  readonly claimDueApplications: Store['claimDueApplications'] = (now, owner, leaseMs, limit) =>
    this.timers.claimDueApplications(now, owner, leaseMs, limit);
  readonly releaseLease: Store['releaseLease'] = (applicationId, owner) =>
    this.timers.releaseLease(applicationId, owner);

  readonly createUser: Store['createUser'] = (user) => this.users.createUser(user);
  readonly getUserByUsername: Store['getUserByUsername'] = (username) => this.users.getUserByUsername(username);
  readonly getUser: Store['getUser'] = (id) => this.users.getUser(id);
  readonly countUsers: Store['countUsers'] = () => this.users.countUsers();
  readonly createSession: Store['createSession'] = (tokenHash, userId, expiresAt) =>
    this.users.createSession(tokenHash, userId, expiresAt);
  readonly getSession: Store['getSession'] = (tokenHash) => this.users.getSession(tokenHash);

  readonly appendAudit: Store['appendAudit'] = (entry) => this.audit.appendAudit(entry);
  readonly listAudit: Store['listAudit'] = (subject, limit) => this.audit.listAudit(subject, limit);

  readonly createSubscription: Store['createSubscription'] = (s) => this.webhooks.createSubscription(s);
  readonly listSubscriptions: Store['listSubscriptions'] = () => this.webhooks.listSubscriptions();
  readonly enqueueDeliveries: Store['enqueueDeliveries'] = (deliveries) => this.webhooks.enqueueDeliveries(deliveries);
  readonly claimDueDeliveries: Store['claimDueDeliveries'] = (now, owner, leaseMs, limit) =>
    this.webhooks.claimDueDeliveries(now, owner, leaseMs, limit);
  readonly updateDelivery: Store['updateDelivery'] = (d) => this.webhooks.updateDelivery(d);
  readonly listDeliveries: Store['listDeliveries'] = (subscriptionId, limit) =>
    this.webhooks.listDeliveries(subscriptionId, limit);

  readonly saveAct: Store['saveAct'] = (act) => this.acts.saveAct(act);
  readonly listActs: Store['listActs'] = () => this.acts.listActs();

  readonly saveDraft: Store['saveDraft'] = (draft, expectedRev) => this.drafts.saveDraft(draft, expectedRev);
  readonly getDraft: Store['getDraft'] = (serviceId, id) => this.drafts.getDraft(serviceId, id);
  readonly listDrafts: Store['listDrafts'] = (serviceId) => this.drafts.listDrafts(serviceId);
  readonly listDraftRevisions: Store['listDraftRevisions'] = (serviceId, id) =>
    this.drafts.listDraftRevisions(serviceId, id);

  readonly getMeta: Store['getMeta'] = (key) => this.meta.getMeta(key);
  readonly setMeta: Store['setMeta'] = (key, value) => this.meta.setMeta(key, value);

  readonly nextNumber: Store['nextNumber'] = (series) => this.counters.nextNumber(series);

  readonly exportRecords: Store['exportRecords'] = () => this.portable.exportRecords();
  readonly importRecords: Store['importRecords'] = (records) => this.portable.importRecords(records);
  readonly countRecords: Store['countRecords'] = () => this.portable.countRecords();

  /** Migration ids recorded in this file, in the order applied. */
  appliedMigrations(): string[] {
    return (
      this.connection.db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as Array<{ id: string }>
    ).map((r) => r.id);
  }

  /** Refreshes the planner's statistics (after a bulk load; SQLite docs advise it before closing long sessions). */
  optimize(): void {
    this.connection.db.pragma('optimize');
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
