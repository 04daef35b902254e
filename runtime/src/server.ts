import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ApplicationsService } from './applications/applications.service';
import { recomputeAfterCalendarChange } from './applications/calendarChange';
import { beginDemoSeed, runDemoSeed } from './demo/demoSeed';
import { createApp } from './http/app';
import { createExpressServer } from './http/expressServer';
import type { RateLimits } from './http/rateLimits';
import { DefinitionsRegistry } from './registry/definitionsRegistry';
import { DefinitionsSync } from './registry/definitionsSync';
import { findDefinitionsRoot, loadRepository } from './registry/loadRepository';
import { createContext, type RuntimeContext } from './runtimeContext';
import { startScheduler, type Scheduler } from './scheduler/scheduler';
import { startDeliveryLoop, type DeliveryLoop } from './webhooks/deliveryLoop';
import { parseAllowlist, WEBHOOK_ALLOW_ENV } from './webhooks/destinations';
import { loginLimits } from './auth/loginThrottle';
import { sessionPolicy } from './auth/sessionPolicy';
import { describeStore, openStore } from './store/openStore';

export interface ServerOptions {
  port: number;
  /** The address to listen on: loopback (127.0.0.1) unless given; 0.0.0.0 for every interface. */
  host?: string;
  /** Simulations and submissions per minute (DEFAULT_RATE_LIMITS unless given). */
  rateLimits?: RateLimits;
  /** The proxies whose X-Forwarded-For names the client (QYZMET_TRUST_PROXY): a hop count or addresses/networks. */
  trustProxy?: string;
  dataDir: string;
  /** A MongoDB database instead of the embedded store in `dataDir` (MONGODB_URL). */
  mongodbUrl?: string;
  definitionsRoot?: string;
  demo: boolean;
  schedulerIntervalMs?: number;
  /** How long an instance holds a claimed timer (30 s): a dead instance's timers wait this long for another. */
  timerLeaseMs?: number;
  /** Webhook destinations allowed although loopback or private (QYZMET_WEBHOOK_ALLOW unless given). */
  webhookAllow?: string;
  /** How long a webhook receiver has to answer (5 s). */
  webhookTimeoutMs?: number;
  now?: () => Date;
  /** The built admin UI to serve at /admin (admin-ui/dist unless given; none when it has no index.html). */
  adminDir?: string;
}

export interface RunningServer {
  port: number;
  ctx: RuntimeContext;
  scheduler: Scheduler;
  deliveries: DeliveryLoop;
  close(): Promise<void>;
}

/** Starts the runtime: definitions compiled once, the store, the scheduler, the demo seed, the HTTP API. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // The operator's settings first: one given wrong stops the start before a store is opened or written.
  const webhookDestinations = parseAllowlist(options.webhookAllow ?? process.env[WEBHOOK_ALLOW_ENV]);
  const auth = { sessions: sessionPolicy(), logins: loginLimits() };
  const root = findDefinitionsRoot(options.definitionsRoot);
  const location = { dataDir: options.dataDir, mongodbUrl: options.mongodbUrl };
  const store = await openStore(location);
  // Before compiling: on an empty store the demo passwords are hashed on libuv's threads while the definitions compile.
  const demo = options.demo ? await beginDemoSeed(store, resolve(root, '..', 'seeds', 'demo.json')) : undefined;
  const repo = loadRepository(root);
  const ctx = createContext(repo, store, options.now ? { now: options.now } : {});
  ctx.webhookDestinations = webhookDestinations;
  if (store.kind !== 'sqlite') ctx.log(`store: ${describeStore(location)}`);
  for (const p of repo.problems.filter((x) => x.severity !== 'warning')) ctx.log(`definition problem: ${p.message}`);
  const applications = new ApplicationsService(ctx);
  const registry = new DefinitionsRegistry(ctx);
  // What was published through the admin API (acts, then versions) over the files; again whenever another instance
  // on the same store publishes.
  const sync = new DefinitionsSync(ctx);
  const applied = await sync.apply();
  if (applied.acts || applied.versions)
    ctx.log(`admin API: ${applied.acts} act(s) and ${applied.versions} version(s) published through it applied`);
  if (demo) {
    const seeded = await runDemoSeed(ctx, applications, demo);
    if (seeded.users) ctx.log(`demo seed: ${seeded.users} users, ${seeded.applications} sample applications`);
  }
  const recomputed = await recomputeAfterCalendarChange(ctx);
  if (recomputed.deadlines)
    ctx.log(
      `calendar changed: ${recomputed.deadlines} due instant(s) of ${recomputed.applications} open application(s) re-computed (see the audit trail)`,
    );
  const adminDir = options.adminDir ?? resolve(__dirname, '../../admin-ui/dist');
  const app = createApp(ctx, applications, registry, {
    adminDir: existsSync(join(adminDir, 'index.html')) ? adminDir : undefined,
    rateLimits: options.rateLimits,
    trustProxy: options.trustProxy,
    auth,
  });
  const scheduler = startScheduler(ctx, applications, options.schedulerIntervalMs ?? 1000, options.timerLeaseMs);
  const deliveries = startDeliveryLoop(ctx, {
    intervalMs: options.schedulerIntervalMs ?? 1000,
    timeoutMs: options.webhookTimeoutMs,
    policy: ctx.webhookDestinations,
  });
  let reloading = false;
  const poll = setInterval(() => {
    if (reloading) return;
    reloading = true;
    sync
      .refreshIfChanged()
      .catch((e) => ctx.log(`definitions: reload failed: ${(e as Error).message}`))
      .finally(() => (reloading = false));
  }, options.schedulerIntervalMs ?? 1000);
  poll.unref();
  const server: Server = await new Promise((ok, fail) => {
    const s = createExpressServer(app).listen(options.port, options.host ?? '127.0.0.1', () => ok(s));
    s.on('error', fail);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  applications.listeningOn(port);
  return {
    port,
    ctx,
    scheduler,
    deliveries,
    async close() {
      clearInterval(poll);
      await scheduler.stop();
      await deliveries.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      // Messages begun for changes already committed are written before the store closes.
      await applications.notifications.settled();
      await store.close();
    },
  };
}
