import type { Status } from '@qyzmet/engine';
import type {
  AuditEntry,
  DefinitionDraft,
  StoredAct,
  StoredApplication,
  StoredDocument,
  StoredEvent,
  StoredUser,
  WebhookDelivery,
  WebhookSubscription,
} from '../Store';
import { numberSequence, searchFields } from '../inboxSearch';
import { NO_DUE_MS, toMs, toMsOrNull } from '../instants';

/** Rows of the embedded store and the objects of the Store contract, both ways. */

export type Row = Record<string, unknown>;

/** Named parameters of a claim (timers, deliveries): due, free rows are leased to `owner` until now + leaseMs. */
export function leaseParams(now: string, owner: string, leaseMs: number, limit: number): Row {
  const nowMs = toMs(now, 'now');
  const untilMs = nowMs + leaseMs;
  return { owner, until: new Date(untilMs).toISOString(), until_ms: untilMs, now_ms: nowMs, limit };
}

export interface ApplicationRow {
  id: string;
  number: string | null;
  service_id: string;
  version: string;
  provider: string;
  applicant_id: string;
  channel: string | null;
  status: Status;
  state: string;
  registered_at: string;
  due_at: string | null;
  next_timer_at: string | null;
  snapshot: string;
  rev: number;
  created_at: string;
  updated_at: string;
  summary?: string | null;
  assignee_id?: string | null;
}

export function applicationFromRow(r: ApplicationRow): StoredApplication {
  return {
    id: r.id,
    // Present only when given, so that an application stored before numbering reads back as it was written.
    ...(r.number ? { number: r.number } : {}),
    serviceId: r.service_id,
    version: r.version,
    provider: r.provider,
    applicantId: r.applicant_id,
    channel: r.channel,
    status: r.status,
    state: r.state,
    registeredAt: r.registered_at,
    dueAt: r.due_at,
    nextTimerAt: r.next_timer_at,
    snapshot: JSON.parse(r.snapshot),
    rev: r.rev,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    // Present only when held, as the number: an application stored before them reads back as it was written.
    ...(typeof r.summary === 'string' ? { summary: JSON.parse(r.summary) } : {}),
    ...(r.assignee_id ? { assigneeId: r.assignee_id } : {}),
  };
}

/** Named parameters of the applications row, shared by insert and update. */
export function applicationParams(a: StoredApplication): Row {
  return {
    id: a.id,
    number: a.number ?? null,
    service_id: a.serviceId,
    version: a.version,
    provider: a.provider,
    applicant_id: a.applicantId,
    channel: a.channel,
    status: a.status,
    state: a.state,
    registered_at: a.registeredAt,
    registered_at_ms: toMs(a.registeredAt, 'registeredAt'),
    due_at: a.dueAt,
    due_at_ms: a.dueAt === null ? NO_DUE_MS : toMs(a.dueAt, 'dueAt'),
    next_timer_at: a.nextTimerAt,
    next_timer_at_ms: toMsOrNull(a.nextTimerAt, 'nextTimerAt'),
    snapshot: JSON.stringify(a.snapshot),
    rev: a.rev,
    created_at: a.createdAt,
    created_at_ms: toMs(a.createdAt, 'createdAt'),
    updated_at: a.updatedAt,
    summary: a.summary ? JSON.stringify(a.summary) : null,
    assignee_id: a.assigneeId ?? null,
    ...searchParams(a),
  };
}

/** The columns the inbox search compares (inboxSearch.ts). */
function searchParams(a: StoredApplication): Row {
  const f = searchFields(a);
  return {
    applicant_code: f.applicantCode,
    search_name: f.searchName,
    search_object: f.searchObject,
    number_seq: a.number ? numberSequence(a.number) : null,
  };
}

export function eventParams(e: StoredEvent): Row {
  return {
    application_id: e.applicationId,
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    user_id: e.userId,
    at: e.at,
    at_ms: toMs(e.at, 'event.at'),
    data: e.data === null ? null : JSON.stringify(e.data),
    from_state: e.fromState,
    to_state: e.toState,
  };
}

export function eventFromRow(r: Row): StoredEvent {
  return {
    applicationId: r.application_id as string,
    seq: r.seq as number,
    type: r.type as string,
    actor: r.actor as string,
    userId: r.user_id as string | null,
    at: r.at as string,
    data: r.data === null ? null : JSON.parse(r.data as string),
    fromState: r.from_state as string,
    toState: r.to_state as string,
  };
}

export function documentParams(d: StoredDocument): Row {
  return {
    application_id: d.applicationId,
    document_id: d.documentId,
    lang: d.lang,
    title: d.title,
    kind: d.kind,
    html: d.html,
    issued_at: d.issuedAt,
    number: d.number ?? null,
    seal: d.seal ? JSON.stringify(d.seal) : null,
    pdf_sha256: d.pdfSha256 ?? null,
  };
}

export function documentFromRow(r: Row): StoredDocument {
  return {
    applicationId: r.application_id as string,
    documentId: r.document_id as string,
    lang: r.lang as 'kk' | 'ru',
    title: r.title as string,
    kind: r.kind as string,
    html: r.html as string,
    issuedAt: r.issued_at as string,
    ...(r.number ? { number: r.number as string } : {}),
    ...(typeof r.seal === 'string' ? { seal: JSON.parse(r.seal) } : {}),
    ...(r.pdf_sha256 ? { pdfSha256: r.pdf_sha256 as string } : {}),
  };
}

