import { toMs } from '../instants';
import type { TimersStore } from '../Store';
import type { MongoApplications } from './applications';
import { guarded, type Collections } from './connection';
import { tryLock, unlockIfHeld } from './locks';

/** How often claims also copy audit lines that a crashed writer left in an application's outbox. */
const STRANDED_AUDIT_EVERY_MS = 30_000;

/**
 * Timer leases are locks (locks.ts) on "timer:<application id>": of several instances claiming at once each
 * application goes to exactly one, whether the server is MongoDB or FerretDB. The application document keeps a copy
 * of the lease's expiry (`leaseUntilMs`) only so that a claim skips leased applications without asking each lock.
 */
export class MongoTimers implements TimersStore {
  private lastStrandedSweep = 0;

  constructor(
    private readonly c: Collections,
    private readonly applications: MongoApplications,
  ) {}

  claimDueApplications(now: string, owner: string, leaseMs: number, limit: number): Promise<string[]> {
    return guarded(async () => {
      const nowMs = toMs(now, 'now');
      await this.sweepStrandedAudit();
      // Due applications earliest first; those another instance locks meanwhile are passed over, so the walk goes on
      // until `limit` are leased or none is left.
      const candidates = this.c.applications
        .find({
          hasTimer: true,
          nextTimerAtMs: { $lte: nowMs },
          $or: [{ leaseUntilMs: null }, { leaseUntilMs: { $lt: nowMs } }],
        })
        .project<{ _id: string }>({ _id: 1 })
        .sort({ nextTimerAtMs: 1, _id: 1 })
        .batchSize(Math.max(limit * 2, 10));
      const ids: string[] = [];
      try {
        for await (const { _id } of candidates) {
          if (!(await tryLock(this.c, timerSubject(_id), owner, nowMs, leaseMs))) continue;
          await this.c.applications.updateOne({ _id }, { $set: { leaseOwner: owner, leaseUntilMs: nowMs + leaseMs } });
          ids.push(_id);
          if (ids.length >= limit) break;
        }
      } finally {
        await candidates.close();
      }
      return ids;
    });
  }

  /** Only the holder can release; a lease taken over after it expired stays with its new owner. */
  releaseLease(applicationId: string, owner: string): Promise<void> {
    return guarded(async () => {
      await unlockIfHeld(this.c, timerSubject(applicationId), owner);
      await this.c.applications.updateOne(
        { _id: applicationId, leaseOwner: owner },
        { $set: { leaseOwner: null, leaseUntilMs: null } },
      );
    });
  }

  /** The scheduler claims every second or so: at most every 30 s it also copies stranded audit lines. */
  private async sweepStrandedAudit(): Promise<void> {
    const now = Date.now();
    if (now - this.lastStrandedSweep < STRANDED_AUDIT_EVERY_MS) return;
    this.lastStrandedSweep = now;
    await this.applications.flushStrandedAudit(STRANDED_AUDIT_EVERY_MS);
  }
}

function timerSubject(applicationId: string): string {
  return `timer:${applicationId}`;
}
