import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { domainError } from '@qyzmet/engine';
import { refuseUnlessEmpty, STORE_RECORD_KINDS, type Store, type StoreRecordKind, type StoredUser } from './Store';
import { databaseName } from './mongodb/mongoUrl';
import { describeStore, openStore, type StoreLocation } from './openStore';
import { SQLITE_FILE } from './sqlite/SqliteStore';

/**
 * `qyzmet store copy`: a whole store into an empty one of either adapter (a laptop's SQLite file into a production
 * MongoDB database, or back), then a check that the target holds what the source holds. The runtime must be stopped
 * on both while copying: a write made during the copy would be missed by it, and leases are not copied.
 */

/** How much of the copy is compared record by record after the counts (counts are always compared in full). */
export interface CopySample {
  /** Applications picked evenly across the source's inbox order, each with its events and every document. */
  applications: number;
  /** The audit trail's newest entries. */
  audit: number;
}

export const DEFAULT_SAMPLE: CopySample = { applications: 20, audit: 50 };

export interface KindCount {
  kind: StoreRecordKind;
  source: number;
  target: number;
}

/** One record that the target does not hold as the source does, named by its kind and id. */
export interface CopyDifference {
  kind: StoreRecordKind;
  /** The record's id; for audit entries their place from the newest ("newest #3"); null for a kind's count. */
  id: string | null;
  message: string;
}

export interface CopyReport {
  from: string;
  to: string;
  counts: KindCount[];
  /** How many records of each sampled kind were compared whole. */
  compared: { applications: number; documents: number; audit: number; users: number };
  differences: CopyDifference[];
  /** True when every count and every sampled record is equal. */
  verified: boolean;
}

/** Two locations are one store when they name the same SQLite folder, or the same database on the same hosts. */
export function isSamePlace(a: StoreLocation, b: StoreLocation): boolean {
  if (a.mongodbUrl && b.mongodbUrl) return mongoPlace(a.mongodbUrl) === mongoPlace(b.mongodbUrl);
  if (a.mongodbUrl || b.mongodbUrl) return false;
  return resolve(a.dataDir) === resolve(b.dataDir);
}

/** The database and its hosts, each with its port (27017 when the URL leaves it out), in a stable order. */
function mongoPlace(url: string): string {
  const [, srv, hostList] = /^mongodb(\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)/.exec(url) ?? [url, undefined, url];
  const hosts = hostList
    .toLowerCase()
    .split(',')
    .map((h) => (srv || /:\d+$/.test(h) ? h : `${h}:27017`));
  return `${hosts.sort().join(',')}/${databaseName(url)}`;
}

/**
 * Copies every record of `from` into `to`, which must be empty, and verifies the copy: the counts of every kind, and
 * a sample compared whole (applications with their events and documents, the newest audit entries, every user).
 * Refuses (nothing written) the same place as source and target, a SQLite source folder without a store, an empty
 * source and a target that already holds records.
 *
 * @example
 * const report = await copyStore({ dataDir: './data' }, { dataDir: '', mongodbUrl: 'mongodb://db1/qyzmet' });
 * if (!report.verified) console.log(report.differences);
 */
