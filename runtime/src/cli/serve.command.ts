import type { Command } from 'commander';
import { isProblemError } from '@qyzmet/engine';
import { mayRunStartupWork, reportListening } from '../cluster/servePrimary';
import { ConfigError, positiveFromEnv } from '../config/environment';
import { rateLimitsFromEnv } from '../http/rateLimits';
import { startServer, type RunningServer } from '../server';
import { storeLocationFromEnv } from '../store/openStore';

/**
 * `qyzmet serve` (= `npm start`): the HTTP runtime. Configuration by environment: PORT (3000), HOST (127.0.0.1, the
 * address to listen on: 0.0.0.0 for every interface), QYZMET_DATA (./data,
 * the embedded store), MONGODB_URL (a MongoDB database instead, for production and several instances),
 * QYZMET_DEFINITIONS (./definitions), QYZMET_SCHEDULER_INTERVAL_MS (1000: how often timers and webhooks are looked
 * at), QYZMET_TIMER_LEASE_MS (30000: how long a dead instance's claimed timers wait for another instance),
 * QYZMET_SIMULATE_RATE and QYZMET_SUBMIT_RATE (simulations per client, submissions per user, a minute),
 * QYZMET_TRUST_PROXY (the load balancer's hops or addresses, so a client is known by X-Forwarded-For), QYZMET_WORKERS
 * (runtime processes sharing the port: one per core unless set; see cluster/servePrimary.ts). The demo
 * seed runs on an empty store unless --no-demo.
 */
export function serveCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('start the HTTP runtime (API under /api/v1, admin UI under /admin)')
    .option('--no-demo', 'do not create the demo users and sample applications')
    .option('--port <port>', 'port (default $PORT or 3000)')
    .action(async (opts: { demo: boolean; port?: string }) => {
      const port = Number(opts.port ?? process.env.PORT ?? 3000);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`qyzmet serve: PORT "${opts.port ?? process.env.PORT}" is not a port number\n`);
        return setExit(1);
      }
      const host = process.env.HOST || '127.0.0.1';
      let running: RunningServer;
      try {
        running = await startServer({
          port,
          host,
          rateLimits: rateLimitsFromEnv(),
          trustProxy: process.env.QYZMET_TRUST_PROXY || undefined,
          ...storeLocationFromEnv(),
          // In a cluster only the first worker seeds (cluster/servePrimary.ts).
          demo: opts.demo && mayRunStartupWork(),
          definitionsRoot: process.env.QYZMET_DEFINITIONS,
          schedulerIntervalMs: positiveFromEnv(process.env, 'QYZMET_SCHEDULER_INTERVAL_MS', undefined, 'milliseconds'),
          timerLeaseMs: positiveFromEnv(process.env, 'QYZMET_TIMER_LEASE_MS', undefined, 'milliseconds'),
        });
      } catch (e) {
        // A setting given wrong, or a store that cannot be opened (no MongoDB server, a URL without a database),
        // is the operator's to fix.
        if (e instanceof ConfigError) {
          process.stderr.write(`qyzmet serve: ${e.message}\n`);
          return setExit(1);
        }
        if (!isProblemError(e) || !e.problem.code.startsWith('store.')) throw e;
        process.stderr.write(`qyzmet serve: cannot open the store: ${e.problem.message}\n`);
        return setExit(1);
      }
      // tests/http/runtimeProcess.ts reads the port from this line (a cluster's primary prints it for its workers).
      if (!reportListening(running.port, host))
        process.stdout.write(
          `qyzmet: serving on http://localhost:${running.port} (API /api/v1, health /health; listening on ${host})\n`,
        );
      // Once: Ctrl-C reaches a cluster's workers both from the terminal and from the primary.
      let closing: Promise<void> | undefined;
      const stop = () => {
        closing ??= running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Keep the process alive: the server and scheduler hold it open.
      await new Promise(() => undefined);
    });
}
