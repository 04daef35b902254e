import {
  allowedEvents,
  applyEvent,
  checkApplicationData,
  eventDef,
  FINAL_STATUSES,
  domainError,
  fireDueTimers,
  isProvisional,
  nextTimerAt,
  registrationOf,
  renderIssuedDocument,
  startApplication,
  versionInForce,
  type ApplicationState,
  type CompiledService,
  type CompiledVersion,
  type Lang,
  type Status,
  type TraceEntry,
} from '@qyzmet/engine';
import { nowIso, type RuntimeContext } from '../runtimeContext';
import type {
  AuditEntry,
  StoredApplication,
  StoredDocument,
  StoredEvent,
  StoredUser,
  WebhookDelivery,
  WebhookSubscription,
} from '../store/Store';
import { statusChangeDeliveries } from '../webhooks/webhooks.service';
import { actingRole, actorRolesOf, assertMaySubmit, maySee } from './access';
import { assertSafeText } from './unsafeText';

/**
 * The application lifecycle over the engine and the store: create (form, version in force, registration,
 * machine, deadlines), officer and applicant events (role and state checked by the definition), timers, documents
 * rendered when issued, audit and webhooks. Who may see and act on what is decided in `access.ts`; what a user
 * may not see is answered as not found, so nothing leaks.
 */

export interface ApplicationView {
  id: string;
  serviceId: string;
  version: string;
  provider: string;
  channel: string | null;
  state: string;
  status: Status;
  arrivedAt: string;
  registeredAt: string;
  /** `provisional` when the due instant rests on days computed from the statutes (DESIGN.md). */
  deadlines: Array<{ id: string; dueAt: string | null; status: string; provisional?: true }>;
  documents: Array<{ id: string; title: string; kind: string; issuedAt: string }>;
  allowedEvents: Array<{ type: string; name: string }>;
  refusal: null | { grounds: Array<{ id: string; message: string; legalRef: unknown; facts: unknown }> };
  data: Record<string, unknown>;
  history: ApplicationState['history'];
  overdue: boolean;
}

/** An inbox line: the view without what grows with the application (its data and history). */
export type ApplicationSummary = Omit<ApplicationView, 'data' | 'history'>;

/** Subscriptions change rarely and every write consults them: read them at most once per SUBSCRIPTIONS_TTL_MS. */
const SUBSCRIPTIONS_TTL_MS = 5_000;

export class ApplicationsService {
  private subscriptions: { at: number; list: Promise<WebhookSubscription[]> } | null = null;

  constructor(private readonly ctx: RuntimeContext) {}

  /** Forget the cached subscriptions (after one is created on this instance). */
  subscriptionsChanged(): void {
    this.subscriptions = null;
  }

  service(id: string): CompiledService {
    const s = this.ctx.repo.services.get(id);
    if (!s) throw domainError('notFound', 'service.unknown', `no service "${id}"; see GET /api/v1/services`);
    return s;
  }

  private version(app: StoredApplication): CompiledVersion {
    const v = this.service(app.serviceId).versions.find((x) => x.id === app.version);
    if (!v)
      throw domainError(
        'internal',
        'version.missing',
        `version "${app.version}" of ${app.serviceId} is no longer loaded`,
      );
    return v;
  }

  view(app: StoredApplication, user: StoredUser, lang: Lang): ApplicationView {
    return { ...this.summary(app, user, lang), data: app.snapshot.data, history: app.snapshot.history };
  }

  summary(app: StoredApplication, user: StoredUser, lang: Lang): ApplicationSummary {
    const snap = app.snapshot;
    const version = this.version(app);
    const mine = actorRolesOf(user, app);
    const now = this.ctx.now().getTime();
    return {
      id: app.id,
      serviceId: app.serviceId,
      version: app.version,
      provider: app.provider,
      channel: app.channel,
      state: snap.state,
      status: snap.status,
      arrivedAt: snap.arrivedAt,
      registeredAt: snap.registeredAt,
      deadlines: snap.deadlines.map((d) => ({
        id: d.id,
        dueAt: d.dueAt,
        status: d.status,
        ...(isProvisional(d.explanation) ? { provisional: true as const } : {}),
      })),
      documents: snap.documents.map((d) => ({ id: d.id, title: d.title[lang], kind: d.kind, issuedAt: d.issuedAt })),
      allowedEvents: allowedEvents(version, snap)
        .filter((e) => e.roles.some((r) => mine.includes(r)))
        .map((e) => ({ type: e.type, name: e.name[lang] })),
      refusal: snap.refusal
        ? {
            grounds: snap.refusal.grounds.map((g) => ({
              id: g.id,
              message: g.message[lang] ?? g.message.ru,
              legalRef: g.legalRef,
              facts: g.facts,
            })),
          }
        : null,
      overdue: !FINAL_STATUSES.includes(snap.status) && app.dueAt !== null && Date.parse(app.dueAt) < now,
    };
  }

