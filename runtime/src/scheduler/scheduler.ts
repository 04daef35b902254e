import type { ApplicationsService } from '../applications/applications.service';
import type { RuntimeContext } from '../runtimeContext';

/**
 * The scheduler: timers live in the store (each application's next due instant), not in memory, so a restart
 * loses none. Every tick an instance leases the due applications (so several instances never fire the same timer),
 * fires their timers through the engine, and releases the lease. Webhook deliveries have their own loop
 * (webhooks/deliveryLoop.ts), so a slow receiver never delays a timer.
 */
export interface Scheduler {
  tick(): Promise<{ fired: number }>;
  stop(): Promise<void>;
}

/**
 * `leaseMs` is how long a claimed timer stays with this instance: if the instance dies holding it, another fires it
 * once the lease has expired, so it must outlast one batch of firings.
 */
export function startScheduler(
  ctx: RuntimeContext,
  applications: ApplicationsService,
  intervalMs = 1000,
  leaseMs = 30_000,
): Scheduler {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = async () => {
    let fired = 0;
    const ids = await ctx.store.claimDueApplications(ctx.now().toISOString(), ctx.instanceId, leaseMs, 50);
    for (const id of ids) {
      try {
        if (await applications.fireTimers(id)) fired++;
      } catch (e) {
        ctx.log(`scheduler: timers of application ${id} failed: ${(e as Error).message}`);
      } finally {
        await ctx.store.releaseLease(id, ctx.instanceId);
      }
    }
    return { fired };
  };
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick()
      .catch((e) => ctx.log(`scheduler: ${(e as Error).message}`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
