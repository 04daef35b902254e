import type { Document } from 'mongodb';
import { toMs } from '../instants';
import type { WebhookDelivery, WebhooksStore, WebhookSubscription } from '../Store';
import { insertIgnoringDuplicates } from './audit';
import { guarded, type Collections, type Row } from './connection';
import { tryLock, unlockIfHeld } from './locks';

/** How often claims also copy deliveries that a crashed writer left in an application's outbox, and how old. */
const STRANDED_DELIVERIES_EVERY_MS = 10_000;

/**
 * Webhook subscriptions and the delivery outbox. A delivery's id is derived from its subscription, application and
 * revision, and enqueueing writes it only if absent: a retried enqueue cannot notify twice. Deliveries are leased
 * like timers (a lock on "delivery:<id>", locks.ts), so several instances never send one delivery at once; the
 * delivery keeps a copy of the lease's expiry so that claims skip leased ones without asking each lock.
 *
 * The deliveries an application change causes are written with it, in the application's document
 * (`pendingDeliveries`, applications.ts), then copied here by `flushDeliveryOutbox`; what a crash strands there is
 * copied by the claims (at most every 10 s), so a committed change is always notified.
 */
export class MongoWebhooks implements WebhooksStore {
  private lastStrandedSweep = 0;

  constructor(private readonly c: Collections) {}

  createSubscription(s: WebhookSubscription): Promise<void> {
    return guarded(async () => {
      await this.c.subscriptions.insertOne(subscriptionDocument(s));
    });
  }

  /** Oldest first. */
  listSubscriptions(): Promise<WebhookSubscription[]> {
    return guarded(async () => {
      const docs = await this.c.subscriptions.find({}).sort({ createdAtMs: 1, _id: 1 }).toArray();
      return docs.map(subscriptionOf);
    });
  }

  enqueueDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    return guarded(async () => {
      if (deliveries.length === 0) return;
      await insertIgnoringDuplicates(this.c.deliveries, deliveries.map(deliveryDocument));
    });
  }

  claimDueDeliveries(now: string, owner: string, leaseMs: number, limit: number): Promise<WebhookDelivery[]> {
    return guarded(async () => {
      const nowMs = toMs(now, 'now');
      await this.sweepStrandedDeliveries();
      const candidates = this.c.deliveries
        .find({
          status: 'pending',
          nextAttemptAtMs: { $lte: nowMs },
          $or: [{ leaseUntilMs: null }, { leaseUntilMs: { $lt: nowMs } }],
        })
        .sort({ nextAttemptAtMs: 1, createdAtMs: 1, _id: 1 })
        .batchSize(Math.max(limit * 2, 10));
      const claimed: WebhookDelivery[] = [];
      try {
        for await (const d of candidates) {
          if (claimed.length >= limit) break;
          if (!(await tryLock(this.c, deliverySubject(d._id), owner, nowMs, leaseMs))) continue;
          await this.c.deliveries.updateOne(
            { _id: d._id },
            { $set: { leaseOwner: owner, leaseUntilMs: nowMs + leaseMs } },
          );
          claimed.push(deliveryOf(d));
        }
      } finally {
        await candidates.close();
      }
      return claimed;
    });
  }

  /** Recording the outcome of an attempt ends the lease: the next attempt is claimed afresh at nextAttemptAt. */
  updateDelivery(d: WebhookDelivery): Promise<void> {
    return guarded(async () => {
      const { _id, ...fields } = deliveryDocument(d);
      await this.c.deliveries.updateOne({ _id }, { $set: fields });
      await unlockIfHeld(this.c, deliverySubject(d.id), null);
    });
  }

  private async sweepStrandedDeliveries(): Promise<void> {
    const now = Date.now();
    if (now - this.lastStrandedSweep < STRANDED_DELIVERIES_EVERY_MS) return;
    this.lastStrandedSweep = now;
    await flushStrandedDeliveries(this.c, STRANDED_DELIVERIES_EVERY_MS);
  }

  /** Newest first. */
  listDeliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]> {
    return guarded(async () => {
      const docs = await this.c.deliveries
        .find({ subscriptionId })
        .sort({ createdAtMs: -1, _id: -1 })
        .limit(Math.max(0, limit))
        .toArray();
      return docs.map(deliveryOf);
    });
  }
}

