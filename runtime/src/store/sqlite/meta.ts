import type Database from 'better-sqlite3';
import type { MetaStore } from '../Store';
import type { SqliteConnection } from './connection';
import type { RecordTable } from './portable';

/** Small key/value facts about the store (the calendar fingerprint, the definitions' generation mark). */
export class SqliteMeta implements MetaStore {
  private readonly selectValue: Database.Statement;
  private readonly upsertValue: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.selectValue = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.upsertValue = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  getMeta(key: string): Promise<string | undefined> {
    return this.connection.run(() => (this.selectValue.get(key) as { value: string } | undefined)?.value);
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.connection.write(() => {
      this.upsertValue.run(key, value);
    });
  }

  readonly recordTables: [RecordTable<'meta'>] = [
    {
      kind: 'meta',
      table: 'meta',
      fromRow: (row) => ({ kind: 'meta', key: row.key as string, value: row.value as string }),
      write: (record) => this.upsertValue.run(record.key, record.value),
    },
  ];
}
