import type Database from 'better-sqlite3';
import { badCursor, prefixEnd } from '../auditPage';
import type { AuditEntry, AuditPageQuery, AuditStore } from '../Store';
import type { SqliteConnection } from './connection';
import type { RecordTable } from './portable';
import { auditFromRow, auditParams, type Row } from './rows';

/**
 * The audit trail. The table is append-only by its own triggers (migration 0001); `seq` (the rowid) is the order
 * of writing, which is also the order a store copy reads and writes it in.
 */
export class SqliteAudit implements AuditStore {
  private readonly insert: Database.Statement;
  private readonly listAll: Database.Statement;
  private readonly listBySubject: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.insert = db.prepare(
      'INSERT INTO audit (at, at_ms, user_id, action, subject, details) VALUES (@at, @at_ms, @user_id, @action, @subject, @details)',
    );
    this.listAll = db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?');
    this.listBySubject = db.prepare('SELECT * FROM audit WHERE subject = ? ORDER BY seq DESC LIMIT ?');
  }

  /** Writes one line inside the caller's transaction (an application's write carries its own audit lines). */
  append(entry: AuditEntry): void {
    this.insert.run(auditParams(entry));
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.connection.write(() => this.append(entry));
  }

  /** Newest first (order of writing). */
  listAudit(subject: string | null, limit: number): Promise<AuditEntry[]> {
    return this.connection.run(() => {
      const rows = (subject === null ? this.listAll.all(limit) : this.listBySubject.all(subject, limit)) as Row[];
      return rows.map(auditFromRow);
    });
  }

  /** Newest first, `limit` at a time; the cursor is the seq of the page's last line. */
  pageAudit(query: AuditPageQuery): Promise<{ items: AuditEntry[]; next: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.subject !== undefined) {
      where.push('subject = ?');
      params.push(query.subject);
    }
    if (query.subjectPrefixes) {
      where.push(`(${query.subjectPrefixes.map(() => '(subject >= ? AND subject < ?)').join(' OR ') || '0'})`);
      for (const p of query.subjectPrefixes) params.push(p, prefixEnd(p));
    }
    if (query.cursor !== undefined) {
      if (!/^[1-9]\d{0,15}$/.test(query.cursor)) return Promise.reject(badCursor(query.cursor));
      where.push('seq < ?');
      params.push(Number(query.cursor));
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return this.connection.run(() => {
      // One more than asked tells whether there is a next page.
      const rows = this.connection.db.prepare(sql).all(...params, query.limit + 1) as Row[];
      const page = rows.slice(0, query.limit);
      return {
        items: page.map(auditFromRow),
        next: rows.length > query.limit ? String(page[page.length - 1].seq) : null,
      };
    });
  }

  readonly recordTables: Array<RecordTable<'audit'>> = [
    {
      kind: 'audit',
      table: 'audit',
      fromRow: (row) => ({ kind: 'audit', entry: auditFromRow(row) }),
      write: (record) => this.append(record.entry),
    },
  ];
}
