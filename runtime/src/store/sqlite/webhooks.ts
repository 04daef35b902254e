import type Database from 'better-sqlite3';
import type { WebhookDelivery, WebhookSubscription, WebhooksStore } from '../Store';
import type { SqliteConnection } from './connection';
import type { RecordTable } from './portable';
import {
  deliveryFromRow,
  deliveryParams,
  subscriptionFromRow,
  subscriptionParams,
  leaseParams,
  type Row,
} from './rows';

/** Webhook subscriptions and their delivery outbox, leased like timers (through the group commit, see timers.ts). */
export class SqliteWebhooks implements WebhooksStore {
  private readonly insertSubscription: Database.Statement;
  private readonly listAllSubscriptions: Database.Statement;
  private readonly insertDelivery: Database.Statement;
  private readonly claim: Database.Statement;
  private readonly update: Database.Statement;
  private readonly listBySubscription: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.insertSubscription =
      db.prepare(`INSERT INTO webhook_subscriptions (id, url, secret, service_id, provider, created_by, created_at, created_at_ms, active)
        VALUES (@id, @url, @secret, @service_id, @provider, @created_by, @created_at, @created_at_ms, @active)`);
    this.listAllSubscriptions = db.prepare('SELECT * FROM webhook_subscriptions ORDER BY created_at_ms, id');
    // Delivery ids are deterministic (subscription:application:rev): an id already stored is the same notification,
    // enqueued again by a retried write, and is not written twice. ON CONFLICT (id), not INSERT OR IGNORE, so that a
    // broken row (a CHECK or NOT NULL failure) still fails loudly.
    this.insertDelivery =
      db.prepare(`INSERT INTO webhook_deliveries (id, subscription_id, event, payload, attempts, next_attempt_at, next_attempt_at_ms,
          status, last_error, last_status, created_at, created_at_ms, delivered_at)
        VALUES (@id, @subscription_id, @event, @payload, @attempts, @next_attempt_at, @next_attempt_at_ms,
          @status, @last_error, @last_status, @created_at, @created_at_ms, @delivered_at)
        ON CONFLICT (id) DO NOTHING`);
    this.claim =
      db.prepare(`UPDATE webhook_deliveries SET lease_owner = @owner, lease_until = @until, lease_until_ms = @until_ms
        WHERE id IN (
          SELECT id FROM webhook_deliveries
          WHERE status = 'pending' AND next_attempt_at_ms <= @now_ms AND (lease_until_ms IS NULL OR lease_until_ms < @now_ms)
          ORDER BY next_attempt_at_ms LIMIT @limit)
        RETURNING *`);
    // Recording the outcome of an attempt ends the lease: the next attempt is claimed afresh at nextAttemptAt.
    this.update =
      db.prepare(`UPDATE webhook_deliveries SET subscription_id = @subscription_id, event = @event, payload = @payload,
          attempts = @attempts, next_attempt_at = @next_attempt_at, next_attempt_at_ms = @next_attempt_at_ms, status = @status,
          last_error = @last_error, last_status = @last_status, created_at = @created_at, created_at_ms = @created_at_ms,
          delivered_at = @delivered_at, lease_owner = NULL, lease_until = NULL, lease_until_ms = NULL
        WHERE id = @id`);
    this.listBySubscription = db.prepare(
      'SELECT * FROM webhook_deliveries WHERE subscription_id = ? ORDER BY created_at_ms DESC, rowid DESC LIMIT ?',
    );
  }

  createSubscription(sub: WebhookSubscription): Promise<void> {
    return this.connection.write(() => {
      this.insertSubscription.run(subscriptionParams(sub));
    });
  }

  listSubscriptions(): Promise<WebhookSubscription[]> {
    return this.connection.run(() => (this.listAllSubscriptions.all() as Row[]).map(subscriptionFromRow));
  }

  /** All or nothing, through the group commit. */
  enqueueDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    return this.connection.write(() => this.insertInTransaction(deliveries));
  }

  /** Inside the caller's transaction: the outbox rows of an application write commit with it (applications.ts). */
  insertInTransaction(deliveries: WebhookDelivery[]): void {
    for (const d of deliveries) this.insertDelivery.run(deliveryParams(d));
  }

  /**
   * Pending deliveries whose next attempt is due (a pending delivery without nextAttemptAt is due at once) and whose
   * lease is free or expired, earliest first, leased to `owner`. updateDelivery ends the lease.
   */
  claimDueDeliveries(now: string, owner: string, leaseMs: number, limit: number): Promise<WebhookDelivery[]> {
    return this.connection.write(() => {
      const rows = this.claim.all(leaseParams(now, owner, leaseMs, limit)) as Row[];
      rows.sort(
        (a, b) =>
          (a.next_attempt_at_ms as number) - (b.next_attempt_at_ms as number) ||
          (a.created_at_ms as number) - (b.created_at_ms as number),
      );
      return rows.map(deliveryFromRow);
    });
  }

  updateDelivery(d: WebhookDelivery): Promise<void> {
    return this.connection.write(() => {
      this.update.run(deliveryParams(d));
    });
  }

  /** Newest first. */
  listDeliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]> {
    return this.connection.run(() =>
      (this.listBySubscription.all(subscriptionId, limit) as Row[]).map(deliveryFromRow),
    );
  }

  readonly recordTables: [RecordTable<'subscription'>, RecordTable<'delivery'>] = [
    {
      kind: 'subscription',
      table: 'webhook_subscriptions',
      fromRow: (row) => ({ kind: 'subscription', subscription: subscriptionFromRow(row) }),
      write: (record) => this.insertSubscription.run(subscriptionParams(record.subscription)),
    },
    {
      kind: 'delivery',
      table: 'webhook_deliveries',
      fromRow: (row) => ({ kind: 'delivery', delivery: deliveryFromRow(row) }),
      write: (record) => this.insertDelivery.run(deliveryParams(record.delivery)),
    },
  ];
}
