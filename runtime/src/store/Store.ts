import {
  domainError,
  type Act,
  type ApplicationState,
  type LegalRef,
  type Scenario,
  type Status,
} from '@qyzmet/engine';

/**
 * The store interface of the runtime. The embedded SQLite adapter (`sqlite/`) serves a laptop or one office; the
 * MongoDB adapter (`mongodb/`, production, several instances) implements the same interface. Methods are async so both
 * fit. Every write that the API acknowledges is durable when its promise resolves.
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
  /**
   * Who the user is in the state's registers (as their digital identity gives it): the applicant UI prefills a form's
   * `x-identity` fields from it. Any part may be missing (an officer may have only a name).
   */
  identity?: UserIdentity;
}

/** A user's identity: full name as in the ID document, IIN (person) or BIN (entity), phone, e-mail. */
export interface UserIdentity {
  fullName?: string;
  iin?: string;
  bin?: string;
  phone?: string;
  email?: string;
}

export interface StoredApplication {
  id: string;
  /**
   * The human-readable number, PROVIDER-SERVICE-YEAR-SEQUENCE ("GKNPZH-CPD-2026-000123"): unique, given at
   * registration; null on applications stored before numbering (and on bulk-inserted ones).
   */
  number?: string | null;
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
  /**
   * Who applied and what about, as the inbox shows and searches it (the engine's summarizeApplication at creation).
   * Absent or null: stored before it was kept.
   */
  summary?: ApplicationSubject | null;
  /** The officer who took the application (claimed, or was assigned it); absent or null: nobody has. */
  assigneeId?: string | null;
}

/** The inbox's view of who applied and what about: the form's x-identity and x-summary fields. */
export interface ApplicationSubject {
  applicantName: string | null;
  /** The applicant's IIN, else BIN, digits as given. */
  applicantId: string | null;
  object: { kk: string; ru: string; en: string } | null;
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
  /** The issued document's number, "<application number>-<n>" (the same in both languages); null before numbering. */
  number?: string | null;
  /** What the PDF prints beside the text (verification QR, issuer, signature block), fixed at issue. */
  seal?: DocumentSeal | null;
  /** SHA-256 (hex) of the document's PDF bytes, fixed when the PDF is first rendered (renderPdf is byte-stable). */
  pdfSha256?: string | null;
}

/**
 * What a PDF carries beside the document's text, fixed when the document is issued so that every later rendering
 * gives the same bytes: the verification URL its QR code holds, the issuer, and who decided.
 */
export interface DocumentSeal {
  /** The public verification URL (QYZMET_PUBLIC_URL at issue + /api/v1/verify/<number>). */
  verifyUrl: string;
  /** The provider, in the document's language. */
  issuer: string;
  /**
   * Who decided, when, in which role (the role's label in the document's language): the provider-side event that
   * led to the document. Null when no official acted (a receipt the system forms at registration).
   */
  signature: { name: string; at: string; role: string } | null;
}

/** Everything an application's first write holds, built once its number is known. */
export interface NewApplication {
  app: StoredApplication;
  events: StoredEvent[];
  documents: StoredDocument[];
  audit: AuditEntry[];
  deliveries?: WebhookDelivery[];
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
  /**
   * The inbox's one search box (inboxSearch.ts): a number whole or its tail, or a 12-digit IIN/BIN (both from an
   * index), else part of the applicant's name or of the object, case-insensitive (Cyrillic too).
   */
  search?: string;
  /** Only applications assigned to this user id; null: only those nobody has taken. */
  assignee?: string | null;
  limit: number;
  offset: number;
}

/** Inbox totals are exact up to this many matches, then a lower bound: counting more costs more than the page. */
export const COUNT_CAP = 10_000;

/** A page of the inbox; `total` is exact up to COUNT_CAP, then a lower bound. */
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

/**
 * The Store contract, one interface per aggregate, so that an adapter is a set of small files (one per aggregate)
 * and the contract suite (`contract/storeContract.ts`) states what each must guarantee, whatever the database.
 */