export function subscriptionDocument({ id, ...rest }: WebhookSubscription): Row {
  return { _id: id, ...rest, createdAtMs: toMs(rest.createdAt, 'subscription.createdAt') };
}

/** The outbox entries of one application write, keyed "<rev>-<index>" (unique per application); ids stay as given. */
export function deliveryOutboxEntries(rev: number, deliveries: WebhookDelivery[]): Document {
  return Object.fromEntries(deliveries.map((d, i) => [`${rev}-${i}`, deliveryDocument(d)]));
}

/**
 * Copies an application's waiting deliveries (a crashed writer's too) into the deliveries, each only if its id is not
 * stored yet, then removes them from the outbox; the mark is cleared only if no later write has set it since.
 */
export async function flushDeliveryOutbox(
  c: Collections,
  applicationId: string,
  pending: Document,
  rev: number,
): Promise<void> {
  const keys = Object.keys(pending);
  if (keys.length > 0)
    await insertIgnoringDuplicates(
      c.deliveries,
      keys.map((k) => pending[k] as Row),
    );
  const unset: Document = Object.fromEntries(keys.map((k) => [`pendingDeliveries.${k}`, '']));
  const cleared = await c.applications.updateOne(
    { _id: applicationId as never, deliveriesPendingRev: rev },
    { $unset: { ...unset, deliveriesPendingRev: '', deliveriesPendingAtMs: '' } },
  );
  if (cleared.matchedCount === 0 && keys.length > 0)
    await c.applications.updateOne({ _id: applicationId as never }, { $unset: unset });
}

/** Copies the delivery outboxes a crashed writer left more than `olderThanMs` ago (at most `limit` applications). */
export async function flushStrandedDeliveries(c: Collections, olderThanMs: number, limit = 100): Promise<number> {
  const stranded = await c.applications
    .find({ deliveriesPendingAtMs: { $lte: Date.now() - olderThanMs } })
    .project({ pendingDeliveries: 1, deliveriesPendingRev: 1 })
    .limit(limit)
    .toArray();
  for (const d of stranded)
    await flushDeliveryOutbox(c, d._id as string, d.pendingDeliveries ?? {}, d.deliveriesPendingRev);
  return stranded.length;
}

function deliverySubject(id: string): string {
  return `delivery:${id}`;
}

/** A delivery as stored, its lease free; a pending delivery without nextAttemptAt is due at once. */
export function deliveryDocument(d: WebhookDelivery): Document & { _id: never } {
  const { id, payload, ...rest } = d;
  return {
    _id: id as never,
    ...rest,
    payloadJson: JSON.stringify(payload),
    nextAttemptAtMs: d.nextAttemptAt === null ? 0 : toMs(d.nextAttemptAt, 'nextAttemptAt'),
    createdAtMs: toMs(d.createdAt, 'delivery.createdAt'),
    leaseOwner: null,
    leaseUntilMs: null,
  };
}

export function deliveryOf(d: Document): WebhookDelivery {
  return {
    id: d._id as string,
    subscriptionId: d.subscriptionId,
    event: d.event,
    payload: JSON.parse(d.payloadJson),
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt ?? null,
    status: d.status,
    lastError: d.lastError ?? null,
    lastStatus: d.lastStatus ?? null,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt ?? null,
  };
}

export function subscriptionOf(d: Document): WebhookSubscription {
  return {
    id: d._id as string,
    url: d.url,
    secret: d.secret,
    serviceId: d.serviceId ?? null,
    provider: d.provider ?? null,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    active: d.active,
  };
}
