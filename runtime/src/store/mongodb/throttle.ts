import { randomUUID } from 'node:crypto';
import type { ThrottleCount, ThrottleStore } from '../Store';
import { guarded, type Collections } from './connection';

/** Expired hits are swept at most this often per store instance (queries ignore them anyway). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Sliding-window counters: one document per hit, each inserted under its own new id, then counted. An insert is
 * atomic on MongoDB and on FerretDB alike, where a conditional `$inc` on one counter document is not on FerretDB 1.x
 * (see locks.ts), so hits from several instances at once are all counted.
 */
export class MongoThrottle implements ThrottleStore {
  private sweptAt = -Infinity;

  constructor(private readonly c: Collections) {}

  throttleHit(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount> {
    return guarded(async () => {
      await this.c.throttle.insertOne({ _id: randomUUID(), key, atMs: nowMs, expiresAtMs: nowMs + windowMs });
      if (nowMs - this.sweptAt >= SWEEP_EVERY_MS) {
        this.sweptAt = nowMs;
        await this.c.throttle.deleteMany({ expiresAtMs: { $lte: nowMs } });
      }
      return this.counted(key, windowMs, nowMs);
    });
  }

  throttlePeek(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount> {
    return guarded(() => this.counted(key, windowMs, nowMs));
  }

  throttleReset(key: string): Promise<void> {
    return guarded(async () => {
      await this.c.throttle.deleteMany({ key });
    });
  }

  private async counted(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount> {
    const inWindow = { key, atMs: { $gt: nowMs - windowMs } };
    const [count, oldest] = await Promise.all([
      this.c.throttle.countDocuments(inWindow),
      this.c.throttle.find(inWindow).sort({ atMs: 1 }).limit(1).next(),
    ]);
    return { count, resetAt: oldest ? (oldest.atMs as number) + windowMs : nowMs };
  }
}
