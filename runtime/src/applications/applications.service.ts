import {
  allowedEvents,
  applyEvent,
  checkApplicationData,
  eventDef,
  FINAL_STATUSES,
  domainError,
  fireDueTimers,
  groundsInWords,
  isProvisional,
  nextTimerAt,
  registrationOf,
  renderIssuedDocument,
  shownRegistration,
  startApplication,
  summarizeApplication,
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
import { nextStepWords, Notifier, registrationWords, type RegistrationWords, type Words } from '../notifications';
import { statusChangeDeliveries } from '../webhooks/webhooks.service';
import { actingRole, actorRolesOf, assertMaySubmit, maySee } from './access';
import {
  applicationNumber,
  applicationSeries,
  documentNumber,
  localYear,
  numberPrefixes,
  publicUrlFromEnv,
  roleLabel,
  verificationUrl,
} from './numbers';
import { inboxColumns, OfficerNames, type InboxColumns } from './inboxColumns';
import { assertSafeText } from './unsafeText';

/**
 * The application lifecycle over the engine and the store: create (form, version in force, registration,
 * machine, deadlines), officer and applicant events (role and state checked by the definition), timers, documents
 * rendered when issued, audit and webhooks. Who may see and act on what is decided in `access.ts`; what a user
 * may not see is answered as not found, so nothing leaks.
 */

export interface ApplicationView extends InboxColumns {
  id: string;
  /** PROVIDER-SERVICE-YEAR-SEQUENCE; null on an application stored before numbering. */
  number: string | null;
  serviceId: string;
  version: string;
  provider: string;
  channel: string | null;
  state: string;
  status: Status;
  arrivedAt: string;
  /** null when the application ended before registration (a request rejected before the provider registered it). */
  registeredAt: string | null;
  /** `provisional` when the due instant rests on days computed from the statutes (DESIGN.md). */
  deadlines: Array<{ id: string; dueAt: string | null; status: string; provisional?: true }>;
  documents: Array<{ id: string; number: string | null; title: string; kind: string; issuedAt: string }>;
  allowedEvents: Array<{ type: string; name: string }>;
  refusal: null | { grounds: RefusalGroundView[] };
  /** The officers' reasoning, oldest first: why the grounds hold, in their own words (kk and/or ru). */
  reasoning: Array<{ at: string; actor: string; text: { kk?: string; ru?: string } }>;
  data: Record<string, unknown>;
  history: ApplicationState['history'];
  overdue: boolean;
  /** Why registration is not the arrival instant, in words (C6). */
  registration: RegistrationWords;
  /** What happens next, for the applicant: who acts and by when; in a final state, what they receive (C6). */
  nextStep: Words | null;
}

/**
 * A refusal ground as the applicant reads it: the message, the clause as the law cites it and the fact that made it
 * hold, in words (the same words the documents print), never the rule's paths and raw values.
 */
export interface RefusalGroundView {
  id: string;
  message: string;
  legalRef: unknown;
  citation: string;
  fact?: string;
}

/** An event as the API takes it (POST …/events and …/events/preview). */
interface EventBody {
  type: string;
  data?: Record<string, unknown>;
}

/** What an event would lead to (POST …/events/preview): the state, and the documents it would issue. */
export interface EventPreview {
  toState: string;
  status: Status;
  stateName: { kk: string; ru: string; en?: string };
  documents: Array<{ id: string; title: string; html: string }>;
}

/** An inbox line: the view without what grows with the application (its data, history and reasoning). */
export type ApplicationSummary = Omit<ApplicationView, 'data' | 'history' | 'reasoning' | 'registration'>;

/**
 * What a submission answers (201) unless the client asks for the whole view: the fields DESIGN.md's contract names
 * (id, serviceId, version, state, status, registeredAt, deadlines, documents, allowedEvents) and the few beside them
 * that cost no rendering. The texts of the view (the next step and the registration's reason in three languages, the
 * inbox columns) are ~4 KB a submission that a client reads with GET /applications/:id when it shows them.
 */
export type ApplicationReceipt = Omit<ApplicationSummary, keyof InboxColumns | 'nextStep'>;

/** Actors whose events decide nothing for the provider: the applicant, and the gateway (data from another system). */
const NOT_DECIDING = new Set(['applicant', 'gateway']);

/** Who decided what a document records: the provider-side event that led to it. */
interface Decision {
  name: string;
  at: string;
  actor: string;
}

/** Subscriptions change rarely and every write consults them: read them at most once per SUBSCRIPTIONS_TTL_MS. */
const SUBSCRIPTIONS_TTL_MS = 5_000;

export class ApplicationsService {
  private subscriptions: { at: number; list: Promise<WebhookSubscription[]> } | null = null;

  /** The base of the verification URL each PDF's QR code holds (QYZMET_PUBLIC_URL; see `listeningOn`). */
  private publicUrl: string;

  /** The names of the officers applications are assigned to (the inbox's assignee column). */
  readonly officerNames: OfficerNames;

  /** Status changes to the applicants who opted in, sent after each commit (plug a gateway in with `use`). */
  readonly notifications: Notifier;

  constructor(
    private readonly ctx: RuntimeContext,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.publicUrl = publicUrlFromEnv(env);
    this.officerNames = new OfficerNames(ctx.store);
    this.notifications = new Notifier(ctx);
  }

  /** Without QYZMET_PUBLIC_URL the QR codes point at this instance on loopback: http://127.0.0.1:<the port it took>. */
  listeningOn(port: number): void {
    if (!this.env.QYZMET_PUBLIC_URL?.trim()) this.publicUrl = publicUrlFromEnv({ ...this.env, PORT: String(port) });
  }

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
    return {
      ...this.summary(app, user, lang),
      reasoning: (app.snapshot.reasoning ?? []).map(({ at, actor, text }) => ({ at, actor, text })),
      data: app.snapshot.data,
      history: app.snapshot.history,
      registration: registrationWords(this.version(app), app.snapshot),
    };
  }

  summary(app: StoredApplication, user: StoredUser, lang: Lang): ApplicationSummary {
    const version = this.version(app);
    const now = this.ctx.now().getTime();
    return {
      ...this.receiptOf(app, user, lang, version, now),
      ...inboxColumns(app, user, version, now, this.officerNames),
      nextStep: nextStepWords(version, app.snapshot),
    };
  }

  receipt(app: StoredApplication, user: StoredUser, lang: Lang): ApplicationReceipt {
    return this.receiptOf(app, user, lang, this.version(app), this.ctx.now().getTime());
  }

  private receiptOf(
    app: StoredApplication,
    user: StoredUser,
    lang: Lang,
    version: CompiledVersion,
    now: number,
  ): ApplicationReceipt {
    const snap = app.snapshot;
    const mine = actorRolesOf(user, app);
    return {
      id: app.id,
      number: app.number ?? snap.number ?? null,
      serviceId: app.serviceId,
      version: app.version,
      provider: app.provider,
      channel: app.channel,
      state: snap.state,
      status: snap.status,
      arrivedAt: snap.arrivedAt,
      registeredAt: shownRegistration(snap),
      deadlines: snap.deadlines.map((d) => ({
        id: d.id,
        dueAt: d.dueAt,
        status: d.status,
        ...(isProvisional(d.explanation) ? { provisional: true as const } : {}),
      })),
      documents: snap.documents.map((d) => ({
        id: d.id,
        number: d.number ?? null,
        title: d.title[lang],
        kind: d.kind,
        issuedAt: d.issuedAt,
      })),
      allowedEvents: allowedEvents(version, snap)
        .filter((e) => e.roles.some((r) => mine.includes(r)))
        .map((e) => ({ type: e.type, name: e.name[lang] })),
      refusal: snap.refusal ? { grounds: this.refusalGrounds(version, snap, lang) } : null,
      overdue: !FINAL_STATUSES.includes(snap.status) && app.dueAt !== null && Date.parse(app.dueAt) < now,
    };
  }

  /**
   * The refusal's grounds in words, in the request's language (English readers get the Russian: the law is cited in
   * kk or ru), rendered at the application's last change so the same application always reads the same.
   */
  private refusalGrounds(version: CompiledVersion, snap: ApplicationState, lang: Lang): RefusalGroundView[] {
    const words = groundsInWords(version, snap, lang === 'kk' ? 'kk' : 'ru', snap.updatedAt);
    return (snap.refusal?.grounds ?? []).map((g, i) => {
      const w = words[i]?.id === g.id ? words[i] : words.find((x) => x.id === g.id);
      return {
        id: g.id,
        message: g.message[lang] ?? g.message.ru,
        legalRef: g.legalRef,
        citation: w?.citation ?? '',
        ...(w?.fact ? { fact: w.fact } : {}),
      };
    });
  }

  private static isNew(before: ApplicationState | null): (doc: ApplicationState['documents'][number]) => boolean {
    const had = new Set((before?.documents ?? []).map((d) => `${d.id}@${d.issuedAt}`));
    return (doc) => !had.has(`${doc.id}@${doc.issuedAt}`);
  }

  /**
   * Renders the documents `after` holds that `before` did not, in kk and ru. Each is numbered first (in `after`, so
   * the snapshot keeps the number): "<application number>-<n>", n its place in the order of issue. Its seal (what
   * the PDF prints beside the text) is fixed here: the verification URL, the issuer, and who decided.
   */
  private documentsIssued(
    version: CompiledVersion,
    before: ApplicationState | null,
    after: ApplicationState,
    provider: string,
    decided: Decision | null,
  ): StoredDocument[] {
    const isNew = ApplicationsService.isNew(before);
    const party = version.service.def.providers.find((p) => p.id === provider) ?? version.service.def.providers[0];
    const out: StoredDocument[] = [];
    after.documents.forEach((issued, index) => {
      if (!isNew(issued)) return;
      const number = after.number ? documentNumber(after.number, index + 1) : null;
      const doc = number ? { ...issued, number } : issued;
      after.documents[index] = doc;
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
          number,
          seal: number
            ? {
                verifyUrl: verificationUrl(this.publicUrl, number),
                issuer: party?.label[lang] ?? party?.label.ru ?? '',
                signature: decided && {
                  name: decided.name,
                  at: decided.at,
                  role: roleLabel(version.def.machine.roles, decided.actor, lang),
                },
              }
            : null,
          pdfSha256: null,
        });
      }
    });
    return out;
  }

  /**
   * Who decided, for the signature block of documents issued now: the provider-side user acting now, else the
   * latest provider-side event of the history (a timer or the applicant's step issued the document after an
   * official's decision). Null when no official has acted yet. Looked up only when a document is issued.
   */
  private async decisionFor(
    before: ApplicationState | null,
    after: ApplicationState,
    now: { user: StoredUser; actor: string; at: string } | null,
    history: StoredEvent[],
  ): Promise<Decision | null> {
    if (!after.documents.some(ApplicationsService.isNew(before))) return null;
    if (now && !NOT_DECIDING.has(now.actor)) return { name: now.user.displayName, at: now.at, actor: now.actor };
    for (let i = history.length - 1; i >= 0; i--) {
      const e = history[i];
      if (e.userId === null || NOT_DECIDING.has(e.actor)) continue;
      const official = await this.ctx.store.getUser(e.userId);
      if (official) return { name: official.displayName, at: e.at, actor: e.actor };
    }
    return null;
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

  /** Submits an application and answers the stored record: the route answers it as a receipt or as the view. */
  async create(
    user: StoredUser,
    body: { serviceId?: unknown; data?: unknown; channel?: unknown; provider?: unknown },
    lang: Lang,
  ): Promise<StoredApplication> {
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
    const prefixes = numberPrefixes(service, provider);
    const id = this.ctx.newId();
    const { application, trace } = await startApplication(version, {
      id,
      data: body.data as Record<string, unknown>,
      arrivedAt,
      channel,
    });
    const year = localYear(application.registeredAt);
    const subscriptions = await this.subscriptionList();
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
    // Made before the write, which holds the store's write lock while it runs (the other processes' writes wait).
    const summary = summarizeApplication(version, body.data);
    // The number is taken in the same write as the insert (the store's insertNumberedApplication), after every check
    // above, and the documents issued at registration print it.
    const made = await this.ctx.store.insertNumberedApplication(
      applicationSeries(prefixes.provider, year),
      (sequence) => {
        const number = applicationNumber(prefixes, year, sequence);
        const snap: ApplicationState = { ...application, number, documents: [...application.documents] };
        const documents = this.documentsIssued(version, null, snap, provider, null);
        const record = this.stored(
          {
            id,
            number,
            serviceId: service.id,
            version: version.id,
            provider,
            applicantId: user.id,
            channel,
            registeredAt: application.registeredAt,
            rev: 1,
            createdAt: arrivedAt,
            // Who applied and what about, for the inbox's columns and search (the form's x-identity, x-summary).
            summary,
            assigneeId: null,
          },
          snap,
          arrivedAt,
        );
        return {
          app: record,
          events: [submitted, ...this.eventsFrom(trace, id, 1, user.id)],
          documents,
          audit,
          deliveries: statusChangeDeliveries(subscriptions, record, null, this.ctx),
        };
      },
    );
    this.notifications.changed(version, null, made.app);
    return made.app;
  }

  async get(user: StoredUser, id: string): Promise<StoredApplication> {
    const app = await this.ctx.store.getApplication(id);
    if (!app || !maySee(user, app))
      throw domainError('notFound', 'application.unknown', `no application "${id}" that you may see`);
    await this.officerNames.load([app]);
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
    const event = ApplicationsService.eventBody(body);
    for (let attempt = 0; attempt < 3; attempt++) {
      const { app, actor, at, out, trace, events, documents } = await this.eventOutcome(user, id, event);
      const stored = this.stored({ ...app, rev: app.rev + 1 }, out.application, at);
      const newEvents = this.eventsFrom(trace, id, events.length, user.id);
      const audit: AuditEntry[] = [
        {
          at,
          userId: user.id,
          action: 'application.event',
          subject: `application:${id}`,
          details: { type: event.type, actor, from: app.state, to: out.application.state, data: event.data ?? null },
        },
      ];
      if (
        await this.ctx.store.updateApplication(
          stored,
          app.rev,
          newEvents,
          documents,
          audit,
          await this.deliveriesFor(stored, app),
        )
      ) {
        this.notifications.changed(this.version(app), app, stored);
        return this.view(stored, user, lang);
      }
    }
    throw domainError(
      'conflict',
      'application.busy',
      'the application changed while this event was applied; try again',
    );
  }

  /**
   * What an event would do now, before the officer confirms it: the same checks and the same step as sendEvent
   * (eventOutcome), so the same 4xx; nothing is written. The documents it would issue are rendered in the request's
   * language (English readers get the Russian, as the refusal's grounds), numbered as they will be.
   */
  async previewEvent(
    user: StoredUser,
    id: string,
    body: { type?: unknown; data?: unknown },
    lang: Lang,
  ): Promise<EventPreview> {
    const { version, out, documents } = await this.eventOutcome(user, id, ApplicationsService.eventBody(body));
    const docLang = lang === 'kk' ? 'kk' : 'ru';
    return {
      toState: out.application.state,
      status: out.application.status,
      stateName: version.def.machine.states[out.application.state].label,
      documents: documents
        .filter((d) => d.lang === docLang)
        .map((d) => ({ id: d.documentId, title: d.title, html: d.html })),
    };
  }

  /** The body of an event as the API takes it: a type, and data that is an object of safe text. */
  private static eventBody(body: { type?: unknown; data?: unknown }): EventBody {
    if (typeof body.type !== 'string')
      throw domainError('user', 'request.invalid', 'type is required: one of the allowedEvents of the application', {
        extensions: { errors: [{ pointer: '/type', code: 'required', message: 'type is required' }] },
      });
    if (body.data !== undefined && (body.data === null || typeof body.data !== 'object' || Array.isArray(body.data)))
      throw domainError('user', 'request.invalid', 'data must be an object', {
        extensions: { errors: [{ pointer: '/data', code: 'type', message: 'data must be an object' }] },
      });
    assertSafeText(body.data);
    return { type: body.type, data: body.data as Record<string, unknown> | undefined };
  }

  /**
   * An event applied to the application as it stands, in memory: timers due by now fire first, the engine checks
   * role, state and data and takes the step, the documents it issues are rendered. sendEvent writes the outcome,
   * previewEvent shows it.
   */
  private async eventOutcome(user: StoredUser, id: string, event: EventBody) {
    const app = await this.get(user, id);
    const version = this.version(app);
    const def = eventDef(version, event.type);
    // Users send only the events the definition declares: the engine would also take a "timer:…" type, which is
    // its own to fire.
    if (!def)
      throw domainError('conflict', 'event.unknown', `the service has no event "${event.type}"`, {
        extensions: { allowedEvents: allowedEvents(version, app.snapshot).map((e) => e.type) },
      });
    // Whether this role may send the event is the engine's check (event.forbiddenRole); nothing is written then.
    const actor = actingRole(user, app, def.roles);
    const at = nowIso(this.ctx, version.service);
    const timers = await fireDueTimers(version, app.snapshot, at);
    const out = await applyEvent(version, timers.application, { type: event.type, at, actor, data: event.data });
    const events = await this.ctx.store.listEvents(id);
    const trace = [...timers.trace, ...out.trace];
    const decided = await this.decisionFor(app.snapshot, out.application, { user, actor, at }, events);
    const documents = this.documentsIssued(version, app.snapshot, out.application, app.provider, decided);
    return { app, version, actor, at, out, trace, events, documents };
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
    const decided = await this.decisionFor(app.snapshot, out.application, null, events);
    const documents = this.documentsIssued(version, app.snapshot, out.application, app.provider, decided);
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
      documents,
      audit,
      await this.deliveriesFor(stored, app),
    );
    if (ok) this.notifications.changed(version, app, stored);
    return ok;
  }

  /** The webhook deliveries of a change, written with it (the store's outbox): none when status and state stay. */
  private async deliveriesFor(now: StoredApplication, before: StoredApplication | null): Promise<WebhookDelivery[]> {
    if (before && before.status === now.status && before.state === now.state) return [];
    return statusChangeDeliveries(await this.subscriptionList(), now, before, this.ctx);
  }

  private subscriptionList(): Promise<WebhookSubscription[]> {
    const at = Date.now();
    if (!this.subscriptions || at - this.subscriptions.at > SUBSCRIPTIONS_TTL_MS)
      this.subscriptions = { at, list: this.ctx.store.listSubscriptions() };
    return this.subscriptions.list;
  }
}
