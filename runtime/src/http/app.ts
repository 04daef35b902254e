import express, { type Express } from 'express';
import { domainError } from '@qyzmet/engine';
import type { LoginLimits } from '../auth/loginThrottle';
import type { SessionPolicy } from '../auth/sessionPolicy';
import type { ApplicationsService } from '../applications/applications.service';
import type { DefinitionsRegistry } from '../registry/definitionsRegistry';
import type { RuntimeContext } from '../runtimeContext';
import { adminAssets } from './adminAssets';
import { openApiDocument } from './openapi';
import { htmlNotFound } from './notFoundPage';
import { problemHandler } from './problem';
import { DEFAULT_RATE_LIMITS, simulateRateLimit, submissionRateLimit, type RateLimits } from './rateLimits';
import { checkJsonBody, inSequence, refuseNulInAddress, requireJsonBody, singleQueryValues } from './requestGuards';
import { actsRoutes } from './routes/acts.routes';
import { adminRoutes } from './routes/admin.routes';
import { applicationsRoutes } from './routes/applications.routes';
import { authenticate, authRoutes } from './routes/auth.routes';
import { calendarRoutes } from './routes/calendar.routes';
import { notificationsRoutes } from './routes/notifications.routes';
import { deskRoutes } from './routes/desk.routes';
import { meRoutes } from './routes/me.routes';
import { officersRoutes } from './routes/officers.routes';
import { servicesRoutes } from './routes/services.routes';
import { simulateRoutes } from './routes/simulate.routes';
import { verifyRoutes } from './routes/verify.routes';
import { adminPolicy, noStoreWhenAuthenticated, securityHeaders } from './securityHeaders';

/** The express app: /health, /api/v1 (JSON, problem details for every error), /admin (the admin UI's files). */
export function createApp(
  ctx: RuntimeContext,
  applications: ApplicationsService,
  registry: DefinitionsRegistry,
  options: {
    adminDir?: string;
    rateLimits?: RateLimits;
    trustProxy?: string;
    auth?: { sessions: SessionPolicy; logins: LoginLimits };
  } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer the client is the address it forwards (X-Forwarded-For), for the per-client limits.
  if (options.trustProxy) app.set('trust proxy', trustProxyOf(options.trustProxy));
  app.set('etag', false);
  app.use(securityHeaders());
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', services: ctx.repo.services.size });
  });
  const api = express.Router();
  api.use(requireJsonBody);
  // Application data is small; 1 MB leaves room for long Kazakh texts and still refuses a flood.
  api.use(express.json({ limit: '1mb', strict: true, type: ['application/json', 'application/*+json'] }));
  api.use(inSequence(refuseNulInAddress, checkJsonBody, singleQueryValues, noStoreWhenAuthenticated));
  api.use(authenticate(ctx, options.auth?.sessions));
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  api.post('/simulate', simulateRateLimit(limits));
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok', services: ctx.repo.services.size });
  });
  // The document never changes while the process runs: serialised once, not on every (anonymous) request.
  const openApiJson = JSON.stringify(openApiDocument);
  api.get('/openapi.json', (_req, res) => {
    res.type('json').send(openApiJson);
  });
  // The routers of /applications first: they serve most requests, and express enters every router mounted before
  // the one that answers. No two routers share a method and path, so the order decides nothing else.
  api.use(applicationsRoutes(ctx, applications, submissionRateLimit(limits)));
  api.use(deskRoutes(ctx, applications));
  api.use(notificationsRoutes(ctx, applications));
  api.use(authRoutes(ctx, options.auth?.sessions, options.auth?.logins));
  api.use(servicesRoutes(ctx));
  api.use(calendarRoutes(ctx));
  api.use(simulateRoutes(ctx));
  api.use(verifyRoutes(ctx));
  api.use(meRoutes(ctx));
  api.use(officersRoutes(ctx));
  api.use('/admin', actsRoutes(ctx));
  api.use('/admin', adminRoutes(ctx, registry, applications));
  api.use((req) => {
    throw domainError(
      'notFound',
      'route.unknown',
      `no endpoint ${req.method} ${req.originalUrl}; see /api/v1/openapi.json`,
    );
  });
  app.use('/api/v1', api);
  // The site's root is the admin UI's start (it sends each user to their area after sign-in).
  app.get('/', (_req, res) => res.redirect(302, '/admin/'));
  // The UI's files, precompressed at build: hashed assets cached for a year, index.html revalidated.
  if (options.adminDir) app.use('/admin', adminPolicy, adminAssets(options.adminDir));
  // Any other address: a page for a browser (kk and ru, a link to /admin/), the JSON problem for a program.
  app.use(htmlNotFound);
  app.use((req) => {
    throw domainError('notFound', 'route.unknown', `no page ${req.originalUrl}`);
  });
  app.use(problemHandler(ctx.log));
  return app;
}

/** QYZMET_TRUST_PROXY as express reads it: a number of proxy hops, or the proxies' addresses and networks. */
function trustProxyOf(value: string): number | string[] {
  return /^\d+$/.test(value) ? Number(value) : value.split(',').map((s) => s.trim());
}
