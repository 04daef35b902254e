import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Router } from 'express';
import { clauseCoverage, diffJson, domainError, type Act } from '@qyzmet/engine';
import type { ApplicationsService } from '../../applications/applications.service';
import { definitionAreas, isConfined } from '../../registry/confinedPath';
import type { DefinitionsRegistry } from '../../registry/definitionsRegistry';
import { citedSeeds, SEEDS_FOLDER } from '../../registry/seedFiles';
import type { RuntimeContext } from '../../runtimeContext';
import { requireRole, requireUser } from '../context';
import { wholeNumberQuery } from '../requestGuards';
import { parseAllowlist, refusedDestination, WEBHOOK_ALLOW_ENV } from '../../webhooks/destinations';

/** The most audit lines one page holds. */
const AUDIT_PAGE_MAX = 500;

/**
 * What an analyst sees of the audit trail: what analysts do (drafts, publications, acts), not officers' findings on
 * applications, sign-ins or webhooks, which only an admin reads.
 */
const ANALYST_AUDIT_SUBJECTS = ['definition:', 'act:'];

/**
 * The admin API (/api/v1/admin): definitions with their validation problems and coverage, the audit trail, and
 * webhook subscriptions with their delivery log. Analysts and admins only.
 */
export function adminRoutes(
  ctx: RuntimeContext,
  registry: DefinitionsRegistry,
  applications: ApplicationsService,
): Router {
  const r = Router();
  const serviceOf = (id: string) => {
    const s = ctx.repo.services.get(id);
    if (!s) throw domainError('notFound', 'service.unknown', `no service "${id}"`);
    return s;
  };
  r.get('/definitions', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json({
      items: [...ctx.repo.services.values()].map((s) => ({
        id: s.id,
        name: s.def.label,
        versions: s.versions.map((v) => ({
          id: v.id,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          producedBy: v.def.producedBy,
        })),
      })),
      broken: [...ctx.repo.broken],
      problems: ctx.repo.problems,
    });
  });
  r.get('/definitions/:id', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    const s = serviceOf(req.params.id);
    res.json({ id: s.id, definition: s.def, acts: s.acts });
  });
  r.get('/definitions/:id/coverage', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    const s = serviceOf(req.params.id);
    res.json(clauseCoverage(s.def, s.acts));
  });
  r.get('/definitions/:id/diff', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    const s = serviceOf(req.params.id);
    const pick = (id: unknown) => {
      const v = s.versions.find((x) => x.id === id);
      if (!v)
        throw domainError(
          'request',
          'request.version',
          `give ?from=<version>&to=<version>; versions: ${s.versions.map((x) => x.id).join(', ')}`,
        );
      return v.def;
    };
    res.json({ from: req.query.from, to: req.query.to, changes: diffJson(pick(req.query.from), pick(req.query.to)) });
  });
  r.post('/definitions/:id/drafts', async (req, res) => {
    const user = requireRole(req, 'analyst', 'admin');
    res.status(201).json(await registry.createDraft(user, req.params.id, req.body ?? {}));
  });
  r.get('/definitions/:id/drafts', async (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json({ items: await registry.listDrafts(req.params.id, req.query.all === 'true') });
  });
  r.get('/definitions/:id/drafts/:draftId', async (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json(await registry.view(req.params.id, await registry.getDraft(req.params.id, req.params.draftId)));
  });
  r.get('/definitions/:id/drafts/:draftId/revisions', async (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json({ items: await registry.revisions(req.params.id, req.params.draftId) });
  });
  r.put('/definitions/:id/drafts/:draftId', async (req, res) => {
    const user = requireRole(req, 'analyst', 'admin');
    res.json(await registry.updateDraft(user, req.params.id, req.params.draftId, req.body ?? {}));
  });
  r.delete('/definitions/:id/drafts/:draftId', async (req, res) => {
    const user = requireRole(req, 'analyst', 'admin');
    res.json(await registry.discardDraft(user, req.params.id, req.params.draftId));
  });
  r.post('/definitions/:id/drafts/:draftId/check', async (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json(await registry.check(req.params.id, req.params.draftId));
  });
  r.post('/definitions/:id/drafts/:draftId/approve', async (req, res) => {
    const user = requireUser(req);
    res.json(await registry.approve(user, req.params.id, req.params.draftId, req.body ?? {}));
  });
  r.post('/definitions/:id/drafts/:draftId/scenarios/accept', async (req, res) => {
    const user = requireRole(req, 'analyst', 'admin');
    res.json(await registry.acceptScenario(user, req.params.id, req.params.draftId, req.body ?? {}));
  });
  r.post('/definitions/:id/drafts/:draftId/publish', async (req, res) => {
    const user = requireRole(req, 'analyst', 'admin');
    res.json(await registry.publish(user, req.params.id, req.params.draftId, req.body ?? {}));
  });
  /** The calendars and schedules, so the workbench compiles working time in the browser exactly as the runtime does. */
  r.get('/calendars', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json({ calendars: Object.fromEntries(ctx.repo.calendars), schedules: Object.fromEntries(ctx.repo.schedules) });
  });
  /**
   * The source files of a service (its folder, definitions/shared, and the seeds it cites), by path relative to the
   * definitions folder's parent: the workbench assembles, compiles and runs the scenarios in the browser from these.
   */
  r.get('/definitions/:id/files', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    if (!ctx.repo.services.has(req.params.id) && !ctx.repo.broken.has(req.params.id))
      throw domainError('notFound', 'service.unknown', `no service "${req.params.id}"`);
    const base = dirname(ctx.repo.root);
    const files: Record<string, string> = {};
    const areas = definitionAreas(ctx.repo.root, req.params.id);
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        // A symlink leading out of the definitions is not theirs to hand out (nor a loop to follow).
        if (!isConfined(full, areas) || (lstatSync(full).isSymbolicLink() && statSync(full).isDirectory())) continue;
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(json|hbs)$/.test(name))
          files[relative(base, full).split(sep).join('/')] = readFileSync(full, 'utf8');
      }
    };
    walk(ctx.repo.serviceDir(req.params.id));
    walk(join(ctx.repo.root, 'shared'));
    // The acts' texts it cites, so the browser's compile checks quotes as the runtime's does (keyed by the name the
    // workbench looks them up under, whatever the definitions folder is called).
    const assembled = ctx.repo.assembled.get(req.params.id)?.value as { acts?: Record<string, Act> } | undefined;
    const cited = assembled ? citedSeeds(assembled, { ...ctx.repo.compileEnv.sharedActs, ...assembled.acts }) : [];
    for (const seed of cited) {
      const text = ctx.repo.compileEnv.readSeed?.(seed);
      if (text !== undefined) files[`definitions/${SEEDS_FOLDER}/${seed}`] = text;
    }
    res.json({
      entry: relative(base, join(ctx.repo.serviceDir(req.params.id), 'service.json'))
        .split(sep)
        .join('/'),
      files,
    });
  });
  r.get('/audit', async (req, res) => {
    const user = requireRole(req, 'analyst', 'admin');
    const q = req.query;
    const limit = wholeNumberQuery(req, 'limit', { min: 1, max: AUDIT_PAGE_MAX, fallback: 200 });
    const page = await ctx.store.pageAudit({
      subject: typeof q.subject === 'string' ? q.subject : undefined,
      subjectPrefixes: user.roles.includes('admin') ? undefined : ANALYST_AUDIT_SUBJECTS,
      cursor: typeof q.cursor === 'string' ? q.cursor : undefined,
      limit,
    });
    res.json({ items: page.items, nextCursor: page.next });
  });
  r.post('/webhooks', async (req, res) => {
    const user = requireRole(req, 'admin');
    const { url, secret, serviceId, provider } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url))
      throw domainError('user', 'request.invalid', 'url must be an http(s) URL', {
        extensions: { errors: [{ pointer: '/url', code: 'format', message: 'an http(s) URL' }] },
      });
    const refused = await refusedDestination(
      url,
      ctx.webhookDestinations ?? parseAllowlist(process.env[WEBHOOK_ALLOW_ENV]),
    );
    if (refused)
      throw domainError('user', 'webhook.destinationRefused', `webhooks may not be sent to this URL: ${refused}`, {
        extensions: { errors: [{ pointer: '/url', code: 'destination', message: refused }] },
      });
    if (typeof secret !== 'string' || secret.length < 16)
      throw domainError('user', 'request.invalid', 'secret must be at least 16 characters (it signs the deliveries)', {
        extensions: { errors: [{ pointer: '/secret', code: 'minLength', message: 'at least 16 characters' }] },
      });
    if (serviceId !== undefined && (typeof serviceId !== 'string' || !ctx.repo.services.has(serviceId)))
      throw domainError('user', 'request.invalid', `no service "${String(serviceId)}"`, {
        extensions: { errors: [{ pointer: '/serviceId', code: 'enum', message: 'an existing service id' }] },
      });
    const sub = {
      id: ctx.newId(),
      url,
      secret,
      serviceId: (serviceId as string) ?? null,
      provider: typeof provider === 'string' ? provider : null,
      createdBy: user.id,
      createdAt: ctx.now().toISOString(),
      active: true,
    };
    await ctx.store.createSubscription(sub);
    applications.subscriptionsChanged();
    await ctx.store.appendAudit({
      at: sub.createdAt,
      userId: user.id,
      action: 'webhook.create',
      subject: `webhook:${sub.id}`,
      details: { url, serviceId: sub.serviceId, provider: sub.provider },
    });
    res.status(201).json({ ...sub, secret: undefined });
  });
  r.get('/webhooks', async (req, res) => {
    requireRole(req, 'admin');
    res.json({ items: (await ctx.store.listSubscriptions()).map((s) => ({ ...s, secret: undefined })) });
  });
  r.get('/webhooks/:id/deliveries', async (req, res) => {
    requireRole(req, 'admin');
    res.json({ items: await ctx.store.listDeliveries(req.params.id, 200) });
  });
  return r;
}
