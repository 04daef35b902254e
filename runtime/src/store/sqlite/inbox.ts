import type Database from 'better-sqlite3';
import { APPLICATION_STATUSES, FINAL_STATUSES, OPEN_STATUSES, type Status } from '@qyzmet/engine';
import { COUNT_CAP, type ApplicationPage, type ApplicationQuery } from '../Store';
import { MAX_TAIL_CANDIDATES, searchTerms, tailSequences } from '../inboxSearch';
import { toMs } from '../instants';
import { applicationFromRow, type ApplicationRow } from './rows';

/**
 * Above this many (provider × status) pairs the inbox falls back to one plain query (the planner then sorts the
 * matches). Below it, each pair reads only its first offset+limit index entries.
 */
const MAX_INBOX_PAIRS = 64;

type Stmt = Database.Statement;

/** The inbox query (`listApplications`) on the applications table and its indexes. */
export class SqliteInbox {
  /** Inbox statements differ by the shape of the filter; each shape is prepared once. */
  private readonly inboxCache = new Map<string, Stmt>();
  private readonly inOneSnapshot: (q: ApplicationQuery) => ApplicationPage;
  private readonly largestSequence: Stmt;
  private readonly numbersOfSequence: Stmt;

  constructor(private readonly db: Database.Database) {
    this.largestSequence = db.prepare('SELECT max(number_seq) AS n FROM applications');
    this.numbersOfSequence = db.prepare('SELECT count(*) AS n FROM applications WHERE number_seq = ?');
    // One read transaction: the count and the page see the same snapshot even while another process writes.
    this.inOneSnapshot = db.transaction((q: ApplicationQuery) => this.inbox(q));
  }

  /**
   * Inbox order: due instant ascending, applications without a due date last, then registration instant, then id.
   * The page of ids comes from a covering index; only the rows of that page are read in full. `providers` or
   * `status` given as an empty list match nothing; `"*"` among providers (or no providers) matches every provider.
   * `overdueAt` keeps open applications (registered, in-progress, suspended) whose due instant is before it.
   * `assignee` keeps one officer's (null: nobody's); `search` is read by inboxSearch.ts: a number, its tail or an
   * IIN/BIN comes from its index, a name or object is looked for row by row within the other conditions.
   *
   * Deep pages still skip `offset` index entries (OFFSET): fine for an inbox, but a keyset cursor
   * (after due/registered/id) would be the fix if someone pages deep through a million rows.
   */
  list(query: ApplicationQuery): ApplicationPage {
    return this.inOneSnapshot(query);
  }