export function auditParams(a: AuditEntry): Row {
  return {
    at: a.at,
    at_ms: toMs(a.at, 'audit.at'),
    user_id: a.userId,
    action: a.action,
    subject: a.subject,
    details: JSON.stringify(a.details),
  };
}

export function auditFromRow(r: Row): AuditEntry {
  return {
    at: r.at as string,
    userId: r.user_id as string | null,
    action: r.action as string,
    subject: r.subject as string,
    details: JSON.parse(r.details as string),
  };
}

export function userParams(user: StoredUser): Row {
  return {
    id: user.id,
    username: user.username,
    password_hash: user.passwordHash,
    roles: JSON.stringify(user.roles),
    actor_roles: JSON.stringify(user.actorRoles),
    providers: JSON.stringify(user.providers),
    display_name: user.displayName,
    created_at: user.createdAt,
    identity: user.identity === undefined ? null : JSON.stringify(user.identity),
  };
}

export function userFromRow(r: Row): StoredUser {
  return {
    id: r.id as string,
    username: r.username as string,
    passwordHash: r.password_hash as string,
    roles: JSON.parse(r.roles as string),
    actorRoles: JSON.parse(r.actor_roles as string),
    providers: JSON.parse(r.providers as string),
    displayName: r.display_name as string,
    createdAt: r.created_at as string,
    ...(typeof r.identity === 'string' ? { identity: JSON.parse(r.identity) } : {}),
  };
}

export function subscriptionParams(sub: WebhookSubscription): Row {
  return {
    id: sub.id,
    url: sub.url,
    secret: sub.secret,
    service_id: sub.serviceId,
    provider: sub.provider,
    created_by: sub.createdBy,
    created_at: sub.createdAt,
    created_at_ms: toMs(sub.createdAt, 'subscription.createdAt'),
    active: sub.active ? 1 : 0,
  };
}

export function subscriptionFromRow(r: Row): WebhookSubscription {
  return {
    id: r.id as string,
    url: r.url as string,
    secret: r.secret as string,
    serviceId: r.service_id as string | null,
    provider: r.provider as string | null,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    active: r.active === 1,
  };
}

export function deliveryParams(d: WebhookDelivery): Row {
  return {
    id: d.id,
    subscription_id: d.subscriptionId,
    event: d.event,
    payload: JSON.stringify(d.payload),
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt,
    next_attempt_at_ms: d.nextAttemptAt === null ? 0 : toMs(d.nextAttemptAt, 'nextAttemptAt'),
    status: d.status,
    last_error: d.lastError,
    last_status: d.lastStatus,
    created_at: d.createdAt,
    created_at_ms: toMs(d.createdAt, 'delivery.createdAt'),
    delivered_at: d.deliveredAt,
  };
}

export function deliveryFromRow(r: Row): WebhookDelivery {
  return {
    id: r.id as string,
    subscriptionId: r.subscription_id as string,
    event: r.event as string,
    payload: JSON.parse(r.payload as string),
    attempts: r.attempts as number,
    nextAttemptAt: r.next_attempt_at as string | null,
    status: r.status as WebhookDelivery['status'],
    lastError: r.last_error as string | null,
    lastStatus: r.last_status as number | null,
    createdAt: r.created_at as string,
    deliveredAt: r.delivered_at as string | null,
  };
}

export function actParams(a: StoredAct): Row {
  return {
    id: a.id,
    act: JSON.stringify(a.act),
    created_by: a.createdBy,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

export function actFromRow(r: Row): StoredAct {
  return {
    id: String(r.id),
    act: JSON.parse(String(r.act)),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

/** The parts of a draft kept in the `extra` column, with their defaults for drafts saved before migration 0004. */
const DRAFT_EXTRA_DEFAULTS = {
  baseVersion: '',
  legalRef: null,
  scenarios: [],
  expectedFrom: null,
  approvals: [],
  savedBy: '',
  discardedAt: null,
};

export function draftFromRow(r: Row): DefinitionDraft {
  const extra = JSON.parse((r.extra as string | undefined) ?? '{}') as Partial<DefinitionDraft>;
  return {
    serviceId: r.service_id as string,
    id: r.id as string,
    rev: Number(r.rev ?? 1),
    definition: JSON.parse(r.definition as string),
    ...DRAFT_EXTRA_DEFAULTS,
    ...extra,
    author: r.author as string,
    note: r.note as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    publishedAt: r.published_at as string | null,
  };
}

export function draftParams(d: DefinitionDraft): Row {
  const { baseVersion, legalRef, scenarios, expectedFrom, approvals, savedBy, discardedAt } = d;
  return {
    service_id: d.serviceId,
    id: d.id,
    rev: d.rev,
    definition: JSON.stringify(d.definition),
    extra: JSON.stringify({ baseVersion, legalRef, scenarios, expectedFrom, approvals, savedBy, discardedAt }),
    author: d.author,
    note: d.note,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    updated_at_ms: toMs(d.updatedAt, 'draft.updatedAt'),
    published_at: d.publishedAt,
  };
}
