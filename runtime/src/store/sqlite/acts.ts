import type Database from 'better-sqlite3';
import type { ActsStore, StoredAct } from '../Store';
import type { SqliteConnection } from './connection';
import type { RecordTable } from './portable';
import { actFromRow, actParams, type Row } from './rows';

/** Acts registered or amended through the admin API (those of the files are not stored). */
export class SqliteActs implements ActsStore {
  private readonly upsert: Database.Statement;
  private readonly listAll: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.upsert = db.prepare(`INSERT INTO acts (id, act, created_by, created_at, updated_at)
        VALUES (@id, @act, @created_by, @created_at, @updated_at)
        ON CONFLICT (id) DO UPDATE SET act = excluded.act, updated_at = excluded.updated_at`);
    this.listAll = db.prepare('SELECT * FROM acts ORDER BY id');
  }

  /** Insert or replace by id; the first registration's author and date are kept. */
  saveAct(act: StoredAct): Promise<void> {
    return this.connection.write(() => {
      this.upsert.run(actParams(act));
    });
  }

  listActs(): Promise<StoredAct[]> {
    return this.connection.run(() => (this.listAll.all() as Row[]).map(actFromRow));
  }

  readonly recordTables: [RecordTable<'act'>] = [
    {
      kind: 'act',
      table: 'acts',
      fromRow: (row) => ({ kind: 'act', act: actFromRow(row) }),
      write: (record) => this.upsert.run(actParams(record.act)),
    },
  ];
}
