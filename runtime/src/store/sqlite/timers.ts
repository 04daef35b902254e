import type Database from 'better-sqlite3';
import type { TimersStore } from '../Store';
import type { SqliteConnection } from './connection';
import { leaseParams } from './rows';

/**
 * The scheduler's leases on applications with a due timer (the lease columns of the applications table). Leases are
 * taken and let go through the group commit: a write of its own would wait for another process's write lock asleep
 * on the main thread (measured under load: 2–9 ms, once a second), stopping every request of this one.
 */
export class SqliteTimers implements TimersStore {
  private readonly claim: Database.Statement;
  private readonly release: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.claim =
      db.prepare(`UPDATE applications SET lease_owner = @owner, lease_until = @until, lease_until_ms = @until_ms
        WHERE id IN (
          SELECT id FROM applications
          WHERE next_timer_at_ms <= @now_ms AND (lease_until_ms IS NULL OR lease_until_ms < @now_ms)
          ORDER BY next_timer_at_ms LIMIT @limit)
        RETURNING id, next_timer_at_ms`);
    this.release = db.prepare(
      'UPDATE applications SET lease_owner = NULL, lease_until = NULL, lease_until_ms = NULL WHERE id = ? AND lease_owner = ?',
    );
  }

  /**
   * One UPDATE … RETURNING: selecting and leasing are one statement under SQLite's write lock, so two processes
   * (or two calls) never lease the same row while its lease runs. Ids come back earliest timer first.
   */
  claimDueApplications(now: string, owner: string, leaseMs: number, limit: number): Promise<string[]> {
    return this.connection.write(() => {
      const rows = this.claim.all(leaseParams(now, owner, leaseMs, limit)) as Array<{
        id: string;
        next_timer_at_ms: number;
      }>;
      return rows
        .sort((a, b) => a.next_timer_at_ms - b.next_timer_at_ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((r) => r.id);
    });
  }

  /** Only the holder can release; a lease taken over after it expired stays with its new owner. */
  releaseLease(applicationId: string, owner: string): Promise<void> {
    return this.connection.write(() => {
      this.release.run(applicationId, owner);
    });
  }
}