  private documentsIssued(
    version: CompiledVersion,
    before: ApplicationState | null,
    after: ApplicationState,
  ): StoredDocument[] {
    const had = new Set((before?.documents ?? []).map((d) => `${d.id}@${d.issuedAt}`));
    const out: StoredDocument[] = [];
    for (const doc of after.documents) {
      if (had.has(`${doc.id}@${doc.issuedAt}`)) continue;
      for (const lang of ['kk', 'ru'] as const) {
        const { html, title } = renderIssuedDocument(version, after, doc, lang);
        out.push({
          applicationId: after.id,
          documentId: doc.id,
          lang,
          title,
          kind: doc.kind,
          html,
          issuedAt: doc.issuedAt,
        });
      }
    }
    return out;
  }

  private stored(
    base: Omit<StoredApplication, 'status' | 'state' | 'dueAt' | 'nextTimerAt' | 'snapshot' | 'updatedAt'>,
    snap: ApplicationState,
    at: string,
  ): StoredApplication {
    return {
      ...base,
      status: snap.status,
      state: snap.state,
      dueAt: snap.deadlines.find((d) => d.id === 'service')?.dueAt ?? null,
      nextTimerAt: nextTimerAt(snap),
      snapshot: snap,
      updatedAt: at,
    };
  }

  private eventsFrom(trace: TraceEntry[], appId: string, firstSeq: number, userId: string | null): StoredEvent[] {
    let seq = firstSeq;
    return trace
      .filter((t): t is Extract<TraceEntry, { kind: 'transition' }> => t.kind === 'transition')
      .map((t) => ({
        applicationId: appId,
        seq: seq++,
        type: t.event,
        actor: t.actor,
        userId: t.automatic ? null : userId,
        at: t.at,
        data: null,
        fromState: t.from,
        toState: t.to,
      }));
  }

  async create(
    user: StoredUser,
    body: { serviceId?: unknown; data?: unknown; channel?: unknown; provider?: unknown },
    lang: Lang,
  ): Promise<ApplicationView> {
    assertMaySubmit(user);
    if (typeof body.serviceId !== 'string')
      throw domainError(
        'user',
        'request.invalid',
        'serviceId is required: the id of a service from GET /api/v1/services',
        {
          extensions: { errors: [{ pointer: '/serviceId', code: 'required', message: 'serviceId is required' }] },
        },
      );
    if (!body.data || typeof body.data !== 'object' || Array.isArray(body.data))
      throw domainError('user', 'request.invalid', 'data must be an object holding the application form', {
        extensions: { errors: [{ pointer: '/data', code: 'type', message: 'data must be an object' }] },
      });
    assertSafeText(body.data);
    const service = this.service(body.serviceId);
    const arrivedAt = nowIso(this.ctx, service);
    const version = versionInForce(service, registrationOf(service, arrivedAt).registeredAt);
    const { errors, total } = checkApplicationData(version, body.data, lang);
    if (errors.length) {
      // As the engine's simulate reports them: the HTTP layer points them into the request body (/data/...); the
      // first 100, with the total.
      throw domainError('user', 'form.invalid', `the application data do not fit the form of ${service.id}`, {
        params: { errors },
        extensions: { errorsTotal: total },
      });
    }
    const providerIds = service.def.providers.map((p) => p.id);
    const provider =
      typeof body.provider === 'string' && providerIds.includes(body.provider) ? body.provider : providerIds[0];
    const channel = typeof body.channel === 'string' ? body.channel : null;
    const id = this.ctx.newId();
    const { application, trace } = await startApplication(version, {
      id,
      data: body.data as Record<string, unknown>,
      arrivedAt,
      channel,
    });
    const record = this.stored(
      {
        id,
        serviceId: service.id,
        version: version.id,
        provider,
        applicantId: user.id,
        channel,
        registeredAt: application.registeredAt,
        rev: 1,
        createdAt: arrivedAt,
      },
      application,
      arrivedAt,
    );
    const audit: AuditEntry[] = [
      {
        at: arrivedAt,
        userId: user.id,
        action: 'application.create',
        subject: `application:${id}`,
        details: { serviceId: service.id, version: version.id, status: application.status },
      },
    ];
    const submitted: StoredEvent = {
      applicationId: id,
      seq: 0,
      type: 'SUBMITTED',
      actor: 'applicant',
      userId: user.id,
      at: arrivedAt,
      data: null,
      fromState: '',
      toState: version.def.machine.initial,
    };
    await this.ctx.store.insertApplication(
      record,
      [submitted, ...this.eventsFrom(trace, id, 1, user.id)],
      this.documentsIssued(version, null, application),
      audit,
      await this.deliveriesFor(record, null),
    );
    return this.view(record, user, lang);
  }