/**
 * Applications with their events and issued documents: one aggregate. Insert and update write the application, its
 * new events, its documents, their audit lines and the webhook deliveries the change causes (the outbox) all or
 * nothing: a committed change is never left without its notification.
 */
export interface ApplicationsStore {
  insertApplication(
    app: StoredApplication,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
    deliveries?: WebhookDelivery[],
  ): Promise<void>;
  getApplication(id: string): Promise<StoredApplication | undefined>;
  /** Writes the new state only if the stored rev is `expectedRev`; false on a concurrent update (nothing written). */
  updateApplication(
    app: StoredApplication,
    expectedRev: number,
    events: StoredEvent[],
    documents: StoredDocument[],
    audit: AuditEntry[],
    deliveries?: WebhookDelivery[],
  ): Promise<boolean>;
  listApplications(query: ApplicationQuery): Promise<ApplicationPage>;
  listEvents(applicationId: string): Promise<StoredEvent[]>;
  getDocument(applicationId: string, documentId: string, lang: 'kk' | 'ru'): Promise<StoredDocument | undefined>;
  /** Inserts applications only (no events, documents or audit): for seeding, benchmarks and copies between stores. */
  bulkInsertApplications(apps: StoredApplication[]): Promise<void>;
  /**
   * Takes the next number of `series` and inserts what `build(sequence)` makes of it (the application with its number,
   * events, documents that print it, audit, deliveries). SQLite: the number and the insert are one write transaction,
   * so a failed insert gives the number back (no gap). MongoDB (no multi-document transactions on FerretDB): the
   * number is taken just before the insert; an insert failing after that (a crash, a lost connection) leaves a gap.
   * `build` must not fail for reasons of its own (validate before). Returns what was inserted.
   */
  insertNumberedApplication(series: string, build: (sequence: number) => NewApplication): Promise<NewApplication>;
  /** Both languages of the issued document with this number (none when unknown or since replaced by a re-issue). */
  findDocumentsByNumber(number: string): Promise<StoredDocument[]>;
  /**
   * Records the SHA-256 of a document's PDF unless one is recorded already; returns the recorded one (the first
   * rendering's), so concurrent first renderings agree.
   */
  setDocumentSha256(applicationId: string, documentId: string, lang: 'kk' | 'ru', sha256: string): Promise<string>;
}

/** Timers with leases, so that of several instances exactly one fires a due timer. */
export interface TimersStore {
  /**
   * Returns the ids of up to `limit` applications whose nextTimerAt <= now and whose lease is free or expired, and
   * leases them to `owner` until now + leaseMs, so two instances never fire the same timer. Earliest timer first.
   */
  claimDueApplications(now: string, owner: string, leaseMs: number, limit: number): Promise<string[]>;
  /** Only the holder can release; a lease taken over after it expired stays with its new owner. */
  releaseLease(applicationId: string, owner: string): Promise<void>;
}

/** A session and the user it belongs to (undefined when there is none), as one read gives them. */
export interface SessionWithUser {
  session: StoredSession;
  user: StoredUser | undefined;
}

/** Users (unique usernames) and their sessions. */
export interface UsersStore {
  /** A second user with a taken username is a `conflict` (store.duplicate). */
  createUser(user: StoredUser): Promise<void>;
  getUserByUsername(username: string): Promise<StoredUser | undefined>;
  getUser(id: string): Promise<StoredUser | undefined>;
  countUsers(): Promise<number>;
  /** Users with the officer role who work for `provider` (their providers hold it or "*"), in no set order. */
  listOfficers(provider: string): Promise<StoredUser[]>;
  /** Replaces a user's password hash (a re-hash at today's cost after a successful sign-in). */
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** `createdAt` (when signed in) orders a user's sessions for the cap and bounds the absolute lifetime. */
  createSession(tokenHash: string, userId: string, expiresAt: string, createdAt?: string): Promise<void>;
  /**
   * The session (even when expired: the caller compares expiresAt with its clock) and its user (undefined when there
   * is none), in one read: every signed-in request needs both, and each read is a round trip to the store.
   */
  getSessionWithUser(tokenHash: string): Promise<SessionWithUser | undefined>;
  /** Moves an active session's idle expiry (its "last seen" plus the idle period); an unknown token is ignored. */
  touchSession(tokenHash: string, expiresAt: string): Promise<void>;
  /** Revokes one session (sign-out); an unknown token is ignored. */
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Deletes every session expired at `now`, then the user's oldest sessions beyond `keep` (by createdAt; sessions
   * written without one count as oldest). Returns how many it deleted.
   */
  pruneSessions(userId: string, keep: number, now: string): Promise<number>;
}

