import type Database from 'better-sqlite3';
import type { ThrottleCount, ThrottleStore } from '../Store';
import type { SqliteConnection } from './connection';

/**
 * Sliding-window counters: one row per hit, written under the write lock (also across processes on one file), so
 * every concurrent hit is counted. A row outlives its window by nothing: each hit sweeps the rows whose window ended.
 */
export class SqliteThrottle implements ThrottleStore {
  private readonly insert: Database.Statement;
  private readonly sweep: Database.Statement;
  private readonly count: Database.Statement;
  private readonly clear: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.insert = db.prepare('INSERT INTO throttle_hits (key, at_ms, expires_at_ms) VALUES (?, ?, ?)');
    this.sweep = db.prepare('DELETE FROM throttle_hits WHERE expires_at_ms <= ?');
    this.count = db.prepare(
      'SELECT count(*) AS n, min(at_ms) AS oldest FROM throttle_hits WHERE key = ? AND at_ms > ?',
    );
    this.clear = db.prepare('DELETE FROM throttle_hits WHERE key = ?');
  }

  throttleHit(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount> {
    return this.connection.write(() => {
      this.sweep.run(nowMs);
      this.insert.run(key, nowMs, nowMs + windowMs);
      return this.counted(key, windowMs, nowMs);
    });
  }

  throttlePeek(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount> {
    return this.connection.run(() => this.counted(key, windowMs, nowMs));
  }

  throttleReset(key: string): Promise<void> {
    return this.connection.write(() => {
      this.clear.run(key);
    });
  }

  private counted(key: string, windowMs: number, nowMs: number): ThrottleCount {
    const { n, oldest } = this.count.get(key, nowMs - windowMs) as { n: number; oldest: number | null };
    return { count: n, resetAt: oldest === null ? nowMs : oldest + windowMs };
  }
}