  private inbox(q: ApplicationQuery): ApplicationPage {
    const limit = Math.max(0, Math.floor(q.limit));
    const offset = Math.max(0, Math.floor(q.offset));
    const providers = q.providers === undefined || q.providers.includes('*') ? null : [...new Set(q.providers)];
    let statuses: Status[] | null = q.status === undefined ? null : [...new Set(q.status)];
    if (q.overdueAt !== undefined)
      statuses = (statuses ?? [...OPEN_STATUSES]).filter((st) => !FINAL_STATUSES.includes(st));
    if ((providers && providers.length === 0) || (statuses && statuses.length === 0))
      return { items: [], total: 0, totalExact: true };

    // A number, its tail or an IIN/BIN is found from its index: the few ids it names are the candidates, and the
    // other conditions are only checked on them (a unary + keeps the planner from walking the inbox index instead).
    const terms = q.search === undefined ? null : searchTerms(q.search);
    const sequences = terms?.numberTail === undefined ? undefined : this.tailCandidates(terms.numberTail);
    // A tail's candidates come from the index when it ends few enough numbers; an IIN/BIN's always do.
    const byIndex = terms !== null && terms.text === undefined && sequences !== null;
    const col = (name: string) => (byIndex ? `+${name}` : name);

    // Conditions other than provider and status; the due bounds are both "due_at_ms < x", take the stricter.
    const rest: string[] = [];
    const restParams: unknown[] = [];
    if (q.applicantId !== undefined) {
      rest.push(`${col('applicant_id')} = ?`);
      restParams.push(q.applicantId);
    }
    if (q.serviceId !== undefined) {
      rest.push(`${col('service_id')} = ?`);
      restParams.push(q.serviceId);
    }
    const bounds = [q.overdueAt, q.dueBefore]
      .filter((x): x is string => x !== undefined)
      .map((x) => toMs(x, 'due bound'));
    if (bounds.length > 0) {
      // NO_DUE_MS is beyond every instant, so applications without a due date never pass this bound.
      rest.push(`${col('due_at_ms')} < ?`);
      restParams.push(Math.min(...bounds));
    }
    if (q.assignee !== undefined) {
      rest.push(q.assignee === null ? `${col('assignee_id')} IS NULL` : `${col('assignee_id')} = ?`);
      if (q.assignee !== null) restParams.push(q.assignee);
    }
    if (terms) {
      // Any of: a candidate id from an index, or a condition read row by row; each with its parameters, in order.
      const candidates: Array<[string, unknown[]]> = [];
      const rowByRow: Array<[string, unknown[]]> = [];
      if (terms.numberTail !== undefined) {
        // Whether the number really ends with the tail (its zeros, its prefix) is compared on each candidate.
        const endsWithTail: [string, unknown[]] = [
          'substr(number, ?) = ?',
          [-terms.numberTail.length, terms.numberTail],
        ];
        if (sequences) {
          candidates.push([
            `SELECT rowid FROM applications WHERE number_seq IN (SELECT value FROM json_each(?)) AND ${endsWithTail[0]}`,
            [JSON.stringify(sequences), ...endsWithTail[1]],
          ]);
        } else {
          // A tail of a digit or two ends too many numbers to look them up: compared row by row, as a name is.
          rowByRow.push(endsWithTail);
        }
      }
      if (terms.applicantCode !== undefined)
        candidates.push(['SELECT rowid FROM applications WHERE applicant_code = ?', [terms.applicantCode]]);
      if (terms.text !== undefined) {
        // Read row by row within the other conditions: slower than the indexed terms (inboxSearch.ts).
        rowByRow.push(['instr(search_name, ?) > 0', [terms.text]], ['instr(search_object, ?) > 0', [terms.text]]);
      }
      const any = [...rowByRow];
      if (candidates.length > 0) {
        // Looked up once, for the count and the page alike (up to MAX_TAIL_CANDIDATES ids, or an IIN/BIN's few).
        const found = this.prepared(candidates.map(([sql]) => sql).join(' UNION '))
          .all(...candidates.flatMap(([, p]) => p))
          .map((r) => (r as { rowid: number }).rowid);
        any.unshift(['rowid IN (SELECT value FROM json_each(?))', [JSON.stringify(found)]]);
      }
      rest.push(`(${any.map(([sql]) => sql).join(' OR ')})`);
      restParams.push(...any.flatMap(([, p]) => p));
    }

    const inList = (name: string, values: readonly unknown[]) =>
      `${col(name)} IN (${values.map(() => '?').join(', ')})`;
    const where: string[] = [];
    const whereParams: unknown[] = [];
    if (providers) {
      where.push(inList('provider', providers));
      whereParams.push(...providers);
    }
    if (statuses) {
      where.push(inList('status', statuses));
      whereParams.push(...statuses);
    }
    where.push(...rest);
    whereParams.push(...restParams);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = 'ORDER BY due_at_ms, registered_at_ms, id';

    // Counting every match of a broad filter (all in-progress: hundreds of thousands) costs more than the page; an
    // inbox needs "more than 10 000", not the exact figure: count at most COUNT_CAP + 1 and say whether it is exact.
    const counted = (
      this.prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM applications ${whereSql} LIMIT ${COUNT_CAP + 1})`).get(
        ...whereParams,
      ) as { n: number }
    ).n;
    const totalExact = counted <= COUNT_CAP;
    const total = Math.min(counted, COUNT_CAP);
    if (limit === 0 || offset >= total) return { items: [], total, totalExact };

    // The index (provider, status, due, registered, id) — and (status, due, registered, id) for every provider — is in
    // inbox order within one provider and status, not across several: one query would read and sort every match.
    // Instead each (provider, status) pair gives its first offset+limit entries and those are merged: bounded work.
    // No status filter with providers given means every status (status is NOT NULL and one of the six).
    const pageStatuses = statuses ?? (providers ? [...APPLICATION_STATUSES] : null);
    const pairs = (providers?.length ?? 1) * (pageStatuses?.length ?? 1);
    let pageSql: string;
    let pageParams: unknown[];
    if (pairs > 1 && pairs <= MAX_INBOX_PAIRS && q.applicantId === undefined && !byIndex) {
      const parts: string[] = [];
      pageParams = [];
      for (const pr of providers ?? [null]) {
        for (const st of pageStatuses ?? [null]) {
          const cond = [...(pr === null ? [] : ['provider = ?']), ...(st === null ? [] : ['status = ?']), ...rest];
          parts.push(
            `SELECT * FROM (SELECT id, due_at_ms, registered_at_ms FROM applications WHERE ${cond.join(' AND ')} ${order} LIMIT ?)`,
          );
          pageParams.push(...(pr === null ? [] : [pr]), ...(st === null ? [] : [st]), ...restParams, offset + limit);
        }
      }
      pageSql = `SELECT id, due_at_ms, registered_at_ms FROM (${parts.join(' UNION ALL ')}) ${order} LIMIT ? OFFSET ?`;
    } else if (byIndex) {
      // The candidates' order is sorted, not read from an index in inbox order (+: no index serves the ORDER BY).
      pageSql = `SELECT id, due_at_ms, registered_at_ms FROM applications ${whereSql} ORDER BY +due_at_ms, +registered_at_ms, +id LIMIT ? OFFSET ?`;
      pageParams = [...whereParams];
    } else {
      // One pair, no filter on provider and status, an applicant's own (few) applications, or too many pairs.
      pageSql = `SELECT id, due_at_ms, registered_at_ms FROM applications ${whereSql} ${order} LIMIT ? OFFSET ?`;
      pageParams = [...whereParams];
    }
    pageParams.push(limit, offset);
    const sql = `SELECT a.* FROM (${pageSql}) AS page CROSS JOIN applications AS a ON a.id = page.id
      ORDER BY page.due_at_ms, page.registered_at_ms, page.id`;
    const rows = this.prepared(sql).all(...pageParams) as ApplicationRow[];
    return { items: rows.map(applicationFromRow), total, totalExact };
  }

  /**
   * The sequences to look a tail up by, or null when it would end more than MAX_TAIL_CANDIDATES applications. Each
   * provider numbers its own, so a sequence ends as many numbers as series have reached it: counted at the middle one.
   */
  private tailCandidates(tail: string): number[] | null {
    const largest = (this.largestSequence.get() as { n: number | null }).n ?? -1;
    const sequences = tailSequences(tail, largest);
    if (sequences === null || sequences.length < 2) return sequences;
    const { n } = this.numbersOfSequence.get(sequences[sequences.length >> 1]) as { n: number };
    return sequences.length * Math.max(1, n) <= MAX_TAIL_CANDIDATES ? sequences : null;
  }

  private prepared(sql: string): Stmt {
    let st = this.inboxCache.get(sql);
    if (!st) {
      // Shapes grow with the lengths of the provider and status lists; a cap keeps an odd client from filling memory.
      if (this.inboxCache.size >= 500) this.inboxCache.clear();
      st = this.db.prepare(sql);
      this.inboxCache.set(sql, st);
    }
    return st;
  }
}