export async function copyStore(
  from: StoreLocation,
  to: StoreLocation,
  sample: CopySample = DEFAULT_SAMPLE,
): Promise<CopyReport> {
  if (isSamePlace(from, to))
    throw domainError('user', 'store.copy-same-place', `source and target are one store (${describeStore(from)})`);
  if (!from.mongodbUrl && !existsSync(join(from.dataDir, SQLITE_FILE)))
    throw domainError(
      'user',
      'store.copy-no-source',
      `no embedded store in ${resolve(from.dataDir)} (it holds no ${SQLITE_FILE}); give the folder of QYZMET_DATA`,
      { params: { dir: resolve(from.dataDir) } },
    );
  const source = await openStore(from);
  try {
    const sourceCounts = await source.countRecords();
    if (total(sourceCounts) === 0)
      throw domainError('user', 'store.copy-empty-source', `${describeStore(from)} holds no records to copy`);
    const target = await openStore(to);
    try {
      // Checked here too (importRecords checks it again) so that a refusal is not reported as a copy stopped part way.
      refuseUnlessEmpty(await target.countRecords(), describeStore(to));
      await importAll(source, target, to);
      return { from: describeStore(from), to: describeStore(to), ...(await verifyCopy(source, target, sample)) };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/**
 * Compares a copy with its source: the counts of every kind, and a sample compared whole (up to `sample.applications`
 * applications picked evenly across the source with their events and every document, the newest `sample.audit` audit
 * entries, every user). Reads only.
 */
export async function verifyCopy(
  source: Store,
  target: Store,
  sample: CopySample = DEFAULT_SAMPLE,
): Promise<Omit<CopyReport, 'from' | 'to'>> {
  const [sourceCounts, targetCounts] = [await source.countRecords(), await target.countRecords()];
  const counts = STORE_RECORD_KINDS.map((kind) => ({ kind, source: sourceCounts[kind], target: targetCounts[kind] }));
  const differences: CopyDifference[] = counts
    .filter((c) => c.source !== c.target)
    .map((c) => ({ kind: c.kind, id: null, message: `source holds ${c.source}, target ${c.target}` }));
  const compared = { applications: 0, documents: 0, audit: 0, users: 0 };
  for (const id of await sampleApplicationIds(source, sourceCounts.application, sample.applications)) {
    const application = await compareApplication(source, target, id);
    differences.push(...application.differences);
    compared.applications += 1;
    compared.documents += application.documents;
  }
  const audit = await compareAudit(source, target, sample.audit);
  differences.push(...audit.differences);
  compared.audit = audit.compared;
  const users = await sourceUsers(source, sourceCounts.user);
  for (const user of users) differences.push(...compareRecord('user', user.id, user, await target.getUser(user.id)));
  compared.users = users.length;
  return { counts, compared, differences, verified: differences.length === 0 };
}

/** A copy that stops part way leaves part of the records in the target: say so, and how to start again. */
async function importAll(source: Store, target: Store, to: StoreLocation): Promise<void> {
  try {
    await target.importRecords(source.exportRecords());
  } catch (e) {
    throw domainError(
      'internal',
      'store.copy-incomplete',
      `the copy stopped part way (${(e as Error).message}); ${describeStore(to)} now holds part of the records: ` +
        `empty it (drop the database, or remove the folder) before copying again`,
      { params: { cause: (e as Error).message } },
    );
  }
}

function total(counts: Record<StoreRecordKind, number>): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}

/** Up to `size` application ids spread evenly over the source's inbox order (first, …, near the last). */
async function sampleApplicationIds(source: Store, count: number, size: number): Promise<string[]> {
  const picks = Math.min(size, count);
  const ids: string[] = [];
  for (let i = 0; i < picks; i++) {
    const offset = Math.floor((i * count) / picks);
    const page = await source.listApplications({ limit: 1, offset });
    if (page.items[0]) ids.push(page.items[0].id);
  }
  return [...new Set(ids)];
}

async function compareApplication(
  source: Store,
  target: Store,
  id: string,
): Promise<{ differences: CopyDifference[]; documents: number }> {
  const app = await source.getApplication(id);
  const differences = compareRecord('application', id, app, await target.getApplication(id));
  if (!app) return { differences, documents: 0 };
  const [sourceEvents, targetEvents] = [await source.listEvents(id), await target.listEvents(id)];
  if (canonical(sourceEvents) !== canonical(targetEvents))
    differences.push({
      kind: 'application',
      id,
      message: `events differ (source ${sourceEvents.length}, target ${targetEvents.length})`,
    });
  let documents = 0;
  for (const { id: documentId } of app.snapshot.documents ?? [])
    for (const lang of ['kk', 'ru'] as const) {
      const stored = await source.getDocument(id, documentId, lang);
      const copied = await target.getDocument(id, documentId, lang);
      if (stored) documents += 1;
      if (canonical(stored) !== canonical(copied))
        differences.push({ kind: 'application', id, message: `document ${documentId} (${lang}) differs` });
    }
  return { differences, documents };
}

async function compareAudit(
  source: Store,
  target: Store,
  newest: number,
): Promise<{ differences: CopyDifference[]; compared: number }> {
  const [stored, copied] = [await source.listAudit(null, newest), await target.listAudit(null, newest)];
  const differences: CopyDifference[] = [];
  for (let i = 0; i < Math.max(stored.length, copied.length); i++)
    differences.push(...compareRecord('audit', `newest #${i + 1}`, stored[i], copied[i]));
  return { differences, compared: stored.length };
}

/** Every user of the source: the store lists users only in its export, where they come together, kind by kind. */
async function sourceUsers(source: Store, count: number): Promise<StoredUser[]> {
  const users: StoredUser[] = [];
  if (count === 0) return users;
  for await (const record of source.exportRecords()) {
    if (record.kind !== 'user') continue;
    users.push(record.user);
    if (users.length === count) break;
  }
  return users;
}

/** The difference between a record and its copy, naming the fields that differ. */
function compareRecord(kind: StoreRecordKind, id: string, stored: unknown, copied: unknown): CopyDifference[] {
  if (canonical(stored) === canonical(copied)) return [];
  if (copied === undefined) return [{ kind, id, message: 'missing in the target' }];
  if (stored === undefined) return [{ kind, id, message: 'in the target only' }];
  const a = stored as Record<string, unknown>;
  const b = copied as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => canonical(a[k]) !== canonical(b[k]),
  );
  return [{ kind, id, message: `differs in ${fields.join(', ')}` }];
}

/** JSON with sorted keys and absent and undefined members alike: adapters may order keys differently. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}
