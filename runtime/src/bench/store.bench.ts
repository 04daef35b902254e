import { Long, type Document } from 'mongodb';
import { COUNT_CAP, type ApplicationQuery } from '../store/Store';
import { openMongoStore, type MongoStore } from '../store/mongodb/MongoStore';
import { INBOX_ORDER, inboxFilter } from '../store/mongodb/inbox';
import { dropDatabase, freshDatabaseUrl, mongoSkipReason } from '../store/mongodb/testServer';
import { insertSyntheticApplications } from '../store/seedMany';
import { INBOX_CASES, inboxTemplate, timeInboxQueries, type InboxQueryTiming } from '../store/sqlite/inbox.bench';
import type { EngineBenchResult } from './engine.bench';
import { loadCreateApplications, loadCreateApplicationsOnSqlite, type LoadResult } from './http.bench';

/**
 * The store section of `npm run bench` (issue 17): POST /applications on the embedded store and on MongoDB in the
 * same run, with the HTTP section's load, and the inbox queries on `mongoRows` synthetic applications in MongoDB,
 * with the plan the server chose for each. MongoDB is the test server (FerretDB on loopback, or
 * QYZMET_TEST_MONGODB_URL), a fresh database per part, dropped afterwards; when none answers, its figures are
 * skipped with the reason.
 */

export interface Skipped {
  skipped: string;
}

/** How the server answers one inbox query shape: the page's find and the count's aggregate, as FerretDB explains
 * them (a PostgreSQL plan) and whether it handed the filter, sort and limit down to PostgreSQL. */
export interface InboxPlan {
  name: string;
  page: string;
  count: string;
  usesIndex: boolean;
  /** The condition PostgreSQL applies while it scans for the page: the part of the filter pushed down to it. */
  pushedFilter: string;
  filterPushdown: boolean;
  sortPushdown: boolean;
  limitPushdown: boolean;
}

export interface MongoInboxResult {
  rows: number;
  insertMs: number;
  queries: InboxQueryTiming[];
  plans: InboxPlan[];
}

export interface StoreBenchResult {
  createOnSqlite: LoadResult;
  createOnMongodb: LoadResult | Skipped;
  mongodbInbox: MongoInboxResult | Skipped;
}

/** Runs the section; `mongoRows` 0 leaves out the MongoDB inbox part. */
export async function storeBench(repoRoot: string, mongoRows = 100_000): Promise<StoreBenchResult> {
  const createOnSqlite = await loadCreateApplicationsOnSqlite(repoRoot);
  const skip = mongoSkipReason();
  if (skip !== null) return { createOnSqlite, createOnMongodb: { skipped: skip }, mongodbInbox: { skipped: skip } };
  const createOnMongodb = await inFreshDatabase('qyzmet_bench_http', (url) =>
    loadCreateApplications(repoRoot, { MONGODB_URL: url }),
  );
  const mongodbInbox =
    mongoRows > 0
      ? await inFreshDatabase('qyzmet_bench_inbox', (url) => mongoInboxBench(url, mongoRows))
      : { skipped: 'QYZMET_BENCH_MONGO_ROWS=0' };
  return { createOnSqlite, createOnMongodb, mongodbInbox };
}

async function inFreshDatabase<T>(prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const url = freshDatabaseUrl(prefix);
  try {
    return await work(url);
  } finally {
    await dropDatabase(url);
  }
}

/** Time spent on each inbox query shape at most (it is asked at least once): on FerretDB 1.24 a query that PostgreSQL
 * answers by a sequential scan takes seconds on 100,000 rows, and 100 asks of each would hold the run for an hour. */
const INBOX_BUDGET_MS = 20_000;

/** Fills the database with the inbox benchmark's synthetic rows, times the inbox queries, then asks for their plans
 * (after the timings, so PostgreSQL's autovacuum has had the time to analyse the new table, as in production). */
async function mongoInboxBench(url: string, rows: number): Promise<MongoInboxResult> {
  const store = await openMongoStore(url);
  try {
    const t0 = process.hrtime.bigint();
    await insertSyntheticApplications(store, rows, inboxTemplate());
    const insertMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const queries = await timeInboxQueries(store, 100, INBOX_BUDGET_MS);
    const plans: InboxPlan[] = [];
    for (const [name, q] of INBOX_CASES) plans.push({ name, ...(await explainInbox(store, q)) });
    return { rows, insertMs, queries, plans };
  } finally {
    await store.close();
  }
}

/**
 * The plans of the two commands an inbox page sends (see mongodb/inbox.ts): countDocuments' aggregate and the find
 * (none for a query that can match nothing, which sends no command).
 * Asked as explain commands with skip and limit as 64-bit integers: FerretDB 1.24's explain refuses the 32-bit ones
 * the driver's cursor.explain() sends ("BSON field 'skip' is the wrong type 'int', expected type 'long'").
 */
