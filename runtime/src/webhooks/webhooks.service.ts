import { createHmac } from 'node:crypto';
import type { RuntimeContext } from '../runtimeContext';
import type { StoredApplication, WebhookDelivery, WebhookSubscription } from '../store/Store';
import type { Send, SendOutcome } from './send';

/**
 * Webhooks: subscriptions per service or provider get a signed delivery of every status change. A delivery is
 * POSTed as JSON with `X-Qyzmet-Signature: sha256=<HMAC-SHA256 of the body with the subscription's secret>`;
 * failures are retried with exponential backoff (30 s, 1 min, 2 min … capped at 1 h) up to MAX_ATTEMPTS, and every
 * attempt is kept in the delivery log.
 */

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function statusChangeDeliveries(
  subs: WebhookSubscription[],
  now: StoredApplication,
  before: StoredApplication | null,
  ctx: RuntimeContext,
): WebhookDelivery[] {
  const at = ctx.now().toISOString();
  return subs
    .filter(
      (s) =>
        s.active && (!s.serviceId || s.serviceId === now.serviceId) && (!s.provider || s.provider === now.provider),
    )
    .map((s) => ({
      // One delivery per subscription and revision of the application: enqueueing it again (a retry) is a no-op.
      id: `${s.id}:${now.id}:${now.rev}`,
      subscriptionId: s.id,
      event: before ? 'application.status-changed' : 'application.created',
      payload: {
        event: before ? 'application.status-changed' : 'application.created',
        applicationId: now.id,
        serviceId: now.serviceId,
        version: now.version,
        provider: now.provider,
        status: now.status,
        state: now.state,
        previousStatus: before?.status ?? null,
        previousState: before?.state ?? null,
        at: now.updatedAt,
      },
      attempts: 0,
      nextAttemptAt: at,
      status: 'pending' as const,
      lastError: null,
      lastStatus: null,
      createdAt: at,
      deliveredAt: null,
    }));
}

/**
 * One attempt at a claimed delivery and its outcome recorded (which ends the lease): delivered, retried later with
 * backoff, or failed for good after MAX_ATTEMPTS or when its subscription is gone. An attempt cut short by the
 * runtime stopping is not recorded: the lease runs out and the delivery is sent again (receivers dedupe by
 * `X-Qyzmet-Delivery`).
 */
export async function deliverOne(
  ctx: RuntimeContext,
  d: WebhookDelivery,
  sub: WebhookSubscription | undefined,
  send: Send,
  stop: AbortSignal,
): Promise<void> {
  const body = JSON.stringify(d.payload);
  const outcome: SendOutcome = sub
    ? await send(
        sub.url,
        {
          'content-type': 'application/json',
          'x-qyzmet-event': d.event,
          'x-qyzmet-delivery': d.id,
          'x-qyzmet-signature': signature(sub.secret, body),
        },
        body,
        stop,
      )
    : { ok: false, status: null, error: 'the subscription no longer exists' };
  if (stop.aborted) return;
  const attempts = d.attempts + 1;
  const done = outcome.ok || attempts >= MAX_ATTEMPTS || !sub;
  await ctx.store.updateDelivery({
    ...d,
    attempts,
    lastStatus: outcome.status,
    lastError: outcome.ok ? null : outcome.error,
    status: outcome.ok ? 'delivered' : done ? 'failed' : 'pending',
    deliveredAt: outcome.ok ? ctx.now().toISOString() : null,
    nextAttemptAt: done ? null : new Date(ctx.now().getTime() + backoffMs(attempts)).toISOString(),
  });
}
