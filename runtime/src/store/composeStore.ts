import type {
  ActsStore,
  ApplicationsStore,
  AuditStore,
  CountersStore,
  DraftsStore,
  MetaStore,
  PortableStore,
  Store,
  ThrottleStore,
  TimersStore,
  UsersStore,
  WebhooksStore,
} from './Store';

/** An adapter's implementations of the aggregates, one object each (sqlite/*.ts, mongodb/*.ts). */
export interface StoreParts {
  applications: ApplicationsStore;
  timers: TimersStore;
  users: UsersStore;
  throttle: ThrottleStore;
  audit: AuditStore;
  webhooks: WebhooksStore;
  acts: ActsStore;
  drafts: DraftsStore;
  meta: MetaStore;
  counters: CountersStore;
  portable: PortableStore;
}

export type StoreMethods = Omit<Store, 'kind' | 'close'>;

/**
 * The Store's methods, each handed to the part that implements its aggregate: how an adapter becomes one Store
 * without a class that lists forty methods again. Only the contract's methods are exposed, not the parts' helpers.
 */
export function storeMethods(p: StoreParts): StoreMethods {
  return {
    insertApplication: (app, events, documents, audit, deliveries) =>
      p.applications.insertApplication(app, events, documents, audit, deliveries),
    getApplication: (id) => p.applications.getApplication(id),
    updateApplication: (app, expectedRev, events, documents, audit, deliveries) =>
      p.applications.updateApplication(app, expectedRev, events, documents, audit, deliveries),
    listApplications: (query) => p.applications.listApplications(query),
    listEvents: (applicationId) => p.applications.listEvents(applicationId),
    getDocument: (applicationId, documentId, lang) => p.applications.getDocument(applicationId, documentId, lang),
    bulkInsertApplications: (apps) => p.applications.bulkInsertApplications(apps),
    insertNumberedApplication: (series, build) => p.applications.insertNumberedApplication(series, build),
    findDocumentsByNumber: (number) => p.applications.findDocumentsByNumber(number),
    setDocumentSha256: (applicationId, documentId, lang, sha256) =>
      p.applications.setDocumentSha256(applicationId, documentId, lang, sha256),

    claimDueApplications: (now, owner, leaseMs, limit) => p.timers.claimDueApplications(now, owner, leaseMs, limit),
    releaseLease: (applicationId, owner) => p.timers.releaseLease(applicationId, owner),

    createUser: (user) => p.users.createUser(user),
    getUserByUsername: (username) => p.users.getUserByUsername(username),
    getUser: (id) => p.users.getUser(id),
    countUsers: () => p.users.countUsers(),
    listOfficers: (provider) => p.users.listOfficers(provider),
    setPasswordHash: (userId, passwordHash) => p.users.setPasswordHash(userId, passwordHash),
    createSession: (tokenHash, userId, expiresAt, createdAt) =>
      p.users.createSession(tokenHash, userId, expiresAt, createdAt),
    getSessionWithUser: (tokenHash) => p.users.getSessionWithUser(tokenHash),
    touchSession: (tokenHash, expiresAt) => p.users.touchSession(tokenHash, expiresAt),
    deleteSession: (tokenHash) => p.users.deleteSession(tokenHash),
    pruneSessions: (userId, keep, now) => p.users.pruneSessions(userId, keep, now),

    throttleHit: (key, windowMs, nowMs) => p.throttle.throttleHit(key, windowMs, nowMs),
    throttlePeek: (key, windowMs, nowMs) => p.throttle.throttlePeek(key, windowMs, nowMs),
    throttleReset: (key) => p.throttle.throttleReset(key),

    appendAudit: (entry) => p.audit.appendAudit(entry),
    listAudit: (subject, limit) => p.audit.listAudit(subject, limit),
    pageAudit: (query) => p.audit.pageAudit(query),

    createSubscription: (s) => p.webhooks.createSubscription(s),
    listSubscriptions: () => p.webhooks.listSubscriptions(),
    enqueueDeliveries: (deliveries) => p.webhooks.enqueueDeliveries(deliveries),
    claimDueDeliveries: (now, owner, leaseMs, limit) => p.webhooks.claimDueDeliveries(now, owner, leaseMs, limit),
    updateDelivery: (d) => p.webhooks.updateDelivery(d),
    listDeliveries: (subscriptionId, limit) => p.webhooks.listDeliveries(subscriptionId, limit),

    saveAct: (act) => p.acts.saveAct(act),
    listActs: () => p.acts.listActs(),

    saveDraft: (draft, expectedRev) => p.drafts.saveDraft(draft, expectedRev),
    getDraft: (serviceId, id) => p.drafts.getDraft(serviceId, id),
    listDrafts: (serviceId) => p.drafts.listDrafts(serviceId),
    listDraftRevisions: (serviceId, id) => p.drafts.listDraftRevisions(serviceId, id),

    getMeta: (key) => p.meta.getMeta(key),
    setMeta: (key, value) => p.meta.setMeta(key, value),

    nextNumber: (series) => p.counters.nextNumber(series),

    exportRecords: () => p.portable.exportRecords(),
    importRecords: (records) => p.portable.importRecords(records),
    countRecords: () => p.portable.countRecords(),
  };
}
