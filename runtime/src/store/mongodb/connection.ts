import { domainError } from '@qyzmet/engine';
import {
  MongoClient,
  MongoServerError,
  type Collection,
  type Db,
  type Document,
  type IndexDescription,
  type UpdateFilter,
} from 'mongodb';
import { databaseName, redact } from './mongoUrl';

// Kept here too for the modules and tests that import them from the connection.
export { databaseName, redact };

/**
 * One MongoDB database for the whole runtime (its name comes from MONGODB_URL), with the collections of every
 * aggregate and the indexes their queries need. Writes use write concern `majority` with journaling, and the
 * driver's retryable writes: on a replica set an acknowledged write survives the loss of the primary, and a write
 * interrupted by a failover is retried once by the driver (every write here is safe to retry: see each aggregate).
 */

/** The collections, by aggregate. Application documents hold their events, issued documents and audit outbox. */
/** A stored document: every id here is a string (the runtime's ids, or ids derived from them). */
export type Row = Document & { _id: string };

export interface Collections {
  applications: Collection<Row>;
  audit: Collection<Row>;
  users: Collection<Row>;
  sessions: Collection<Row>;
  subscriptions: Collection<Row>;
  deliveries: Collection<Row>;
  acts: Collection<Row>;
  drafts: Collection<Row>;
  draftRevisions: Collection<Row>;
  meta: Collection<Row>;
  locks: Collection<Row>;
  counters: Collection<Row>;
  throttle: Collection<Row>;
}

export interface MongoConnection {
  client: MongoClient;
  db: Db;
  c: Collections;
}

/**
 * Every index a query of the adapter relies on. The inbox ones follow its order (due, registered, id) after the
 * equality filters (provider, status, applicant); the unique ones hold where uniqueness is law (a username).
 */
const INDEXES: Record<keyof Collections, IndexDescription[]> = {
  applications: [
    { key: { provider: 1, status: 1, dueAtMs: 1, registeredAtMs: 1, _id: 1 }, name: 'inbox_provider_status' },
    { key: { status: 1, dueAtMs: 1, registeredAtMs: 1, _id: 1 }, name: 'inbox_status' },
    { key: { dueAtMs: 1, registeredAtMs: 1, _id: 1 }, name: 'inbox_all' },
    { key: { applicantId: 1, dueAtMs: 1, registeredAtMs: 1, _id: 1 }, name: 'inbox_applicant' },
    { key: { hasTimer: 1, nextTimerAtMs: 1 }, name: 'timers_pending' },
    { key: { auditPending: 1 }, name: 'audit_outbox', sparse: true },
    // Numbers are unique by the counters' keys already; the index makes it the database's rule as well.
    { key: { number: 1 }, name: 'applications_number', unique: true, sparse: true },
    { key: { documentNumbers: 1 }, name: 'documents_number', sparse: true },
    // The inbox search (inboxSearch.ts): an IIN/BIN exactly, a number's tail as a prefix of the reversed number.
    { key: { applicantCode: 1 }, name: 'search_applicant_code', sparse: true },
    { key: { numberTail: 1 }, name: 'search_number_tail', sparse: true },
    // "Mine": an officer's applications in inbox order.
    { key: { assigneeId: 1, dueAtMs: 1, registeredAtMs: 1, _id: 1 }, name: 'inbox_assignee' },
  ],
  audit: [
    { key: { seq: -1 }, name: 'audit_order' },
    { key: { subject: 1, seq: -1 }, name: 'audit_subject' },
  ],
  users: [
    { key: { username: 1 }, name: 'users_username', unique: true },
    // The officers of a provider ("assign to"): a multikey index on the roles.
    { key: { roles: 1 }, name: 'users_roles' },
  ],
  sessions: [
    { key: { expiresAtMs: 1 }, name: 'sessions_expiry' },
    { key: { userId: 1, createdAtMs: -1 }, name: 'sessions_user' },
  ],
  subscriptions: [{ key: { createdAtMs: 1, _id: 1 }, name: 'subscriptions_order' }],
  deliveries: [
    { key: { status: 1, nextAttemptAtMs: 1 }, name: 'deliveries_due' },
    { key: { subscriptionId: 1, createdAtMs: -1 }, name: 'deliveries_subscription' },
  ],
  acts: [],
  drafts: [{ key: { serviceId: 1, updatedAtMs: -1 }, name: 'drafts_service' }],
  draftRevisions: [{ key: { serviceId: 1, draftId: 1, rev: 1 }, name: 'draft_revisions_order' }],
  meta: [],
  locks: [{ key: { subject: 1, gen: -1 }, name: 'locks_newest' }],
  counters: [{ key: { series: 1, n: -1 }, name: 'counters_last' }],
  throttle: [
    { key: { key: 1, atMs: 1 }, name: 'throttle_key' },
    { key: { expiresAtMs: 1 }, name: 'throttle_expiry' },
  ],
};