/** What a throttle key holds now: hits in the window, and when the oldest of them leaves it (epoch ms). */
export interface ThrottleCount {
  count: number;
  /** Epoch ms at which the count next drops; `now` when the count is 0. */
  resetAt: number;
}

/**
 * Sliding-window hit counters shared by every instance (login failures per account and per client, lockouts): one
 * record per hit, so concurrent hits from several instances are all counted, whatever the database.
 */
export interface ThrottleStore {
  /**
   * Records a hit at `nowMs` and returns the key's hits within (nowMs - windowMs, nowMs]: this one, every one stored
   * before it, and perhaps some racing it (so two concurrent hits may both see the same count; never fewer).
   */
  throttleHit(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount>;
  /** The key's hits within the window, without adding one. */
  throttlePeek(key: string, windowMs: number, nowMs: number): Promise<ThrottleCount>;
  /** Forgets every hit of the key (a successful sign-in, a lockout that replaces the failures). */
  throttleReset(key: string): Promise<void>;
}

/** A page of the audit trail, newest first: one subject, or subjects of some kinds ("definition:"), before a cursor. */
export interface AuditPageQuery {
  subject?: string;
  /** Only subjects starting with one of these (e.g. ["definition:", "act:"]). */
  subjectPrefixes?: string[];
  /** The `next` of the page before: this page starts after it. */
  cursor?: string;
  limit: number;
}

/** The audit trail: append-only, read newest first. */
export interface AuditStore {
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(subject: string | null, limit: number): Promise<AuditEntry[]>;
  /** `next` is the cursor of the following page, null on the last; a cursor this store never gave is a 400. */
  pageAudit(query: AuditPageQuery): Promise<{ items: AuditEntry[]; next: string | null }>;
}

/** Webhook subscriptions and their delivery outbox, leased like timers. */
export interface WebhooksStore {
  createSubscription(s: WebhookSubscription): Promise<void>;
  listSubscriptions(): Promise<WebhookSubscription[]>;
  /** A delivery whose id is already stored is not written again: a retried enqueue cannot notify twice. */
  enqueueDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /** Leases up to `limit` pending deliveries whose nextAttemptAt <= now, earliest first. */
  claimDueDeliveries(now: string, owner: string, leaseMs: number, limit: number): Promise<WebhookDelivery[]>;
  /** Records an attempt's outcome and ends the lease. */
  updateDelivery(d: WebhookDelivery): Promise<void>;
  /** Newest first. */
  listDeliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]>;
}

/** Acts registered or amended through the admin API (those of the files are not stored). */
export interface ActsStore {
  /** Insert or replace by id; the first registration's author and date are kept. */
  saveAct(act: StoredAct): Promise<void>;
  listActs(): Promise<StoredAct[]>;
}

/** Drafts of new versions with every saved revision; a published draft is the published version. */
export interface DraftsStore {
  /**
   * Writes a draft and keeps the revision: `expectedRev` null creates it (false when the id is taken), a number
   * updates it only if the stored draft is still at that revision (false when someone saved in between).
   */
  saveDraft(draft: DefinitionDraft, expectedRev: number | null): Promise<boolean>;
  getDraft(serviceId: string, id: string): Promise<DefinitionDraft | undefined>;
  /** Most recently updated first. */
  listDrafts(serviceId: string): Promise<DefinitionDraft[]>;
  /** Every saved revision of a draft, oldest first. */
  listDraftRevisions(serviceId: string, id: string): Promise<DefinitionDraft[]>;
}

