import type { Act, ApplicationState, LegalRef, Scenario, Status } from '@qyzmet/engine';

/**
 * The store interface of the runtime. The embedded SQLite adapter serves a laptop or one office; a MongoDB adapter
 * (production, several instances) implements the same interface. Methods are async so both fit. Every write that
 * the API acknowledges is durable when its promise resolves.
 */

export type Role = 'applicant' | 'officer' | 'analyst' | 'admin';

export interface StoredUser {
  id: string;
  username: string;
  /** scrypt$<N>$<r>$<p>$<salt b64>$<hash b64> */
  passwordHash: string;
  roles: Role[];
  /** Provider-side roles an officer holds (operator, specialist, executor, head, commission, archive, officer). */
  actorRoles: string[];
  /** Providers an officer works for ("*" = every provider). */
  providers: string[];
  displayName: string;
  createdAt: string;
}

export interface StoredApplication {
  id: string;
  serviceId: string;
  version: string;
  provider: string;
  applicantId: string;
  channel: string | null;
  status: Status;
  state: string;
  registeredAt: string;
  /** Due instant of the "service" deadline (null when the act gives none the engine can compute). */
  dueAt: string | null;
  /** Earliest pending timer: what the scheduler looks at. */
  nextTimerAt: string | null;
  /** The engine's plain-JSON state of the application. */
  snapshot: ApplicationState;
  /** Optimistic concurrency: incremented by every update. */
  rev: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredEvent {
  applicationId: string;
  seq: number;
  type: string;
  actor: string;
  userId: string | null;
  at: string;
  data: Record<string, unknown> | null;
  fromState: string;
  toState: string;
}

export interface StoredDocument {
  applicationId: string;
  documentId: string;
  lang: 'kk' | 'ru';
  title: string;
  kind: string;
  html: string;
  issuedAt: string;
}

export interface AuditEntry {
  at: string;
  userId: string | null;
  action: string;
  /** What it concerns: "application:<id>", "definition:<serviceId>", "user:<id>", "webhook:<id>". */
  subject: string;
  details: Record<string, unknown>;
}

export interface ApplicationQuery {
  /** Only these providers ("*" or absent = all). */
  providers?: string[];
  applicantId?: string;
  serviceId?: string;
  status?: Status[];
  /** Only open applications whose dueAt is before this instant. */
  overdueAt?: string;
  /** Only applications due before this instant. */
  dueBefore?: string;
  limit: number;
  offset: number;
}

/** A page of the inbox; `total` is exact up to a cap (10 000 in the SQLite store), then a lower bound. */
export interface ApplicationPage {
  items: StoredApplication[];
  total: number;
  totalExact: boolean;
}

export interface WebhookSubscription {
  id: string;
  url: string;
  secret: string;
  serviceId: string | null;
  provider: string | null;
  createdBy: string;
  createdAt: string;
  active: boolean;
}

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  nextAttemptAt: string | null;
  status: 'pending' | 'delivered' | 'failed';
  lastError: string | null;
  lastStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** An acts-registry entry written through the admin API: its id and the entry as in definitions/shared/acts. */
export interface StoredAct {
  id: string;
  act: Act;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A new version in the making, kept whole on the server so no work is lost: the version as written (`basedOn` the
 * version it amends, plus cited `changes` and the keys it replaces), the scenarios written with it, and every save
 * as a numbered revision. `rev` is the optimistic lock: a save names the revision it was made from.
 */
export interface DefinitionDraft {
  serviceId: string;
  id: string;
  rev: number;
  /** The version as written: `basedOn` + `changes` + the keys it replaces (or, rarely, a whole version). */
  definition: Record<string, unknown>;
  /** The version it was started from: the latest published, including one whose effective date is still ahead. */
  baseVersion: string;
  /** The amending act's item that the changes made from now on cite, chosen once and kept until changed. */
  legalRef: LegalRef | null;
  /** Scenarios written with the draft (by file name), published with it into the service's scenarios. */
  scenarios: Array<{ file: string; scenario: Scenario }>;
  /** The date the analyst expects it in force, used by scenarios and impact before the date is known. */
  expectedFrom: string | null;
  approvals: Array<{ rev: number; by: string; at: string }>;
  author: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Who saved this revision. */
  savedBy: string;
  publishedAt: string | null;
  discardedAt: string | null;
}

export interface Store {
  /**
   * Applications: insert writes the application, its first events, its documents and the audit line in one transaction.
   */
  insertApplication(
    app: StoredApplication,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
  ): Promise<void>;
  getApplication(id: string): Promise<StoredApplication | undefined>;
  /** Writes the new state only if the stored rev is `expectedRev`; false on a concurrent update (nothing written). */
  updateApplication(
    app: StoredApplication,
    expectedRev: number,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
  ): Promise<boolean>;
  listApplications(query: ApplicationQuery): Promise<ApplicationPage>;
  listEvents(applicationId: string): Promise<StoredEvent[]>;
  getDocument(applicationId: string, documentId: string, lang: 'kk' | 'ru'): Promise<StoredDocument | undefined>;

  /**
   * Timers with leases: returns the ids of up to `limit` applications whose nextTimerAt <= now and whose lease is
   * free or expired, and leases them to `owner` until now + leaseMs, so two instances never fire the same timer.
   */
  claimDueApplications(now: string, owner: string, leaseMs: number, limit: number): Promise<string[]>;
  releaseLease(applicationId: string, owner: string): Promise<void>;

  createUser(user: StoredUser): Promise<void>;
  getUserByUsername(username: string): Promise<StoredUser | undefined>;
  getUser(id: string): Promise<StoredUser | undefined>;
  countUsers(): Promise<number>;
  createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void>;
  getSession(tokenHash: string): Promise<{ userId: string; expiresAt: string } | undefined>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(subject: string | null, limit: number): Promise<AuditEntry[]>;

  createSubscription(s: WebhookSubscription): Promise<void>;
  listSubscriptions(): Promise<WebhookSubscription[]>;
  enqueueDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /** Leases up to `limit` pending deliveries whose nextAttemptAt <= now. */
  claimDueDeliveries(now: string, owner: string, leaseMs: number, limit: number): Promise<WebhookDelivery[]>;
  updateDelivery(d: WebhookDelivery): Promise<void>;
  listDeliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]>;

  /** Acts registered or amended through the admin API (those of the files are not stored). */
  saveAct(act: StoredAct): Promise<void>;
  listActs(): Promise<StoredAct[]>;

  /**
   * Writes a draft and keeps the revision: `expectedRev` null creates it (false when the id is taken), a number
   * updates it only if the stored draft is still at that revision (false when someone saved in between).
   */
  saveDraft(draft: DefinitionDraft, expectedRev: number | null): Promise<boolean>;
  getDraft(serviceId: string, id: string): Promise<DefinitionDraft | undefined>;
  listDrafts(serviceId: string): Promise<DefinitionDraft[]>;
  /** Every saved revision of a draft, oldest first. */
  listDraftRevisions(serviceId: string, id: string): Promise<DefinitionDraft[]>;

  /** Small key/value facts about the store (e.g. the calendar fingerprint the due instants were computed with). */
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}