async function explainInbox(store: MongoStore, q: ApplicationQuery): Promise<Omit<InboxPlan, 'name'>> {
  const filter = inboxFilter(q);
  if (filter === null)
    return {
      page: 'none',
      count: 'none',
      usesIndex: false,
      pushedFilter: '',
      filterPushdown: false,
      sortPushdown: false,
      limitPushdown: false,
    };
  const { db, c } = store.connection;
  const collection = c.applications.collectionName;
  const page = await db.command({
    explain: {
      find: collection,
      filter,
      sort: INBOX_ORDER,
      skip: Long.fromNumber(q.offset),
      limit: Long.fromNumber(q.limit),
    },
  });
  const count = await db.command({
    explain: {
      aggregate: collection,
      pipeline: [{ $match: filter }, { $limit: COUNT_CAP + 1 }, { $group: { _id: 1, n: { $sum: 1 } } }],
      cursor: {},
    },
  });
  const pagePlan = planNodes(page.queryPlanner?.Plan);
  const countPlan = planNodes(count.queryPlanner?.Plan);
  return {
    page: pagePlan.join(' > '),
    count: countPlan.join(' > '),
    usesIndex: [...pagePlan, ...countPlan].some((node) => /Index/.test(node)),
    pushedFilter: planFilters(page.queryPlanner?.Plan).join(' AND '),
    filterPushdown: page.filterPushdown === true,
    sortPushdown: page.sortPushdown === true,
    limitPushdown: page.limitPushdown === true,
  };
}

/** A PostgreSQL plan tree as its nodes, outermost first, each with the index it reads: "Limit", "Index Scan (x)". */
function planNodes(plan: Document | undefined): string[] {
  if (!plan) return ['(no plan)'];
  const index = typeof plan['Index Name'] === 'string' ? ` (${plan['Index Name'] as string})` : '';
  const children = Array.isArray(plan.Plans) ? (plan.Plans as Document[]).flatMap(planNodes) : [];
  return [`${plan['Node Type'] as string}${index}`, ...children];
}

/** The Filter and Index Cond conditions of a PostgreSQL plan tree. */
function planFilters(plan: Document | undefined): string[] {
  if (!plan) return [];
  const own = ['Filter', 'Index Cond', 'Recheck Cond'].flatMap((k) =>
    typeof plan[k] === 'string' ? [plan[k] as string] : [],
  );
  const children = Array.isArray(plan.Plans) ? (plan.Plans as Document[]).flatMap(planFilters) : [];
  return [...own, ...children];
}

/** The fields a pushed-down PostgreSQL condition tests (FerretDB writes them as `_jsonb -> 'field'`). */
function pushedFields(condition: string): string {
  const fields = [...condition.matchAll(/-> '([^']+)'::text/g)].map((m) => m[1]);
  return fields.length ? [...new Set(fields)].join(', ') : 'nothing';
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

function isSkipped<T extends object>(x: T | Skipped): x is Skipped {
  return 'skipped' in x;
}

/** The section's lines of the report; a skipped figure has no value (NaN) and says why in its note. */
export function storeRows(result: StoreBenchResult): EngineBenchResult[] {
  const rows: EngineBenchResult[] = [];
  const skipped = (name: string, why: string) => rows.push({ name, value: NaN, unit: '', note: `skipped: ${why}` });
  const create = (store: string, r: LoadResult, note = '') => {
    rows.push({
      name: `store: POST /applications on ${store}, 50 connections`,
      value: Math.round(r.rps),
      unit: 'req/s',
      note: `${r.requests} requests, ${r.errors} errors${note}`,
    });
    rows.push({
      name: `store: POST /applications on ${store} p99`,
      value: Number(r.p99.toFixed(1)),
      unit: 'ms',
      note: `p50 ${ms(r.p50)}`,
    });
  };
  const sqlite = result.createOnSqlite;
  create('SQLite', sqlite);
  const mongo = result.createOnMongodb;
  if (isSkipped(mongo)) skipped('store: POST /applications on MongoDB', mongo.skipped);
  else create('MongoDB', mongo, `, ${((100 * mongo.rps) / sqlite.rps).toFixed(0)}% of SQLite`);

  const inbox = result.mongodbInbox;
  if (isSkipped(inbox)) {
    skipped('store: MongoDB inbox', inbox.skipped);
    return rows;
  }
  const n = inbox.rows.toLocaleString('en-US');
  rows.push({
    name: `store: insert ${n} applications on MongoDB`,
    value: Number((inbox.insertMs / 1000).toFixed(1)),
    unit: 's',
    note: `${Math.round(inbox.rows / (inbox.insertMs / 1000)).toLocaleString('en-US')} rows/s`,
  });
  for (const q of inbox.queries) {
    const plan = inbox.plans.find((p) => p.name === q.name);
    rows.push({
      name: `inbox on ${n} (MongoDB): ${q.name}`,
      value: Number(q.p99Ms.toFixed(2)),
      unit: 'ms p99',
      note:
        `median ${q.medianMs.toFixed(2)} ms of ${q.samples}, ${q.total} matches` +
        (plan
          ? `; find: ${plan.page}; count: ${plan.count}; ${plan.usesIndex ? 'an index' : 'no index'}; ` +
            `pushed down: ${pushedFields(plan.pushedFilter)}; ` +
            `sortPushdown ${plan.sortPushdown}, limitPushdown ${plan.limitPushdown}`
          : ''),
    });
  }
  return rows;
}