/**
 * Numbered series (the human-readable numbers of applications and issued documents): each number is given once,
 * whatever the number of instances asking at once, and a series counts 1, 2, 3… without gaps as long as no write
 * that took a number fails afterwards.
 */
export interface CountersStore {
  nextNumber(series: string): Promise<number>;
}

/** Small key/value facts about the store (the calendar fingerprint, the definitions' generation mark). */
export interface MetaStore {
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
}

export interface StoredSession {
  userId: string;
  /** The idle expiry: moved forward as the session is used, never past createdAt plus the absolute lifetime. */
  expiresAt: string;
  /** When the user signed in; absent on sessions written before it was kept. */
  createdAt?: string;
}

/**
 * Everything a store holds, one record at a time, for `qyzmet store copy` between adapters. Leases are not copied:
 * a copy is made with the runtime stopped.
 */
export type StoreRecord =
  | { kind: 'application'; application: StoredApplication; events: StoredEvent[]; documents: StoredDocument[] }
  | { kind: 'user'; user: StoredUser }
  | { kind: 'session'; tokenHash: string; session: StoredSession }
  | { kind: 'audit'; entry: AuditEntry }
  | { kind: 'subscription'; subscription: WebhookSubscription }
  | { kind: 'delivery'; delivery: WebhookDelivery }
  | { kind: 'act'; act: StoredAct }
  | { kind: 'draft'; draft: DefinitionDraft; revisions: DefinitionDraft[] }
  | { kind: 'meta'; key: string; value: string }
  | { kind: 'counter'; series: string; value: number };

export type StoreRecordKind = StoreRecord['kind'];

/** Every kind of record a store holds. */
export const STORE_RECORD_KINDS: readonly StoreRecordKind[] = [
  'user',
  'session',
  'application',
  'audit',
  'subscription',
  'delivery',
  'act',
  'draft',
  'meta',
  'counter',
];

/** A count of zero for every kind, to add to. */
export function zeroRecordCounts(): Record<StoreRecordKind, number> {
  return Object.fromEntries(STORE_RECORD_KINDS.map((k) => [k, 0])) as Record<StoreRecordKind, number>;
}

/**
 * A copy is made into an empty store only: merged into other data it could not be checked by its counts. Throws a
 * `conflict` (store.not-empty) naming what the target holds.
 */
export function refuseUnlessEmpty(held: Record<StoreRecordKind, number>, where = 'this store'): void {
  const nonZero = Object.entries(held).filter(([, n]) => n > 0);
  if (nonZero.length > 0)
    throw domainError(
      'conflict',
      'store.not-empty',
      `${where} already holds records (${nonZero.map(([k, n]) => `${n} ${k}`).join(', ')}); ` +
        `a copy is made into an empty store only, so that its counts can be checked`,
      { params: { held: Object.fromEntries(nonZero) } },
    );
}

/** Reading and writing a whole store, for copies between adapters. */
export interface PortableStore {
  /**
   * Every record, kind by kind (parents before the records that name them: users before sessions, subscriptions
   * before deliveries), each kind in a stable order, audit entries in the order they were written.
   */
  exportRecords(): AsyncIterable<StoreRecord>;
  /**
   * Writes records into an empty store, in any order of kinds (audit in the order given), and returns how many of
   * each it wrote; the caller compares them with the source's counts.
   */
  importRecords(records: AsyncIterable<StoreRecord>): Promise<Record<StoreRecordKind, number>>;
  /** How many records of each kind the store holds. */
  countRecords(): Promise<Record<StoreRecordKind, number>>;
}

/** The whole store: every aggregate, copying, and closing. */
export interface Store
  extends
    ApplicationsStore,
    TimersStore,
    UsersStore,
    ThrottleStore,
    AuditStore,
    WebhooksStore,
    ActsStore,
    DraftsStore,
    MetaStore,
    CountersStore,
    PortableStore {
  /** Which adapter this is, for logs and /health: "sqlite" or "mongodb". */
  readonly kind: 'sqlite' | 'mongodb';
  close(): Promise<void>;
}
