import { randomUUID } from 'node:crypto';
import type { Collections } from './connection';
import { isDuplicateKey } from './connection';

/**
 * Exclusive, expiring locks built on one primitive only: inserting a document whose `_id` is taken fails. MongoDB's
 * conditional updates (`updateOne({_id, rev})`, findOneAndUpdate) are atomic, but FerretDB 1.x runs them as a read
 * and then a write by `_id`, so two instances can both "win" one revision or one timer (the contract suite's
 * concurrency tests showed it: 4 of 4 concurrent updates from one rev succeeded). A unique key is atomic on both:
 * FerretDB maps `_id` to a PostgreSQL unique index.
 *
 * A lock on a subject is a chain of tokens `<subject>#1`, `#2`, …: the newest token tells who holds it and until when.
 * To take it, an instance inserts the next token; of several trying at once exactly one insert succeeds. A crashed
 * holder's token expires and the next one is taken past it; release marks the holder's own token, so a release after
 * a takeover touches nothing the new holder relies on. Older tokens are removed by the holder of a newer one.
 */

export interface Lock {
  subject: string;
  gen: number;
  owner: string;
}

/** A name for the locks of one store instance (one runtime process). */
export function newLockOwner(): string {
  return randomUUID();
}

/** Takes the lock if it is free, released or expired at `nowMs`; null when another holder has it. */
export async function tryLock(
  c: Collections,
  subject: string,
  owner: string,
  nowMs: number,
  ttlMs: number,
): Promise<Lock | null> {
  const latest = await c.locks.find({ subject }).sort({ gen: -1 }).limit(1).next();
  if (latest && !latest.released && (latest.untilMs as number) >= nowMs) return null;
  const gen = ((latest?.gen as number | undefined) ?? 0) + 1;
  try {
    await c.locks.insertOne({ _id: `${subject}#${gen}`, subject, gen, owner, untilMs: nowMs + ttlMs, released: false });
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
  if (gen > 1) void c.locks.deleteMany({ subject, gen: { $lt: gen } }).catch(() => undefined);
  return { subject, gen, owner };
}

/** Waits for the lock up to `waitMs` (writers to one application queue briefly rather than fail at once). */
export async function lock(
  c: Collections,
  subject: string,
  owner: string,
  ttlMs: number,
  waitMs: number,
): Promise<Lock | null> {
  const until = Date.now() + waitMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    const got = await tryLock(c, subject, owner, Date.now(), ttlMs);
    if (got || Date.now() >= until) return got;
    await new Promise((r) => setTimeout(r, pause));
  }
}

export async function unlock(c: Collections, held: Lock): Promise<void> {
  await c.locks.updateOne({ _id: `${held.subject}#${held.gen}` }, { $set: { released: true } });
}

/**
 * Releases the subject's newest token if `owner` holds it (a lease taken over since is left alone); with `owner`
 * null, whoever holds it (the holder itself recording the end of its work).
 */
export async function unlockIfHeld(c: Collections, subject: string, owner: string | null): Promise<void> {
  const latest = await c.locks.find({ subject }).sort({ gen: -1 }).limit(1).next();
  if (latest && (owner === null || latest.owner === owner) && !latest.released)
    await c.locks.updateOne({ _id: latest._id }, { $set: { released: true } });
}
