import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_STATUSES } from '@qyzmet/engine';
import type { ApplicationQuery, ApplicationsStore, StoredApplication } from '../Store';
import { insertSyntheticApplications } from '../seedMany';
import { openSqliteStore } from './SqliteStore';

export interface InboxQueryTiming {
  name: string;
  total: number;
  /** How many times it was asked. */
  samples: number;
  firstMs: number;
  medianMs: number;
  p99Ms: number;
}

export interface InboxBenchResult {
  rows: number;
  insertMs: number;
  queries: InboxQueryTiming[];
}

/** A small but realistic snapshot: what the engine keeps for an application early in its life. */
export function inboxTemplate(): StoredApplication {
  const at = '2025-01-06T09:00:00+05:00';
  return {
    id: 'bench',
    serviceId: 'cadastral-passport-duplicate',
    version: '2024-1',
    provider: 'provider',
    applicantId: 'applicant',
    channel: 'portal',
    status: 'registered',
    state: 'review',
    registeredAt: at,
    dueAt: null,
    nextTimerAt: null,
    snapshot: {
      id: 'bench',
      serviceId: 'cadastral-passport-duplicate',
      version: '2024-1',
      channel: 'portal',
      arrivedAt: at,
      registeredAt: at,
      state: 'review',
      status: 'registered',
      data: { iin: '900101300123', objectAddress: 'Астана, ул. Кенесары 1', reason: 'lost' },
      findings: {},
      external: {},
      decisions: {},
      deadlines: [],
      timers: [],
      documents: [],
      refusal: null,
      history: [],
      updatedAt: at,
    } as unknown as StoredApplication['snapshot'],
    rev: 0,
    createdAt: at,
    updatedAt: at,
  };
}

const OPEN = [...OPEN_STATUSES];

/** The inbox queries an officer, an admin and an applicant make, on the providers and applicants of the synthetic
 * rows (insertSyntheticApplications): every store's inbox benchmark asks these. */
export const INBOX_CASES: ReadonlyArray<readonly [string, ApplicationQuery]> = [
  ['officer, one provider, open', { providers: ['provider-03'], status: OPEN, limit: 50, offset: 0 }],
  [
    'officer, three providers, open',
    { providers: ['provider-01', 'provider-02', 'provider-03'], status: OPEN, limit: 50, offset: 0 },
  ],
  [
    'officer, one provider, overdue',
    { providers: ['provider-03'], overdueAt: '2025-06-01T00:00:00+05:00', limit: 50, offset: 0 },
  ],
  ['admin, all providers', { providers: ['*'], limit: 50, offset: 0 }],
  ['admin, all providers, in-progress', { status: ['in-progress'], limit: 50, offset: 0 }],
  ['applicant', { applicantId: 'applicant-42', limit: 50, offset: 0 }],
  ['officer, page 21 (offset 1000)', { providers: ['provider-03'], status: OPEN, limit: 50, offset: 1000 }],
  // The search box: a number's last digits (every provider numbers its own, so each tail ends 20 numbers), its last
  // three (50 sequences of each provider's 50,000), a whole number.
  ['officer, a number by its last digits', { providers: ['provider-03'], search: '000123', limit: 50, offset: 0 }],
  ['admin, a number by its last three digits', { search: '123', limit: 50, offset: 0 }],
  ['admin, a whole number', { search: 'SYN03-CPD-2025-000123', limit: 50, offset: 0 }],
];

/**
 * Asks each of INBOX_CASES `repetitions` times in a row, or fewer (at least once) when its asks have taken
 * `budgetMs`: a store that scans the whole collection for a query would otherwise hold the run for an hour. The clock
 * runs until the page is in hand, so a store that answers over the network is timed the same as the embedded one.
 */
export async function timeInboxQueries(
  store: Pick<ApplicationsStore, 'listApplications'>,
  repetitions = 200,
  budgetMs = Infinity,
): Promise<InboxQueryTiming[]> {
  const queries: InboxQueryTiming[] = [];
  for (const [name, q] of INBOX_CASES) {
    const times: number[] = [];
    let total = 0;
    let spentMs = 0;
    for (let k = 0; k < repetitions && spentMs < budgetMs; k++) {
      const t = process.hrtime.bigint();
      total = (await store.listApplications(q)).total;
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      spentMs += times[k];
    }
    const sorted = [...times].sort((a, b) => a - b);
    queries.push({
      name,
      total,
      samples: times.length,
      firstMs: times[0],
      medianMs: sorted[Math.floor(sorted.length / 2)],
      p99Ms: sorted[Math.floor(sorted.length * 0.99)],
    });
  }
  return queries;
}

/**
 * Loads `n` synthetic applications into a fresh file under `dir` (a temporary folder when absent), then times the
 * inbox queries an officer, an admin and an applicant make. The file is removed afterwards unless `dir` was given.
 */
export async function inboxBench(n = 1_000_000, dir?: string): Promise<InboxBenchResult> {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'qyzmet-inbox-bench-'));
  const store = openSqliteStore(folder);
  try {
    const t0 = process.hrtime.bigint();
    await insertSyntheticApplications(store, n, inboxTemplate());
    store.optimize();
    const insertMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const queries = await timeInboxQueries(store);
    return { rows: n, insertMs, queries };
  } finally {
    await store.close();
    if (!dir) rmSync(folder, { recursive: true, force: true });
  }
}
