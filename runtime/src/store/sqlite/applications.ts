import type Database from 'better-sqlite3';
import type {
  ApplicationPage,
  ApplicationQuery,
  ApplicationsStore,
  AuditEntry,
  NewApplication,
  StoredApplication,
  StoredDocument,
  StoredEvent,
  WebhookDelivery,
} from '../Store';
import type { SqliteAudit } from './audit';
import type { SqliteConnection } from './connection';
import { SqliteInbox } from './inbox';
import type { RecordTable } from './portable';
import type { SqliteWebhooks } from './webhooks';
import {
  applicationFromRow,
  applicationParams,
  documentFromRow,
  documentParams,
  eventFromRow,
  eventParams,
  type ApplicationRow,
  type Row,
} from './rows';

/**
 * Applications with their events and issued documents. Inserts and updates go through the group commit, each with its
 * events, documents, audit lines and webhook deliveries (the outbox) as one write: all or nothing.
 */
export class SqliteApplications implements ApplicationsStore {
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly getOne: Database.Statement;
  private readonly insertEvent: Database.Statement;
  private readonly eventsOf: Database.Statement;
  private readonly upsertDocument: Database.Statement;
  private readonly getOneDocument: Database.Statement;
  private readonly documentsOf: Database.Statement;
  private readonly byNumber: Database.Statement;
  private readonly putSha: Database.Statement;
  private readonly advance: Database.Statement;
  private readonly insertMany: (apps: StoredApplication[]) => void;
  private readonly inbox: SqliteInbox;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly audit: SqliteAudit,
    private readonly webhooks: SqliteWebhooks,
  ) {
    const { db } = connection;
    this.insert =
      db.prepare(`INSERT INTO applications (id, number, service_id, version, provider, applicant_id, channel, status, state, registered_at,
          registered_at_ms, due_at, due_at_ms, next_timer_at, next_timer_at_ms, snapshot, rev, created_at, created_at_ms, updated_at,
          summary, applicant_code, search_name, search_object, number_seq, assignee_id)
        VALUES (@id, @number, @service_id, @version, @provider, @applicant_id, @channel, @status, @state, @registered_at,
          @registered_at_ms, @due_at, @due_at_ms, @next_timer_at, @next_timer_at_ms, @snapshot, @rev, @created_at, @created_at_ms, @updated_at,
          @summary, @applicant_code, @search_name, @search_object, @number_seq, @assignee_id)`);
    // The lease columns are the scheduler's: an update by the lease holder keeps the lease until releaseLease. The
    // number, once given, stays (COALESCE: an update never takes it away).
    this.update =
      db.prepare(`UPDATE applications SET number = COALESCE(number, @number), service_id = @service_id, version = @version, provider = @provider,
          applicant_id = @applicant_id, channel = @channel, status = @status, state = @state, registered_at = @registered_at,
          registered_at_ms = @registered_at_ms, due_at = @due_at, due_at_ms = @due_at_ms, next_timer_at = @next_timer_at,
          next_timer_at_ms = @next_timer_at_ms, snapshot = @snapshot, rev = @new_rev, created_at = @created_at,
          created_at_ms = @created_at_ms, updated_at = @updated_at, summary = @summary, applicant_code = @applicant_code,
          search_name = @search_name, search_object = @search_object, number_seq = COALESCE(number_seq, @number_seq),
          assignee_id = @assignee_id
        WHERE id = @id AND rev = @expected_rev`);
    this.getOne = db.prepare('SELECT * FROM applications WHERE id = ?');
    this.insertEvent =
      db.prepare(`INSERT INTO events (application_id, seq, type, actor, user_id, at, at_ms, data, from_state, to_state)
        VALUES (@application_id, @seq, @type, @actor, @user_id, @at, @at_ms, @data, @from_state, @to_state)`);
    this.eventsOf = db.prepare('SELECT * FROM events WHERE application_id = ? ORDER BY seq');
    // A document issued again (same id and language) replaces the earlier rendering; the audit keeps the history.
    this.upsertDocument =
      db.prepare(`INSERT INTO documents (application_id, document_id, lang, title, kind, html, issued_at, number, seal, pdf_sha256)
        VALUES (@application_id, @document_id, @lang, @title, @kind, @html, @issued_at, @number, @seal, @pdf_sha256)
        ON CONFLICT (application_id, document_id, lang) DO UPDATE SET title = excluded.title, kind = excluded.kind,
          html = excluded.html, issued_at = excluded.issued_at, number = excluded.number, seal = excluded.seal,
          pdf_sha256 = excluded.pdf_sha256`);
    this.byNumber = db.prepare('SELECT * FROM documents WHERE number = ? ORDER BY lang');
    this.putSha = db.prepare(
      `UPDATE documents SET pdf_sha256 = COALESCE(pdf_sha256, @sha) WHERE application_id = @application_id
        AND document_id = @document_id AND lang = @lang RETURNING pdf_sha256`,
    );
    this.advance = db.prepare(
      `INSERT INTO counters (series, value) VALUES (?, 1)
       ON CONFLICT (series) DO UPDATE SET value = value + 1 RETURNING value`,
    );
    this.getOneDocument = db.prepare(
      'SELECT * FROM documents WHERE application_id = ? AND document_id = ? AND lang = ?',
    );
    this.documentsOf = db.prepare('SELECT * FROM documents WHERE application_id = ? ORDER BY document_id, lang');
    const insertMany = db.transaction((apps: StoredApplication[]) => {
      for (const app of apps) this.insert.run(applicationParams(app));
    });
    this.insertMany = (apps) => insertMany.immediate(apps);
    this.inbox = new SqliteInbox(db);
  }

  insertApplication(
    app: StoredApplication,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
    deliveries: WebhookDelivery[] = [],
  ): Promise<void> {
    return this.connection.write(() => {
      this.insert.run(applicationParams(app));
      this.writeParts(events, documents, audit);
      this.webhooks.insertInTransaction(deliveries);
    });
  }

  /**
   * The counter row (shared with SqliteCounters: the same table, so the same series) is advanced in the same
   * savepoint as the insert: the write lock (across processes on one file too) makes the number and the insert one
   * step, and a failing insert or build rolls the counter back with it, so the series has no gaps.
   */
  insertNumberedApplication(series: string, build: (sequence: number) => NewApplication): Promise<NewApplication> {
    return this.connection.write(() => {
      const sequence = (this.advance.get(series) as { value: number }).value;
      const made = build(sequence);
      this.insert.run(applicationParams(made.app));
      this.writeParts(made.events, made.documents, made.audit);
      this.webhooks.insertInTransaction(made.deliveries ?? []);
      return made;
    });
  }

  findDocumentsByNumber(number: string): Promise<StoredDocument[]> {
    return this.connection.run(() => (this.byNumber.all(number) as Row[]).map(documentFromRow));
  }

  setDocumentSha256(applicationId: string, documentId: string, lang: 'kk' | 'ru', sha256: string): Promise<string> {
    return this.connection.write(() => {
      const row = this.putSha.get({ application_id: applicationId, document_id: documentId, lang, sha: sha256 }) as
        { pdf_sha256: string } | undefined;
      return row?.pdf_sha256 ?? sha256;
    });
  }

  getApplication(id: string): Promise<StoredApplication | undefined> {
    return this.connection.run(() => {
      const row = this.getOne.get(id) as ApplicationRow | undefined;
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
    deliveries: WebhookDelivery[] = [],
  ): Promise<boolean> {
    return this.connection.write(() => {
      const params = { ...applicationParams(app), new_rev: expectedRev + 1, expected_rev: expectedRev };
      if (this.update.run(params).changes === 0) return false;
      this.writeParts(events, documents, audit);
      this.webhooks.insertInTransaction(deliveries);
      return true;
    });
  }

  listApplications(query: ApplicationQuery): Promise<ApplicationPage> {
    return this.connection.run(() => this.inbox.list(query));
  }

  listEvents(applicationId: string): Promise<StoredEvent[]> {
    return this.connection.run(() => (this.eventsOf.all(applicationId) as Row[]).map(eventFromRow));
  }

  getDocument(applicationId: string, documentId: string, lang: 'kk' | 'ru'): Promise<StoredDocument | undefined> {
    return this.connection.run(() => {
      const r = this.getOneDocument.get(applicationId, documentId, lang) as Row | undefined;
      return r && documentFromRow(r);
    });
  }

  /** Inserts applications only (no events, documents or audit), all in one transaction: for seeding and benchmarks. */
  bulkInsertApplications(apps: StoredApplication[]): Promise<void> {
    return this.connection.write(() => this.insertMany(apps));
  }

  private writeParts(events: StoredEvent[], documents: StoredDocument[], audit: AuditEntry[]): void {
    for (const e of events) this.insertEvent.run(eventParams(e));
    for (const d of documents) this.upsertDocument.run(documentParams(d));
    for (const a of audit) this.audit.append(a);
  }

  readonly recordTables: [RecordTable<'application'>] = [
    {
      kind: 'application',
      table: 'applications',
      fromRow: (row) => ({
        kind: 'application',
        application: applicationFromRow(row as unknown as ApplicationRow),
        events: (this.eventsOf.all(row.id) as Row[]).map(eventFromRow),
        documents: (this.documentsOf.all(row.id) as Row[]).map(documentFromRow),
      }),
      write: ({ application, events, documents }) => {
        this.insert.run(applicationParams(application));
        this.writeParts(events, documents, []);
      },
    },
  ];
}
