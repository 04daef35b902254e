import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_STATUSES, domainError, FINAL_STATUSES, OPEN_STATUSES, type Status } from '@qyzmet/engine';
import type {
  ApplicationPage,
  ApplicationQuery,
  AuditEntry,
  DefinitionDraft,
  StoredAct,
  Store,
  StoredApplication,
  StoredDocument,
  StoredEvent,
  StoredUser,
  WebhookDelivery,
  WebhookSubscription,
} from '../Store';
import { migrations as allMigrations, NO_DUE_MS, type Migration } from './migrations';

/** The file name inside the data folder (`QYZMET_DATA`, default `./data`). */
export const SQLITE_FILE = 'qyzmet.sqlite';

/** Inbox totals are exact up to this many matches, then reported as a lower bound. */
export const COUNT_CAP = 10_000;

/** Statuses after which nothing more happens to an application: they are never "overdue". */

/**
 * Above this many (provider × status) pairs the inbox falls back to one plain query (the planner then sorts the
 * matches). Below it, each pair reads only its first offset+limit index entries.
 */
const MAX_INBOX_PAIRS = 64;

/** Page cache per connection, in KiB (SQLite's default is 2 MiB): a million-row inbox keeps its indexes in memory. */
const CACHE_KIB = 65_536;

/** How long a writer waits for another process holding the write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * The instants the store is given come from the runtime, which reads the user's own (query parameters) before they
 * get here: one it cannot read is the runtime's fault, hence `internal`.
 */
function toMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    throw domainError(
      'internal',
      'store.invalid-instant',
      `${what} is not an ISO instant: ${JSON.stringify(iso)} (expected e.g. 2025-03-03T09:00:00+05:00)`,
      { params: { what, value: iso } },
    );
  }
  return ms;
}

/**
 * SQLite's failures as the runtime's problems: a second row with the same key is a conflict (the caller can say
 * which), a write lock held past the busy timeout is named; anything else stays as it is (an internal error, logged).
 */
