import type { Document } from 'mongodb';
import { NO_DUE_MS, toMs, toMsOrNull } from '../instants';
import { reversed, searchFields } from '../inboxSearch';
import type { StoredApplication, StoredDocument, StoredEvent } from '../Store';
import type { Row } from './connection';

/**
 * How records look inside MongoDB. An application is one document holding its events, its issued documents and its
 * audit outbox, so every write the Store contract wants atomic is one document update. Beside each ISO instant an
 * epoch-ms copy sorts and compares as an instant (an undated application sorts last, as in the SQLite store).
 *
 * Values whose keys come from definitions or from users (the engine's snapshot, an event's data, audit details, a
 * draft, an act, a webhook payload) are kept as JSON text: their keys may hold '.' or begin with '$' (`$include`),
 * which MongoDB reads as paths and operators and FerretDB refuses; the store never queries inside them.
 */

/** The fields of an application document that a StoredApplication reads (events, documents, outbox and leases stay). */
export const APPLICATION_FIELDS = {
  number: 1,
  serviceId: 1,
  version: 1,
  provider: 1,
  applicantId: 1,
  channel: 1,
  status: 1,
  state: 1,
  registeredAt: 1,
  dueAt: 1,
  nextTimerAt: 1,
  snapshotJson: 1,
  rev: 1,
  createdAt: 1,
  updatedAt: 1,
  summary: 1,
  assigneeId: 1,
} as const;

/** The stored fields of an application (everything but `_id`, events, documents, outbox and leases). */
export function applicationFields(a: StoredApplication): Document {
  const documentNumbers = (a.snapshot?.documents ?? [])
    .map((d) => d.number)
    .filter((n): n is string => typeof n === 'string');
  return {
    // Absent rather than null when the application has none, so that the sparse unique index skips it; an update
    // without a number leaves the stored one alone ($set of the fields present).
    ...(a.number ? { number: a.number } : {}),
    // The numbers of its issued documents: the public verification finds the application by them (a multikey index).
    ...(documentNumbers.length > 0 ? { documentNumbers } : {}),
    serviceId: a.serviceId,
    version: a.version,
    provider: a.provider,
    applicantId: a.applicantId,
    channel: a.channel,
    status: a.status,
    state: a.state,
    registeredAt: a.registeredAt,
    registeredAtMs: toMs(a.registeredAt, 'registeredAt'),
    dueAt: a.dueAt,
    dueAtMs: a.dueAt === null ? NO_DUE_MS : toMs(a.dueAt, 'dueAt'),
    nextTimerAt: a.nextTimerAt,
    nextTimerAtMs: toMsOrNull(a.nextTimerAt, 'nextTimerAt'),
    // An equality the scheduler's claim filters on: FerretDB 1.x runs equalities in PostgreSQL but ranges in its
    // own memory, so without it every tick would read every application.
    hasTimer: a.nextTimerAt !== null,
    snapshotJson: JSON.stringify(a.snapshot),
    rev: a.rev,
    createdAt: a.createdAt,
    createdAtMs: toMs(a.createdAt, 'createdAt'),
    updatedAt: a.updatedAt,
    // Who applied and what about: fixed keys, so a plain object; null when not kept.
    summary: a.summary ?? null,
    assigneeId: a.assigneeId ?? null,
    ...searchDocumentFields(a),
  };
}

/**
 * What the inbox search compares (inboxSearch.ts), each present only when it has a value: the sparse indexes then
 * hold only the applications that can match. Set once: an update without them leaves the stored ones.
 */
function searchDocumentFields(a: StoredApplication): Document {
  const f = { ...searchFields(a), numberTail: a.number ? reversed(a.number) : null };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null));
}

/** An application's whole document: its fields, its events and issued documents, its lease free. */
export function applicationDocument(a: StoredApplication, events: StoredEvent[], documents: StoredDocument[]): Row {
  return {
    _id: a.id,
    ...applicationFields(a),
    events: events.map(eventEntry),
    documents: Object.fromEntries(documents.map((d) => [documentKey(d.documentId, d.lang), documentEntry(d)])),
    leaseOwner: null,
    leaseUntilMs: null,
  };
}

export function applicationFromDocument(d: Document): StoredApplication {
  return {
    id: d._id as string,
    // Present only when given, so that an application stored before numbering reads back as it was written.
    ...(d.number ? { number: d.number as string } : {}),
    serviceId: d.serviceId,
    version: d.version,
    provider: d.provider,
    applicantId: d.applicantId,
    channel: d.channel ?? null,
    status: d.status,
    state: d.state,
    registeredAt: d.registeredAt,
    dueAt: d.dueAt ?? null,
    nextTimerAt: d.nextTimerAt ?? null,
    snapshot: JSON.parse(d.snapshotJson),
    rev: d.rev,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    // Present only when held, as the number: an application stored before them reads back as it was written.
    ...(d.summary ? { summary: d.summary as StoredApplication['summary'] } : {}),
    ...(d.assigneeId ? { assigneeId: d.assigneeId as string } : {}),
  };
}

/** An event inside its application: without the application id, which is the document's. */
export function eventEntry(e: StoredEvent): Document {
  toMs(e.at, 'event.at');
  return {
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    userId: e.userId,
    at: e.at,
    dataJson: e.data === null ? null : JSON.stringify(e.data),
    fromState: e.fromState,
    toState: e.toState,
  };
}

export function eventFromEntry(applicationId: string, e: Document): StoredEvent {
  return {
    applicationId,
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    userId: e.userId ?? null,
    at: e.at,
    data: e.dataJson == null ? null : JSON.parse(e.dataJson),
    fromState: e.fromState,
    toState: e.toState,
  };
}

/**
 * The key of an issued document inside its application's `documents`: document ids are the definitions' (an
 * analyst's), so the characters MongoDB reads as paths ('.', leading '$') are escaped, and '%' so it stays reversible.
 */
export function documentKey(documentId: string, lang: 'kk' | 'ru'): string {
  return `${documentId.replace(/[%.$]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}|${lang}`;
}

export function documentEntry(d: StoredDocument): Document {
  toMs(d.issuedAt, 'document.issuedAt');
  return {
    documentId: d.documentId,
    lang: d.lang,
    title: d.title,
    kind: d.kind,
    html: d.html,
    issuedAt: d.issuedAt,
    number: d.number ?? null,
    // JSON text, as the other values whose keys the store does not choose.
    sealJson: d.seal ? JSON.stringify(d.seal) : null,
    pdfSha256: d.pdfSha256 ?? null,
  };
}

export function documentFromEntry(applicationId: string, e: Document): StoredDocument {
  return {
    applicationId,
    documentId: e.documentId,
    lang: e.lang,
    title: e.title,
    kind: e.kind,
    html: e.html,
    issuedAt: e.issuedAt,
    ...(e.number ? { number: e.number as string } : {}),
    ...(typeof e.sealJson === 'string' ? { seal: JSON.parse(e.sealJson) } : {}),
    ...(e.pdfSha256 ? { pdfSha256: e.pdfSha256 as string } : {}),
  };
}
