import type { ApplicationState } from '@qyzmet/engine';
import type {
  AuditEntry,
  DefinitionDraft,
  StoredApplication,
  StoredDocument,
  StoredEvent,
  StoredUser,
  WebhookDelivery,
  WebhookSubscription,
} from '../Store';

/**
 * Resolves after `count` ticks of a 5 ms timer: a store call still pending then has not stopped the event loop (a
 * thread asleep in SQLite's busy handler fires no timers).
 */
export function timerTicks(count: number): Promise<void> {
  let ticks = 0;
  return new Promise<void>((done) => {
    const timer = setInterval(() => {
      if (++ticks === count) {
        clearInterval(timer);
        done();
      }
    }, 5);
  });
}

/** Records for the Store contract suite: plausible values, each overridable. */

export function app(id: string, over: Partial<StoredApplication> = {}): StoredApplication {
  const registeredAt = over.registeredAt ?? '2025-03-03T09:00:00+05:00';
  return {
    id,
    serviceId: 'cadastral-passport-duplicate',
    version: '2024-1',
    provider: 'prov-a',
    applicantId: 'user-applicant',
    channel: 'portal',
    status: 'registered',
    state: 'review',
    registeredAt,
    dueAt: '2025-03-06T18:30:00+05:00',
    nextTimerAt: null,
    snapshot: {
      id,
      state: 'review',
      data: { iin: '900101300123', name: 'Әлия' },
      timers: [],
    } as unknown as ApplicationState,
    rev: 0,
    createdAt: registeredAt,
    updatedAt: registeredAt,
    ...over,
  };
}

export function event(applicationId: string, seq: number, over: Partial<StoredEvent> = {}): StoredEvent {
  return {
    applicationId,
    seq,
    type: seq === 1 ? 'submit' : 'accept',
    actor: seq === 1 ? 'applicant' : 'operator',
    userId: 'user-1',
    at: '2025-03-03T09:00:00+05:00',
    data: { note: `event ${seq}` },
    fromState: seq === 1 ? 'new' : 'review',
    toState: seq === 1 ? 'review' : 'accepted',
    ...over,
  };
}

export function doc(
  applicationId: string,
  documentId: string,
  lang: 'kk' | 'ru',
  html = '<p>Анықтама</p>',
): StoredDocument {
  return {
    applicationId,
    documentId,
    lang,
    title: `Title ${lang}`,
    kind: 'certificate',
    html,
    issuedAt: '2025-03-04T10:00:00+05:00',
  };
}

export function audit(subject: string, action: string, at = '2025-03-03T09:00:00+05:00'): AuditEntry {
  return { at, userId: 'user-1', action, subject, details: { why: action } };
}

export function user(id: string, username: string): StoredUser {
  return {
    id,
    username,
    passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
    roles: ['officer'],
    actorRoles: ['operator', 'head'],
    providers: ['*'],
    displayName: 'Офицер',
    createdAt: '2025-01-01T00:00:00Z',
  };
}

export function sub(id: string): WebhookSubscription {
  return {
    id,
    url: 'https://example.kz/hook',
    secret: 'sekret',
    serviceId: null,
    provider: 'prov-a',
    createdBy: 'u1',
    createdAt: '2025-03-01T00:00:00Z',
    active: true,
  };
}

export function delivery(id: string, over: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id,
    subscriptionId: 's1',
    event: 'application.approved',
    payload: { applicationId: id },
    attempts: 0,
    nextAttemptAt: '2025-03-03T09:00:00+05:00',
    status: 'pending',
    lastError: null,
    lastStatus: null,
    createdAt: `2025-03-03T08:0${id.slice(1)}:00+05:00`,
    deliveredAt: null,
    ...over,
  };
}

export function draft(over: Partial<DefinitionDraft> = {}): DefinitionDraft {
  return {
    serviceId: 'svc',
    id: 'd1',
    rev: 1,
    definition: { id: 'v2', basedOn: 'v1', changes: [] },
    baseVersion: 'v1',
    legalRef: null,
    scenarios: [],
    expectedFrom: null,
    approvals: [],
    author: 'analyst',
    savedBy: 'analyst',
    note: 'first',
    createdAt: '2025-03-01T00:00:00Z',
    updatedAt: '2025-03-01T00:00:00Z',
    publishedAt: null,
    discardedAt: null,
    ...over,
  };
}

/**
 * Seven applications whose due instants are in two offsets: text order and instant order disagree on purpose
 * (UTC+6 before 2024-03-01), so a store that sorts the strings fails.
 */
export const inboxRows: StoredApplication[] = [
  app('a', {
    provider: 'p1',
    status: 'registered',
    dueAt: '2024-02-20T10:00:00+06:00',
    registeredAt: '2024-02-10T09:00:00+06:00',
  }), // 04:00Z
  app('b', {
    provider: 'p1',
    status: 'in-progress',
    dueAt: '2024-02-20T09:30:00+05:00',
    registeredAt: '2024-02-11T09:00:00+06:00',
  }), // 04:30Z
  app('c', { provider: 'p2', status: 'registered', dueAt: null, registeredAt: '2024-02-09T09:00:00+06:00' }),
  app('d', {
    provider: 'p2',
    status: 'approved',
    dueAt: '2024-02-15T18:30:00+06:00',
    registeredAt: '2024-02-05T09:00:00+06:00',
  }),
  app('e', {
    provider: 'p3',
    status: 'suspended',
    dueAt: '2024-02-20T10:00:00+06:00',
    registeredAt: '2024-02-08T09:00:00+06:00',
    applicantId: 'user-2',
  }), // 04:00Z, registered earlier than a
  app('f', {
    provider: 'p1',
    status: 'refused',
    dueAt: null,
    registeredAt: '2024-02-01T09:00:00+06:00',
    serviceId: 'housing-presence-certificate',
  }),
  app('g', {
    provider: 'p3',
    status: 'in-progress',
    dueAt: '2024-03-10T18:30:00+05:00',
    registeredAt: '2024-03-01T09:00:00+05:00',
    applicantId: 'user-2',
  }),
];