  async get(user: StoredUser, id: string): Promise<StoredApplication> {
    const app = await this.ctx.store.getApplication(id);
    if (!app || !maySee(user, app))
      throw domainError('notFound', 'application.unknown', `no application "${id}" that you may see`);
    return app;
  }

  /**
   * Applies an event from a user. Timers due by now fire first (the scheduler may lag). Retries once on a
   * concurrent update; the state is never written half-way.
   */
  async sendEvent(
    user: StoredUser,
    id: string,
    body: { type?: unknown; data?: unknown },
    lang: Lang,
  ): Promise<ApplicationView> {
    if (typeof body.type !== 'string')
      throw domainError('user', 'request.invalid', 'type is required: one of the allowedEvents of the application', {
        extensions: { errors: [{ pointer: '/type', code: 'required', message: 'type is required' }] },
      });
    if (body.data !== undefined && (body.data === null || typeof body.data !== 'object' || Array.isArray(body.data)))
      throw domainError('user', 'request.invalid', 'data must be an object', {
        extensions: { errors: [{ pointer: '/data', code: 'type', message: 'data must be an object' }] },
      });
    assertSafeText(body.data);
    for (let attempt = 0; attempt < 3; attempt++) {
      const app = await this.get(user, id);
      const version = this.version(app);
      const def = eventDef(version, body.type);
      // Users send only the events the definition declares: the engine would also take a "timer:…" type, which is
      // its own to fire.
      if (!def)
        throw domainError('conflict', 'event.unknown', `the service has no event "${body.type}"`, {
          extensions: { allowedEvents: allowedEvents(version, app.snapshot).map((e) => e.type) },
        });
      // Whether this role may send the event is the engine's check (event.forbiddenRole); nothing is written then.
      const actor = actingRole(user, app, def.roles);
      const at = nowIso(this.ctx, version.service);
      const timers = await fireDueTimers(version, app.snapshot, at);
      const out = await applyEvent(version, timers.application, {
        type: body.type,
        at,
        actor,
        data: body.data as Record<string, unknown> | undefined,
      });
      const events = await this.ctx.store.listEvents(id);
      const trace = [...timers.trace, ...out.trace];
      const stored = this.stored({ ...app, rev: app.rev + 1 }, out.application, at);
      const newEvents = this.eventsFrom(trace, id, events.length, user.id);
      const audit: AuditEntry[] = [
        {
          at,
          userId: user.id,
          action: 'application.event',
          subject: `application:${id}`,
          details: { type: body.type, actor, from: app.state, to: out.application.state, data: body.data ?? null },
        },
      ];
      if (
        await this.ctx.store.updateApplication(
          stored,
          app.rev,
          newEvents,
          this.documentsIssued(version, app.snapshot, out.application),
          audit,
          await this.deliveriesFor(stored, app),
        )
      )
        return this.view(stored, user, lang);
    }
    throw domainError(
      'conflict',
      'application.busy',
      'the application changed while this event was applied; try again',
    );
  }

  /** Fires the due timers of one application (the scheduler calls this under a lease). */
  async fireTimers(id: string): Promise<boolean> {
    const app = await this.ctx.store.getApplication(id);
    if (!app) return false;
    const version = this.version(app);
    const at = nowIso(this.ctx, version.service);
    const out = await fireDueTimers(version, app.snapshot, at);
    if (out.trace.length === 0) return false;
    const events = await this.ctx.store.listEvents(id);
    const stored = this.stored({ ...app, rev: app.rev + 1 }, out.application, at);
    const audit: AuditEntry[] = [
      {
        at,
        userId: null,
        action: 'application.timer',
        subject: `application:${id}`,
        details: {
          from: app.state,
          to: out.application.state,
          timers: out.trace.filter((t) => t.kind === 'timer').map((t) => (t as { id: string }).id),
        },
      },
    ];
    const ok = await this.ctx.store.updateApplication(
      stored,
      app.rev,
      this.eventsFrom(out.trace, id, events.length, null),
      this.documentsIssued(version, app.snapshot, out.application),
      audit,
      await this.deliveriesFor(stored, app),
    );
    return ok;
  }

  /** The webhook deliveries of a change, written with it (the store's outbox): none when status and state stay. */
  private async deliveriesFor(now: StoredApplication, before: StoredApplication | null): Promise<WebhookDelivery[]> {
    if (before && before.status === now.status && before.state === now.state) return [];
    const at = Date.now();
    if (!this.subscriptions || at - this.subscriptions.at > SUBSCRIPTIONS_TTL_MS)
      this.subscriptions = { at, list: this.ctx.store.listSubscriptions() };
    return statusChangeDeliveries(await this.subscriptions.list, now, before, this.ctx);
  }
}