const COLLECTION_NAMES: Record<keyof Collections, string> = {
  applications: 'applications',
  audit: 'audit',
  users: 'users',
  sessions: 'sessions',
  subscriptions: 'webhook_subscriptions',
  deliveries: 'webhook_deliveries',
  acts: 'acts',
  drafts: 'definition_drafts',
  draftRevisions: 'definition_draft_revisions',
  meta: 'meta',
  locks: 'locks',
  counters: 'counters',
  throttle: 'throttle_hits',
};

export async function connectMongo(url: string): Promise<MongoConnection> {
  const name = databaseName(url);
  const client = new MongoClient(url, {
    writeConcern: { w: 'majority', journal: true },
    retryWrites: true,
    retryReads: true,
    // 10 s to find a server at start, unless the URL says otherwise (the URL's own options win here).
    ...(/[?&]serverSelectionTimeoutMS=/i.test(url) ? {} : { serverSelectionTimeoutMS: 10_000 }),
    ignoreUndefined: true,
  });
  try {
    await client.connect();
  } catch (error) {
    throw domainError(
      'internal',
      'store.mongodb-unreachable',
      `no MongoDB server answered at ${redact(url)}: ${(error as Error).message}`,
      { params: { url: redact(url) } },
    );
  }
  const db = client.db(name);
  const c = Object.fromEntries(
    Object.entries(COLLECTION_NAMES).map(([key, collection]) => [key, db.collection(collection)]),
  ) as unknown as Collections;
  await ensureIndexes(c);
  return { client, db, c };
}

/**
 * Creates the indexes a collection lacks, one at a time. createIndex of an existing index is a no-op, so instances
 * starting together are safe; asking for several existing ones in one createIndexes crashes FerretDB 1.24's
 * connection (a slice-bounds panic), hence one call per missing index.
 */
async function ensureIndexes(c: Collections): Promise<void> {
  for (const key of Object.keys(INDEXES) as Array<keyof Collections>) {
    if (INDEXES[key].length === 0) continue;
    const existing = new Set(
      (
        await c[key]
          .listIndexes()
          .toArray()
          .catch(() => [])
      ).map((i) => i.name as string),
    );
    for (const index of INDEXES[key]) if (!existing.has(index.name!)) await c[key].createIndexes([index]);
  }
}

/** MongoDB's failures as the runtime's problems: a duplicate key is a conflict the caller can name. */
export function mongoProblem(error: unknown): unknown {
  if (isDuplicateKey(error))
    return domainError('conflict', 'store.duplicate', `this already exists (${(error as Error).message})`, {
      params: { mongodb: 11000 },
    });
  return error;
}

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}

/**
 * An upsert by id. Two instances upserting one new id at once can both try the insert (on FerretDB, and on MongoDB
 * too); the loser's duplicate-key error means the document now exists, so it is retried once as an update.
 */
export async function upsert(collection: Collection<Row>, id: string, update: UpdateFilter<Row>): Promise<void> {
  try {
    await collection.updateOne({ _id: id }, update, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await collection.updateOne({ _id: id }, update, { upsert: true });
  }
}

/** Runs a store operation and hands its failure back as the runtime's problem. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mongoProblem(error);
  }
}
