import type Database from 'better-sqlite3';
import type { CountersStore } from '../Store';
import type { SqliteConnection } from './connection';
import type { RecordTable } from './portable';

/**
 * Numbered series: one row per series with its last number, advanced by one statement under the write lock (also
 * across processes on one file), in the group commit, so a number is durable before anyone is told it.
 */
export class SqliteCounters implements CountersStore {
  private readonly advance: Database.Statement;
  private readonly put: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.advance = db.prepare(
      `INSERT INTO counters (series, value) VALUES (?, 1)
       ON CONFLICT (series) DO UPDATE SET value = value + 1 RETURNING value`,
    );
    this.put = db.prepare('INSERT INTO counters (series, value) VALUES (?, ?)');
  }

  nextNumber(series: string): Promise<number> {
    return this.connection.write(() => (this.advance.get(series) as { value: number }).value);
  }

  readonly recordTables: [RecordTable<'counter'>] = [
    {
      kind: 'counter',
      table: 'counters',
      fromRow: (row) => ({ kind: 'counter', series: row.series as string, value: row.value as number }),
      write: (record) => this.put.run(record.series, record.value),
    },
  ];
}
