import type { RuntimeContext } from '../runtimeContext';
import type { WebhookDelivery, WebhookSubscription } from '../store/Store';
import { parseAllowlist, WEBHOOK_ALLOW_ENV, type DestinationPolicy } from './destinations';
import { sender, type Send } from './send';
import { deliverOne } from './webhooks.service';

/**
 * The webhook deliveries' own loop, apart from the scheduler's timers: a dead receiver must never hold up a step's
 * deadline. Up to `concurrency` deliveries are in flight at once, at most `perTarget` to one host:port, each cut
 * after `timeoutMs`. A claimed delivery whose target is busy is put back a moment later, so a slow receiver's
 * backlog never takes the slots of the others.
 */
/** How soon a delivery put back because its target is busy is due again. */
const BUSY_TARGET_RETRY_MS = 1_000;

export interface DeliveryLoop {
  /** Claims what is due now and sends it; resolves when these sends are recorded. Returns how many were sent. */
  tick(): Promise<number>;
  /** Stops claiming and cuts the sends in flight (their leases run out and they are sent again later). */
  stop(): Promise<void>;
}

export interface DeliveryLoopOptions {
  intervalMs?: number;
  concurrency?: number;
  perTarget?: number;
  timeoutMs?: number;
  /** How long a claimed delivery stays with this instance: well past one attempt's timeout. */
  leaseMs?: number;
  /** Allowed destinations (default: QYZMET_WEBHOOK_ALLOW). */
  policy?: DestinationPolicy;
  /** How a delivery is POSTed (default: node:http(s) under the policy). */
  send?: Send;
}

export function startDeliveryLoop(ctx: RuntimeContext, options: DeliveryLoopOptions = {}): DeliveryLoop {
  const intervalMs = options.intervalMs ?? 1000;
  const concurrency = options.concurrency ?? 8;
  const perTarget = options.perTarget ?? 2;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const leaseMs = options.leaseMs ?? Math.max(60_000, timeoutMs * 4);
  const send = options.send ?? sender(options.policy ?? parseAllowlist(process.env[WEBHOOK_ALLOW_ENV]), timeoutMs);
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const perTargetCount = new Map<string, number>();
  let claiming: Promise<Array<Promise<void>>> | null = null;

  const targetOf = (sub: WebhookSubscription | undefined) => {
    if (!sub) return '';
    try {
      return new URL(sub.url).host;
    } catch {
      return sub.url;
    }
  };

  const start = (d: WebhookDelivery, sub: WebhookSubscription | undefined, target: string) => {
    perTargetCount.set(target, (perTargetCount.get(target) ?? 0) + 1);
    const sending: Promise<void> = deliverOne(ctx, d, sub, send, stopping.signal)
      .catch((e) => ctx.log(`webhooks: delivery ${d.id}: ${(e as Error).message}`))
      .finally(() => {
        inFlight.delete(sending);
        const left = (perTargetCount.get(target) ?? 1) - 1;
        if (left > 0) perTargetCount.set(target, left);
        else perTargetCount.delete(target);
      });
    inFlight.add(sending);
    return sending;
  };

  /** Claims up to the free slots; what a busy target sends back frees its slots for another claim (a few rounds). */
  const claimAndStart = async (): Promise<Array<Promise<void>>> => {
    const started: Array<Promise<void>> = [];
    for (let round = 0; round < 4; round++) {
      const free = concurrency - inFlight.size;
      if (free <= 0 || stopping.signal.aborted) break;
      const now = ctx.now();
      const due = await ctx.store.claimDueDeliveries(now.toISOString(), ctx.instanceId, leaseMs, free);
      if (due.length === 0) break;
      const subs = new Map((await ctx.store.listSubscriptions()).map((s) => [s.id, s]));
      let putBack = 0;
      for (const d of due) {
        const sub = subs.get(d.subscriptionId);
        const target = targetOf(sub);
        if (sub && (perTargetCount.get(target) ?? 0) >= perTarget) {
          // Its target is busy: back to the queue, due again shortly, its attempts untouched.
          const later = new Date(now.getTime() + BUSY_TARGET_RETRY_MS).toISOString();
          await ctx.store.updateDelivery({ ...d, nextAttemptAt: later });
          putBack++;
        } else started.push(start(d, sub, target));
      }
      if (putBack === 0) break;
    }
    return started;
  };

  /** One claim at a time; a tick that finds one under way waits for it. */
  const claimOnce = () => {
    claiming ??= claimAndStart().finally(() => {
      claiming = null;
    });
    return claiming;
  };

  const timer = setInterval(() => {
    claimOnce().catch((e) => ctx.log(`webhooks: ${(e as Error).message}`));
  }, intervalMs);
  timer.unref();

  return {
    async tick() {
      const started = await claimOnce();
      await Promise.all(started);
      return started.length;
    },
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await claiming?.catch(() => undefined);
      await Promise.all(inFlight);
    },
  };
}