function storeProblem(error: unknown): unknown {
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

function toMsOrNull(iso: string | null, what: string): number | null {
  return iso === null ? null : toMs(iso, what);
}

type Row = Record<string, unknown>;
type Stmt = Database.Statement;

interface ApplicationRow {
  id: string;
  service_id: string;
  version: string;
  provider: string;
  applicant_id: string;
  channel: string | null;
  status: Status;
  state: string;
  registered_at: string;
  due_at: string | null;
  next_timer_at: string | null;
  snapshot: string;
  rev: number;
  created_at: string;
  updated_at: string;
}

function applicationFromRow(r: ApplicationRow): StoredApplication {
  return {
    id: r.id,
    serviceId: r.service_id,
    version: r.version,
    provider: r.provider,
    applicantId: r.applicant_id,
    channel: r.channel,
    status: r.status,
    state: r.state,
    registeredAt: r.registered_at,
    dueAt: r.due_at,
    nextTimerAt: r.next_timer_at,
    snapshot: JSON.parse(r.snapshot),
    rev: r.rev,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Named parameters of the applications row, shared by insert and update. */
function applicationParams(a: StoredApplication): Row {
  return {
    id: a.id,
    service_id: a.serviceId,
    version: a.version,
    provider: a.provider,
    applicant_id: a.applicantId,
    channel: a.channel,
    status: a.status,
    state: a.state,
    registered_at: a.registeredAt,
    registered_at_ms: toMs(a.registeredAt, 'registeredAt'),
    due_at: a.dueAt,
    due_at_ms: a.dueAt === null ? NO_DUE_MS : toMs(a.dueAt, 'dueAt'),
    next_timer_at: a.nextTimerAt,
    next_timer_at_ms: toMsOrNull(a.nextTimerAt, 'nextTimerAt'),
    snapshot: JSON.stringify(a.snapshot),
    rev: a.rev,
    created_at: a.createdAt,
    created_at_ms: toMs(a.createdAt, 'createdAt'),
    updated_at: a.updatedAt,
  };
}

function eventParams(e: StoredEvent): Row {
  return {
    application_id: e.applicationId,
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    user_id: e.userId,
    at: e.at,
    at_ms: toMs(e.at, 'event.at'),
    data: e.data === null ? null : JSON.stringify(e.data),
    from_state: e.fromState,
    to_state: e.toState,
  };
}

function eventFromRow(r: Row): StoredEvent {
  return {
    applicationId: r.application_id as string,
    seq: r.seq as number,
    type: r.type as string,
    actor: r.actor as string,
    userId: r.user_id as string | null,
    at: r.at as string,
    data: r.data === null ? null : JSON.parse(r.data as string),
    fromState: r.from_state as string,
    toState: r.to_state as string,
  };
}

function documentParams(d: StoredDocument): Row {
  return {
    application_id: d.applicationId,
    document_id: d.documentId,
    lang: d.lang,
    title: d.title,
    kind: d.kind,
    html: d.html,
    issued_at: d.issuedAt,
  };
}

function auditParams(a: AuditEntry): Row {
  return {
    at: a.at,
    at_ms: toMs(a.at, 'audit.at'),
    user_id: a.userId,
    action: a.action,
    subject: a.subject,
    details: JSON.stringify(a.details),
  };
}

function auditFromRow(r: Row): AuditEntry {
  return {
    at: r.at as string,
    userId: r.user_id as string | null,
    action: r.action as string,
    subject: r.subject as string,
    details: JSON.parse(r.details as string),
  };
}

function userFromRow(r: Row): StoredUser {
  return {
    id: r.id as string,
    username: r.username as string,
    passwordHash: r.password_hash as string,
    roles: JSON.parse(r.roles as string),
    actorRoles: JSON.parse(r.actor_roles as string),
    providers: JSON.parse(r.providers as string),
    displayName: r.display_name as string,
    createdAt: r.created_at as string,
  };
}

function subscriptionFromRow(r: Row): WebhookSubscription {
  return {
    id: r.id as string,
    url: r.url as string,
    secret: r.secret as string,
    serviceId: r.service_id as string | null,
    provider: r.provider as string | null,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    active: r.active === 1,
  };
}

function deliveryParams(d: WebhookDelivery): Row {
  return {
    id: d.id,
    subscription_id: d.subscriptionId,
    event: d.event,
    payload: JSON.stringify(d.payload),
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt,
    next_attempt_at_ms: d.nextAttemptAt === null ? 0 : toMs(d.nextAttemptAt, 'nextAttemptAt'),
    status: d.status,
    last_error: d.lastError,
    last_status: d.lastStatus,
    created_at: d.createdAt,
    created_at_ms: toMs(d.createdAt, 'delivery.createdAt'),
    delivered_at: d.deliveredAt,
  };
}

function deliveryFromRow(r: Row): WebhookDelivery {
  return {
    id: r.id as string,
    subscriptionId: r.subscription_id as string,
    event: r.event as string,
    payload: JSON.parse(r.payload as string),
    attempts: r.attempts as number,
    nextAttemptAt: r.next_attempt_at as string | null,
    status: r.status as WebhookDelivery['status'],
    lastError: r.last_error as string | null,
    lastStatus: r.last_status as number | null,
    createdAt: r.created_at as string,
    deliveredAt: r.delivered_at as string | null,
  };
}

/** The parts of a draft kept in the `extra` column, with their defaults for drafts saved before migration 0004. */
const DRAFT_EXTRA_DEFAULTS = {
  baseVersion: '',
  legalRef: null,
  scenarios: [],
  expectedFrom: null,
  approvals: [],
  savedBy: '',
  discardedAt: null,
};

function draftFromRow(r: Row): DefinitionDraft {
  const extra = JSON.parse((r.extra as string | undefined) ?? '{}') as Partial<DefinitionDraft>;
  return {
    serviceId: r.service_id as string,
    id: r.id as string,
    rev: Number(r.rev ?? 1),
    definition: JSON.parse(r.definition as string),
    ...DRAFT_EXTRA_DEFAULTS,
    ...extra,
    author: r.author as string,
    note: r.note as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    publishedAt: r.published_at as string | null,
  };
}

function draftParams(d: DefinitionDraft) {
  const { baseVersion, legalRef, scenarios, expectedFrom, approvals, savedBy, discardedAt } = d;
  return {
    service_id: d.serviceId,
    id: d.id,
    rev: d.rev,
    definition: JSON.stringify(d.definition),
    extra: JSON.stringify({ baseVersion, legalRef, scenarios, expectedFrom, approvals, savedBy, discardedAt }),
    author: d.author,
    note: d.note,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    updated_at_ms: toMs(d.updatedAt, 'draft.updatedAt'),
    published_at: d.publishedAt,
  };
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

export class SqliteStore implements Store {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly s: Record<string, Stmt>;
  /** Inbox statements differ by the shape of the filter; each shape is prepared once. */
  private readonly inboxCache = new Map<string, Stmt>();
  private readonly txInsert: (
    app: StoredApplication,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
  ) => void;
  private readonly txUpdate: (
    app: StoredApplication,
    expectedRev: number,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
  ) => boolean;
  private readonly txBulk: (apps: StoredApplication[]) => void;
  private readonly txEnqueue: (deliveries: WebhookDelivery[]) => void;

  constructor(file: string) {
    this.file = file;
    const db = new Database(file);
    this.db = db;
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL. In WAL mode NORMAL already survives a killed process (the commit is in the OS page cache),
    // but it fsyncs the WAL only at checkpoints, so a power cut or an OS crash can roll back commits that were
    // acknowledged. Store.ts promises that an acknowledged write is durable when its promise resolves: an
    // application's registration time is a legal fact, so FULL fsyncs the WAL at every commit.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    applyMigrations(db);

    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insertApp:
        p(`INSERT INTO applications (id, service_id, version, provider, applicant_id, channel, status, state, registered_at,
          registered_at_ms, due_at, due_at_ms, next_timer_at, next_timer_at_ms, snapshot, rev, created_at, created_at_ms, updated_at)
        VALUES (@id, @service_id, @version, @provider, @applicant_id, @channel, @status, @state, @registered_at,
          @registered_at_ms, @due_at, @due_at_ms, @next_timer_at, @next_timer_at_ms, @snapshot, @rev, @created_at, @created_at_ms, @updated_at)`),
      // The lease columns are the scheduler's: an update by the lease holder keeps the lease until releaseLease.
      updateApp: p(`UPDATE applications SET service_id = @service_id, version = @version, provider = @provider,
          applicant_id = @applicant_id, channel = @channel, status = @status, state = @state, registered_at = @registered_at,
          registered_at_ms = @registered_at_ms, due_at = @due_at, due_at_ms = @due_at_ms, next_timer_at = @next_timer_at,
          next_timer_at_ms = @next_timer_at_ms, snapshot = @snapshot, rev = @new_rev, created_at = @created_at,
          created_at_ms = @created_at_ms, updated_at = @updated_at
        WHERE id = @id AND rev = @expected_rev`),
      getApp: p('SELECT * FROM applications WHERE id = ?'),
      insertEvent:
        p(`INSERT INTO events (application_id, seq, type, actor, user_id, at, at_ms, data, from_state, to_state)
        VALUES (@application_id, @seq, @type, @actor, @user_id, @at, @at_ms, @data, @from_state, @to_state)`),
      listEvents: p('SELECT * FROM events WHERE application_id = ? ORDER BY seq'),
      // A document issued again (same id and language) replaces the earlier rendering; the audit keeps the history.
      upsertDocument: p(`INSERT INTO documents (application_id, document_id, lang, title, kind, html, issued_at)
        VALUES (@application_id, @document_id, @lang, @title, @kind, @html, @issued_at)
        ON CONFLICT (application_id, document_id, lang) DO UPDATE SET title = excluded.title, kind = excluded.kind,
          html = excluded.html, issued_at = excluded.issued_at`),
      getDocument: p('SELECT * FROM documents WHERE application_id = ? AND document_id = ? AND lang = ?'),
      claimApps: p(`UPDATE applications SET lease_owner = @owner, lease_until = @until, lease_until_ms = @until_ms
        WHERE id IN (
          SELECT id FROM applications
          WHERE next_timer_at_ms <= @now_ms AND (lease_until_ms IS NULL OR lease_until_ms < @now_ms)
          ORDER BY next_timer_at_ms LIMIT @limit)
        RETURNING id, next_timer_at_ms`),
      releaseLease: p(
        'UPDATE applications SET lease_owner = NULL, lease_until = NULL, lease_until_ms = NULL WHERE id = ? AND lease_owner = ?',
      ),
      insertUser:
        p(`INSERT INTO users (id, username, password_hash, roles, actor_roles, providers, display_name, created_at)
        VALUES (@id, @username, @password_hash, @roles, @actor_roles, @providers, @display_name, @created_at)`),
      userByName: p('SELECT * FROM users WHERE username = ?'),
      userById: p('SELECT * FROM users WHERE id = ?'),
      countUsers: p('SELECT count(*) AS n FROM users'),
      insertSession: p('INSERT INTO sessions (token_hash, user_id, expires_at, expires_at_ms) VALUES (?, ?, ?, ?)'),
      getSession: p('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?'),
      insertAudit: p(
        'INSERT INTO audit (at, at_ms, user_id, action, subject, details) VALUES (@at, @at_ms, @user_id, @action, @subject, @details)',
      ),
      listAuditAll: p('SELECT * FROM audit ORDER BY seq DESC LIMIT ?'),
      listAuditSubject: p('SELECT * FROM audit WHERE subject = ? ORDER BY seq DESC LIMIT ?'),
      insertSubscription:
        p(`INSERT INTO webhook_subscriptions (id, url, secret, service_id, provider, created_by, created_at, created_at_ms, active)
        VALUES (@id, @url, @secret, @service_id, @provider, @created_by, @created_at, @created_at_ms, @active)`),
      listSubscriptions: p('SELECT * FROM webhook_subscriptions ORDER BY created_at_ms, id'),
      insertDelivery:
        p(`INSERT INTO webhook_deliveries (id, subscription_id, event, payload, attempts, next_attempt_at, next_attempt_at_ms,
          status, last_error, last_status, created_at, created_at_ms, delivered_at)
        VALUES (@id, @subscription_id, @event, @payload, @attempts, @next_attempt_at, @next_attempt_at_ms,
          @status, @last_error, @last_status, @created_at, @created_at_ms, @delivered_at)`),
      claimDeliveries:
        p(`UPDATE webhook_deliveries SET lease_owner = @owner, lease_until = @until, lease_until_ms = @until_ms
        WHERE id IN (
          SELECT id FROM webhook_deliveries
          WHERE status = 'pending' AND next_attempt_at_ms <= @now_ms AND (lease_until_ms IS NULL OR lease_until_ms < @now_ms)
          ORDER BY next_attempt_at_ms LIMIT @limit)
        RETURNING *`),
      // Recording the outcome of an attempt ends the lease: the next attempt is claimed afresh at nextAttemptAt.
      updateDelivery:
        p(`UPDATE webhook_deliveries SET subscription_id = @subscription_id, event = @event, payload = @payload,
          attempts = @attempts, next_attempt_at = @next_attempt_at, next_attempt_at_ms = @next_attempt_at_ms, status = @status,
          last_error = @last_error, last_status = @last_status, created_at = @created_at, created_at_ms = @created_at_ms,
          delivered_at = @delivered_at, lease_owner = NULL, lease_until = NULL, lease_until_ms = NULL
        WHERE id = @id`),
      listDeliveries: p(
        'SELECT * FROM webhook_deliveries WHERE subscription_id = ? ORDER BY created_at_ms DESC, rowid DESC LIMIT ?',
      ),
      insertDraft: p(`INSERT INTO definition_drafts
          (service_id, id, rev, definition, extra, author, note, created_at, updated_at, updated_at_ms, published_at)
        VALUES (@service_id, @id, @rev, @definition, @extra, @author, @note, @created_at, @updated_at, @updated_at_ms,
          @published_at)
        ON CONFLICT (service_id, id) DO NOTHING`),
      updateDraft: p(`UPDATE definition_drafts SET rev = @rev, definition = @definition, extra = @extra, note = @note,
          updated_at = @updated_at, updated_at_ms = @updated_at_ms, published_at = @published_at
        WHERE service_id = @service_id AND id = @id AND rev = @expected_rev`),
      insertDraftRevision:
        p(`INSERT OR REPLACE INTO definition_draft_revisions (service_id, draft_id, rev, draft, saved_at)
        VALUES (?, ?, ?, ?, ?)`),
      listDraftRevisions: p(
        'SELECT draft FROM definition_draft_revisions WHERE service_id = ? AND draft_id = ? ORDER BY rev',
      ),
      getDraft: p('SELECT * FROM definition_drafts WHERE service_id = ? AND id = ?'),
      upsertAct: p(`INSERT INTO acts (id, act, created_by, created_at, updated_at)
        VALUES (@id, @act, @created_by, @created_at, @updated_at)
        ON CONFLICT (id) DO UPDATE SET act = excluded.act, updated_at = excluded.updated_at`),
      listActs: p('SELECT * FROM acts ORDER BY id'),
      listDrafts: p('SELECT * FROM definition_drafts WHERE service_id = ? ORDER BY updated_at_ms DESC, id'),
    };

    const s = this.s;
    const writeRest = (events: StoredEvent[], documents: StoredDocument[], audit: AuditEntry[]) => {
      for (const e of events) s.insertEvent.run(eventParams(e));
      for (const d of documents) s.upsertDocument.run(documentParams(d));
      for (const a of audit) s.insertAudit.run(auditParams(a));
    };
    // Write transactions are IMMEDIATE: a deferred one that reads first and writes later can meet SQLITE_BUSY from
    // another process without the busy timeout helping; IMMEDIATE takes the write lock up front and waits for it.
    const insert = db.transaction(
      (app: StoredApplication, events: StoredEvent[], documents: StoredDocument[], audit: AuditEntry[]) => {
        s.insertApp.run(applicationParams(app));
        writeRest(events, documents, audit);
      },
    );
    this.txInsert = (...a) => insert(...a);
    const update = db.transaction(
      (
        app: StoredApplication,
        expectedRev: number,
        events: StoredEvent[],
        documents: StoredDocument[],
        audit: AuditEntry[],
      ) => {
        const changed = s.updateApp.run({
          ...applicationParams(app),
          new_rev: expectedRev + 1,
          expected_rev: expectedRev,
        }).changes;
        if (changed === 0) return false;
        writeRest(events, documents, audit);
        return true;
      },
    );
    this.txUpdate = (...a) => update(...a);
    const bulk = db.transaction((apps: StoredApplication[]) => {
      for (const app of apps) s.insertApp.run(applicationParams(app));
    });
    this.txBulk = (apps) => bulk.immediate(apps);
    const enqueue = db.transaction((deliveries: WebhookDelivery[]) => {
      for (const d of deliveries) s.insertDelivery.run(deliveryParams(d));
    });
    this.txEnqueue = (deliveries) => enqueue(deliveries);
    const batch = db.transaction((ops: Array<() => unknown>) =>
      ops.map((op) => {
        try {
          return { ok: true as const, value: op() };
        } catch (error) {
          return { ok: false as const, error };
        }
      }),
    );
    this.txBatch = (ops) => batch.immediate(ops);
  }

  private txBatch!: (ops: Array<() => unknown>) => Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  private pending: Array<{ work: () => unknown; resolve: (v: never) => void; reject: (e: unknown) => void }> = [];
  private flushScheduled = false;

  /**
   * Group commit: the writes that arrive within one turn of the event loop share one transaction, so one fsync
   * (synchronous = FULL) serves many concurrent requests. Each write runs in its own savepoint (better-sqlite3
   * nests transactions that way), so one failing write rolls back alone; every promise resolves only after the
   * shared commit, so an acknowledged write is durable.
   */
  private write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: never) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const ops = this.pending;
    this.pending = [];
    if (ops.length === 0) return;
    let results: ReturnType<SqliteStore['txBatch']>;
    try {
      results = this.txBatch(ops.map((op) => op.work));
    } catch (error) {
      for (const op of ops) op.reject(storeProblem(error));
      return;
    }
    results.forEach((r, i) => (r.ok ? ops[i].resolve(r.value as never) : ops[i].reject(storeProblem(r.error))));
  }

  /** Runs synchronous work and hands its result (or its error) back as a promise, as the Store interface wants. */
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(storeProblem(err));
    }
  }

  insertApplication(
    app: StoredApplication,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
  ): Promise<void> {
    return this.write(() => this.txInsert(app, events, documents, audit));
  }

  getApplication(id: string): Promise<StoredApplication | undefined> {
    return this.run(() => {
      const row = this.s.getApp.get(id) as ApplicationRow | undefined;
      return row && applicationFromRow(row);
    });
  }

  /**
   * The stored rev becomes `expectedRev + 1` whatever `app.rev` says, so two writers that started from the same rev
   * can never both succeed. On a rev mismatch (or an unknown id) nothing at all is written.
   */
  updateApplication(
    app: StoredApplication,
    expectedRev: number,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
  ): Promise<boolean> {
    return this.write(() => this.txUpdate(app, expectedRev, events, documents, audit));
  }

  /**
   * Inbox order: due instant ascending, applications without a due date last, then registration instant, then id.
   * The page of ids comes from a covering index; only the rows of that page are read in full. `providers` or
   * `status` given as an empty list match nothing; `"*"` among providers (or no providers) matches every provider.
   * `overdueAt` keeps open applications (registered, in-progress, suspended) whose due instant is before it.
   *
   * Deep pages still skip `offset` index entries (OFFSET): fine for an inbox, but a keyset cursor
   * (after due/registered/id) would be the fix if someone pages deep through a million rows.
   */
  listApplications(query: ApplicationQuery): Promise<ApplicationPage> {
    // One read transaction: the count and the page see the same snapshot even while another process writes.
    return this.run(() => this.db.transaction(() => this.inbox(query))());
  }

  private inbox(q: ApplicationQuery): ApplicationPage {
    const limit = Math.max(0, Math.floor(q.limit));
    const offset = Math.max(0, Math.floor(q.offset));
    const providers = q.providers === undefined || q.providers.includes('*') ? null : [...new Set(q.providers)];
    let statuses: Status[] | null = q.status === undefined ? null : [...new Set(q.status)];
    if (q.overdueAt !== undefined)
      statuses = (statuses ?? [...OPEN_STATUSES]).filter((st) => !FINAL_STATUSES.includes(st));
    if ((providers && providers.length === 0) || (statuses && statuses.length === 0))
      return { items: [], total: 0, totalExact: true };

    // Conditions other than provider and status; the due bounds are both "due_at_ms < x", take the stricter.
    const rest: string[] = [];
    const restParams: unknown[] = [];
    if (q.applicantId !== undefined) {
      rest.push('applicant_id = ?');
      restParams.push(q.applicantId);
    }
    if (q.serviceId !== undefined) {
      rest.push('service_id = ?');
      restParams.push(q.serviceId);
    }
    const bounds = [q.overdueAt, q.dueBefore]
      .filter((x): x is string => x !== undefined)
      .map((x) => toMs(x, 'due bound'));
    if (bounds.length > 0) {
      // NO_DUE_MS is beyond every instant, so applications without a due date never pass this bound.
      rest.push('due_at_ms < ?');
      restParams.push(Math.min(...bounds));
    }

    const inList = (col: string, values: readonly unknown[]) => `${col} IN (${values.map(() => '?').join(', ')})`;
    const where: string[] = [];
    const whereParams: unknown[] = [];
    if (providers) {
      where.push(inList('provider', providers));
      whereParams.push(...providers);
    }
    if (statuses) {
      where.push(inList('status', statuses));
      whereParams.push(...statuses);
    }
    where.push(...rest);
    whereParams.push(...restParams);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = 'ORDER BY due_at_ms, registered_at_ms, id';

    // Counting every match of a broad filter (all in-progress: hundreds of thousands) costs more than the page; an
    // inbox needs "more than 10 000", not the exact figure: count at most COUNT_CAP + 1 and say whether it is exact.
    const counted = (
      this.prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM applications ${whereSql} LIMIT ${COUNT_CAP + 1})`).get(
        ...whereParams,
      ) as { n: number }
    ).n;
    const totalExact = counted <= COUNT_CAP;
    const total = Math.min(counted, COUNT_CAP);
    if (limit === 0 || offset >= total) return { items: [], total, totalExact };

    // The index (provider, status, due, registered, id) — and (status, due, registered, id) for every provider — is in
    // inbox order within one provider and status, not across several: one query would read and sort every match.
    // Instead each (provider, status) pair gives its first offset+limit entries and those are merged: bounded work.
    // No status filter with providers given means every status (status is NOT NULL and one of the six).
    const pageStatuses = statuses ?? (providers ? [...APPLICATION_STATUSES] : null);
    const pairs = (providers?.length ?? 1) * (pageStatuses?.length ?? 1);
    let pageSql: string;
    let pageParams: unknown[];
    if (pairs > 1 && pairs <= MAX_INBOX_PAIRS && q.applicantId === undefined) {
      const parts: string[] = [];
      pageParams = [];
      for (const pr of providers ?? [null]) {
        for (const st of pageStatuses ?? [null]) {
          const cond = [...(pr === null ? [] : ['provider = ?']), ...(st === null ? [] : ['status = ?']), ...rest];
          parts.push(
            `SELECT * FROM (SELECT id, due_at_ms, registered_at_ms FROM applications WHERE ${cond.join(' AND ')} ${order} LIMIT ?)`,
          );
          pageParams.push(...(pr === null ? [] : [pr]), ...(st === null ? [] : [st]), ...restParams, offset + limit);
        }
      }
      pageSql = `SELECT id, due_at_ms, registered_at_ms FROM (${parts.join(' UNION ALL ')}) ${order} LIMIT ? OFFSET ?`;
    } else {
      // One pair, no filter on provider and status, an applicant's own (few) applications, or too many pairs.
      pageSql = `SELECT id, due_at_ms, registered_at_ms FROM applications ${whereSql} ${order} LIMIT ? OFFSET ?`;
      pageParams = [...whereParams];
    }
    pageParams.push(limit, offset);
    const sql = `SELECT a.* FROM (${pageSql}) AS page CROSS JOIN applications AS a ON a.id = page.id
      ORDER BY page.due_at_ms, page.registered_at_ms, page.id`;
    const rows = this.prepared(sql).all(...pageParams) as ApplicationRow[];
    return { items: rows.map(applicationFromRow), total, totalExact };
  }

  private prepared(sql: string): Stmt {
    let st = this.inboxCache.get(sql);
    if (!st) {
      // Shapes grow with the lengths of the provider and status lists; a cap keeps an odd client from filling memory.
      if (this.inboxCache.size >= 500) this.inboxCache.clear();
      st = this.db.prepare(sql);
      this.inboxCache.set(sql, st);
    }
    return st;
  }

  listEvents(applicationId: string): Promise<StoredEvent[]> {
    return this.run(() => (this.s.listEvents.all(applicationId) as Row[]).map(eventFromRow));
  }

  getDocument(applicationId: string, documentId: string, lang: 'kk' | 'ru'): Promise<StoredDocument | undefined> {
    return this.run(() => {
      const r = this.s.getDocument.get(applicationId, documentId, lang) as Row | undefined;
      return (
        r && {
          applicationId: r.application_id as string,
          documentId: r.document_id as string,
          lang: r.lang as 'kk' | 'ru',
          title: r.title as string,
          kind: r.kind as string,
          html: r.html as string,
          issuedAt: r.issued_at as string,
        }
      );
    });
  }

  /**
   * One UPDATE … RETURNING: selecting and leasing are one statement under SQLite's write lock, so two processes
   * (or two calls) never lease the same row while its lease runs. Ids come back earliest timer first.
   */
  claimDueApplications(now: string, owner: string, leaseMs: number, limit: number): Promise<string[]> {
    return this.run(() => {
      const nowMs = toMs(now, 'now');
      const untilMs = nowMs + leaseMs;
      const rows = this.s.claimApps.all({
        owner,
        until: new Date(untilMs).toISOString(),
        until_ms: untilMs,
        now_ms: nowMs,
        limit,
      }) as Array<{ id: string; next_timer_at_ms: number }>;
      return rows
        .sort((a, b) => a.next_timer_at_ms - b.next_timer_at_ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((r) => r.id);
    });
  }

  /** Only the holder can release; a lease taken over after it expired stays with its new owner. */
  releaseLease(applicationId: string, owner: string): Promise<void> {
    return this.run(() => {
      this.s.releaseLease.run(applicationId, owner);
    });
  }

  createUser(user: StoredUser): Promise<void> {
    return this.run(() => {
      this.s.insertUser.run({
        id: user.id,
        username: user.username,
        password_hash: user.passwordHash,
        roles: JSON.stringify(user.roles),
        actor_roles: JSON.stringify(user.actorRoles),
        providers: JSON.stringify(user.providers),
        display_name: user.displayName,
        created_at: user.createdAt,
      });
    });
  }

  getUserByUsername(username: string): Promise<StoredUser | undefined> {
    return this.run(() => {
      const r = this.s.userByName.get(username) as Row | undefined;
      return r && userFromRow(r);
    });
  }

  getUser(id: string): Promise<StoredUser | undefined> {
    return this.run(() => {
      const r = this.s.userById.get(id) as Row | undefined;
      return r && userFromRow(r);
    });
  }

  countUsers(): Promise<number> {
    return this.run(() => (this.s.countUsers.get() as { n: number }).n);
  }

  createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void> {
    return this.run(() => {
      this.s.insertSession.run(tokenHash, userId, expiresAt, toMs(expiresAt, 'expiresAt'));
    });
  }

  /** Returns the session even when expired: the caller compares expiresAt with its clock. */
  getSession(tokenHash: string): Promise<{ userId: string; expiresAt: string } | undefined> {
    return this.run(() => {
      const r = this.s.getSession.get(tokenHash) as { user_id: string; expires_at: string } | undefined;
      return r && { userId: r.user_id, expiresAt: r.expires_at };
    });
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.run(() => {
      this.s.insertAudit.run(auditParams(entry));
    });
  }

  /** Newest first (order of writing). */
  listAudit(subject: string | null, limit: number): Promise<AuditEntry[]> {
    return this.run(() => {
      const rows = (
        subject === null ? this.s.listAuditAll.all(limit) : this.s.listAuditSubject.all(subject, limit)
      ) as Row[];
      return rows.map(auditFromRow);
    });
  }

  createSubscription(sub: WebhookSubscription): Promise<void> {
    return this.run(() => {
      this.s.insertSubscription.run({
        id: sub.id,
        url: sub.url,
        secret: sub.secret,
        service_id: sub.serviceId,
        provider: sub.provider,
        created_by: sub.createdBy,
        created_at: sub.createdAt,
        created_at_ms: toMs(sub.createdAt, 'subscription.createdAt'),
        active: sub.active ? 1 : 0,
      });
    });
  }

  listSubscriptions(): Promise<WebhookSubscription[]> {
    return this.run(() => (this.s.listSubscriptions.all() as Row[]).map(subscriptionFromRow));
  }

  enqueueDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    return this.write(() => this.txEnqueue(deliveries));
  }

  /**
   * Pending deliveries whose next attempt is due (a pending delivery without nextAttemptAt is due at once) and whose
   * lease is free or expired, earliest first, leased to `owner`. updateDelivery ends the lease.
   */
  claimDueDeliveries(now: string, owner: string, leaseMs: number, limit: number): Promise<WebhookDelivery[]> {
    return this.run(() => {
      const nowMs = toMs(now, 'now');
      const untilMs = nowMs + leaseMs;
      const rows = this.s.claimDeliveries.all({
        owner,
        until: new Date(untilMs).toISOString(),
        until_ms: untilMs,
        now_ms: nowMs,
        limit,
      }) as Row[];
      rows.sort(
        (a, b) =>
          (a.next_attempt_at_ms as number) - (b.next_attempt_at_ms as number) ||
          (a.created_at_ms as number) - (b.created_at_ms as number),
      );
      return rows.map(deliveryFromRow);
    });
  }

  updateDelivery(d: WebhookDelivery): Promise<void> {
    return this.run(() => {
      this.s.updateDelivery.run(deliveryParams(d));
    });
  }

  /** Newest first. */
  listDeliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]> {
    return this.run(() => (this.s.listDeliveries.all(subscriptionId, limit) as Row[]).map(deliveryFromRow));
  }

  saveDraft(draft: DefinitionDraft, expectedRev: number | null): Promise<boolean> {
    return this.run(() =>
      this.db.transaction(() => {
        const params = draftParams(draft);
        const written =
          expectedRev === null
            ? this.s.insertDraft.run(params).changes
            : this.s.updateDraft.run({ ...params, expected_rev: expectedRev }).changes;
        if (written !== 1) return false;
        this.s.insertDraftRevision.run(draft.serviceId, draft.id, draft.rev, JSON.stringify(draft), draft.updatedAt);
        return true;
      })(),
    );
  }

  listDraftRevisions(serviceId: string, id: string): Promise<DefinitionDraft[]> {
    return this.run(() =>
      (this.s.listDraftRevisions.all(serviceId, id) as Row[]).map((r) => JSON.parse(r.draft as string)),
    );
  }

  /** Insert or replace by id; the first registration's author and date are kept. */
  saveAct(a: StoredAct): Promise<void> {
    return this.run(() => {
      this.s.upsertAct.run({
        id: a.id,
        act: JSON.stringify(a.act),
        created_by: a.createdBy,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      });
    });
  }

  listActs(): Promise<StoredAct[]> {
    return this.run(() =>
      (this.s.listActs.all() as Row[]).map((r) => ({
        id: String(r.id),
        act: JSON.parse(String(r.act)),
        createdBy: String(r.created_by),
        createdAt: String(r.created_at),
        updatedAt: String(r.updated_at),
      })),
    );
  }

  getDraft(serviceId: string, id: string): Promise<DefinitionDraft | undefined> {
    return this.run(() => {
      const r = this.s.getDraft.get(serviceId, id) as Row | undefined;
      return r && draftFromRow(r);
    });
  }

  /** Most recently updated first. */
  listDrafts(serviceId: string): Promise<DefinitionDraft[]> {
    return this.run(() => (this.s.listDrafts.all(serviceId) as Row[]).map(draftFromRow));
  }

  // ---- extras beyond the Store interface ----

  /** Inserts applications only (no events, documents or audit), all in one transaction: for seeding and benchmarks. */
  bulkInsertApplications(apps: StoredApplication[]): Promise<void> {
    return this.run(() => this.txBulk(apps));
  }

  /** Migration ids recorded in this file, in the order applied. */
  appliedMigrations(): string[] {
    return (this.db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as Array<{ id: string }>).map(
      (r) => r.id,
    );
  }

  /** Refreshes the planner's statistics (after a bulk load; SQLite docs advise it before closing long sessions). */
  getMeta(key: string): Promise<string | undefined> {
    return this.run(
      () => (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value,
    );
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.run(() => {
      this.db
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(key, value);
    });
  }

  optimize(): void {
    this.db.pragma('optimize');
  }

  close(): Promise<void> {
    return this.run(() => {
      this.flush();
      if (this.db.open) {
        this.db.pragma('optimize');
        this.db.close();
      }
    });
  }
}
