import type Database from 'better-sqlite3';
import { domainError } from '@qyzmet/engine';
import {
  refuseUnlessEmpty,
  zeroRecordCounts,
  type PortableStore,
  type StoreRecord,
  type StoreRecordKind,
} from '../Store';
import type { SqliteConnection } from './connection';
import type { Row } from './rows';

export type RecordOf<K extends StoreRecordKind> = Extract<StoreRecord, { kind: K }>;

/**
 * What a store copy needs of one kind of record, declared by the aggregate that owns its table (so the copy writes
 * through the aggregate's own statements): the table with one row per record, and the record both ways.
 */
export interface RecordTable<K extends StoreRecordKind> {
  readonly kind: K;
  /** One row per record; counted, and read page by page in rowid order, which is the order of writing. */
  readonly table: string;
  /** The record of one row, with what else belongs to it (an application's events and documents). */
  fromRow(row: Row): RecordOf<K>;
  /** Writes one record inside the caller's transaction; leases start free. */
  write(record: RecordOf<K>): void;
}

export type AnyRecordTable = { [K in StoreRecordKind]: RecordTable<K> }[StoreRecordKind];

/** Rows read per query when exporting: no statement stays open while the consumer awaits between records. */
const EXPORT_PAGE = 500;

/** Records written per transaction when importing: one fsync amortised over many, memory bounded. */
const IMPORT_BATCH = 500;

/**
 * `qyzmet store copy` on the embedded store. Export reads the tables in the order given (parents first: users before
 * their sessions, subscriptions before their deliveries), each in rowid order, so audit lines come out as written.
 * Leases are not copied: a copy is made with the runtime stopped.
 */
export class SqlitePortable implements PortableStore {
  private readonly tables: ReadonlyMap<StoreRecordKind, AnyRecordTable>;
  private readonly pages = new Map<string, Database.Statement>();
  private readonly counts = new Map<string, Database.Statement>();

  constructor(
    private readonly connection: SqliteConnection,
    tables: readonly AnyRecordTable[],
  ) {
    this.tables = new Map(tables.map((t) => [t.kind, t]));
    for (const { table } of tables) {
      // Table names come from the aggregates' code, never from a caller.
      this.pages.set(
        table,
        connection.db.prepare(`SELECT rowid AS copy_rowid, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`),
      );
      this.counts.set(table, connection.db.prepare(`SELECT count(*) AS n FROM ${table}`));
    }
  }

  async *exportRecords(): AsyncIterable<StoreRecord> {
    for (const t of this.tables.values()) {
      const page = this.pages.get(t.table)!;
      let after = 0;
      for (;;) {
        const records = await this.connection.run(() => {
          const rows = page.all(after, EXPORT_PAGE) as Row[];
          if (rows.length > 0) after = rows[rows.length - 1].copy_rowid as number;
          return rows.map((row) => t.fromRow(row));
        });
        yield* records;
        if (records.length < EXPORT_PAGE) break;
      }
    }
  }

  /**
   * Writes into an empty store: a store that already holds records is refused, since a copy merged into other data
   * could not be checked by its counts. Foreign keys are checked once at the end rather than row by row, so another
   * adapter may hand records over in any order (a session before its user).
   */
  async importRecords(records: AsyncIterable<StoreRecord>): Promise<Record<StoreRecordKind, number>> {
    refuseUnlessEmpty(await this.countRecords());
    const written = zeroRecordCounts();
    const { db } = this.connection;
    // Outside any transaction (SQLite ignores this pragma inside one): the batches below are awaited one by one.
    db.pragma('foreign_keys = OFF');
    try {
      let batch: StoreRecord[] = [];
      for await (const record of records) {
        batch.push(record);
        if (batch.length >= IMPORT_BATCH) {
          await this.writeBatch(batch, written);
          batch = [];
        }
      }
      await this.writeBatch(batch, written);
      this.checkReferences();
    } finally {
      db.pragma('foreign_keys = ON');
    }
    return written;
  }

  countRecords(): Promise<Record<StoreRecordKind, number>> {
    return this.connection.run(() => {
      const counts = zeroRecordCounts();
      for (const t of this.tables.values()) counts[t.kind] = (this.counts.get(t.table)!.get() as { n: number }).n;
      return counts;
    });
  }

  private async writeBatch(batch: StoreRecord[], written: Record<StoreRecordKind, number>): Promise<void> {
    if (batch.length === 0) return;
    await this.connection.write(() => {
      for (const record of batch) {
        const table = this.tables.get(record.kind);
        if (!table)
          throw domainError('internal', 'store.unknown-record', `no table holds records of kind "${record.kind}"`, {
            params: { kind: record.kind },
          });
        // The map is keyed by kind, so this table's record type is the record's.
        (table as RecordTable<StoreRecordKind>).write(record);
      }
    });
    for (const record of batch) written[record.kind] += 1;
  }

  /** A record that names a parent the copy did not bring (a session of an unknown user) makes the copy unusable. */
  private checkReferences(): void {
    const dangling = this.connection.db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
    if (dangling.length === 0) return;
    const byTable = dangling.map((d) => `${d.table} → ${d.parent}`);
    throw domainError(
      'user',
      'store.dangling-reference',
      `the copied records name ${dangling.length} parent record(s) the copy did not contain (${[...new Set(byTable)].join(', ')})`,
      { params: { count: dangling.length, tables: [...new Set(byTable)] } },
    );
  }
}
