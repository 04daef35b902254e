/**
 * The schema of the embedded store as an ordered list of migrations. A migration, once released, is never edited:
 * a schema change is a new entry at the end, so a newer runtime upgrades a file written by an older one.
 *
 * Conventions the SQL follows:
 * - Instants are kept as the ISO text the caller gave, offset included (`2025-03-03T09:00:00+05:00`), because that is
 *   what the API returns and what an auditor reads. Text order is not instant order once offsets differ (the country
 *   moved from UTC+6 to UTC+5 on 2024-03-01), so every instant that is compared or sorted has a twin `*_ms` column
 *   (epoch milliseconds, `Date.parse`) and only the twin is used in WHERE and ORDER BY.
 * - `applications.due_at_ms` is NOT NULL: an application without a due date holds `NO_DUE_MS`, beyond any instant a
 *   Date can hold. "Nulls last" then is plain ascending order and the inbox index serves the ORDER BY; `due_at`
 *   (text) stays null, so nothing is lost.
 * - JSON values (snapshot, event data, roles, payloads) are TEXT holding JSON.
 */

export interface Migration {
  /** Sortable, never reused. */
  id: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    id: '0001-initial',
    sql: `
CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL,
  version TEXT NOT NULL,
  provider TEXT NOT NULL,
  applicant_id TEXT NOT NULL,
  channel TEXT,
  status TEXT NOT NULL,
  state TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  registered_at_ms INTEGER NOT NULL,
  due_at TEXT,
  due_at_ms INTEGER NOT NULL,
  next_timer_at TEXT,
  next_timer_at_ms INTEGER,
  snapshot TEXT NOT NULL,
  rev INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  lease_until_ms INTEGER
);
-- Officer inbox: equality on provider and status, then the inbox order. Covering for the id page and the count.
CREATE INDEX applications_inbox ON applications (provider, status, due_at_ms, registered_at_ms, id);
-- Every provider at once (admin, "*"): the inbox order alone, and by status.
CREATE INDEX applications_due ON applications (due_at_ms, registered_at_ms, id);
CREATE INDEX applications_status ON applications (status, due_at_ms, registered_at_ms, id);
-- Applicant's own applications.
CREATE INDEX applications_applicant ON applications (applicant_id, created_at_ms);
-- Scheduler: only rows with a pending timer are indexed.
CREATE INDEX applications_timer ON applications (next_timer_at_ms) WHERE next_timer_at_ms IS NOT NULL;

CREATE TABLE events (
  application_id TEXT NOT NULL REFERENCES applications (id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  user_id TEXT,
  at TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  data TEXT,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;

CREATE TABLE documents (
  application_id TEXT NOT NULL REFERENCES applications (id),
  document_id TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  html TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  PRIMARY KEY (application_id, document_id, lang)
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  actor_roles TEXT NOT NULL,
  providers TEXT NOT NULL,
  display_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  expires_at TEXT NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at_ms);

-- Append-only: the triggers below refuse UPDATE and DELETE, so a line once written stays as written.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit (subject, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE webhook_subscriptions (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  service_id TEXT,
  provider TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1))
);

CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id),
  event TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT,
  -- A pending delivery without a next attempt is due at once: 0 here, null in next_attempt_at.
  next_attempt_at_ms INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  last_error TEXT,
  last_status INTEGER,
  created_at TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  delivered_at TEXT,
  lease_owner TEXT,
  lease_until TEXT,
  lease_until_ms INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at_ms) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at_ms);

CREATE TABLE definition_drafts (
  service_id TEXT NOT NULL,
  id TEXT NOT NULL,
  definition TEXT NOT NULL,
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  published_at TEXT,
  PRIMARY KEY (service_id, id)
);
`,
  },
  {
    id: '0002-meta',
    // Small facts about the store itself, e.g. the fingerprint of the calendar the open applications' due
    // instants were computed with (a new transfer of days off re-computes them).
    sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    id: '0003-acts',
    // Acts an analyst registers (or whose publication date is entered) through the admin API, applied over the
    // acts registry of the files at every start.
    sql: `
CREATE TABLE acts (
  id TEXT PRIMARY KEY,
  act TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
  },
  {
    id: '0004-draft-revisions',
    // Drafts become amendments with an optimistic revision; every save is kept. `extra` holds the parts that are
    // read whole (base version, cited act item, scenarios, approvals, dates).
    sql: `
ALTER TABLE definition_drafts ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;
ALTER TABLE definition_drafts ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
CREATE TABLE definition_draft_revisions (
  service_id TEXT NOT NULL,
  draft_id TEXT NOT NULL,
  rev INTEGER NOT NULL,
  draft TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (service_id, draft_id, rev)
);
`,
  },
  {
    id: '0005-counters',
    // Numbered series (human-readable numbers): the last number given in each.
    sql: `
CREATE TABLE counters (
  series TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`,
  },
  {
    id: '0006-auth-sessions-throttle',
    // Sessions keep when they were signed in (the cap per user drops the oldest; the absolute lifetime counts from
    // it; older rows get 0, oldest of all). Login throttling: one row per hit, counted over a sliding window.
    sql: `
ALTER TABLE sessions ADD COLUMN created_at TEXT;
ALTER TABLE sessions ADD COLUMN created_at_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_user ON sessions (user_id, created_at_ms);
CREATE TABLE throttle_hits (
  key TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE INDEX throttle_hits_key ON throttle_hits (key, at_ms);
CREATE INDEX throttle_hits_expiry ON throttle_hits (expires_at_ms);
`,
  },
  {
    id: '0007-numbers',
    // Human-readable numbers (issue 15): an application's number is unique (older rows have none); an issued
    // document's number is shared by its two languages and looked up by the public verification; its seal (QR URL,
    // issuer, signature block) is fixed at issue and the SHA-256 of its PDF when first rendered.
    sql: `
ALTER TABLE applications ADD COLUMN number TEXT;
CREATE UNIQUE INDEX applications_number ON applications (number) WHERE number IS NOT NULL;
ALTER TABLE documents ADD COLUMN number TEXT;
ALTER TABLE documents ADD COLUMN seal TEXT;
ALTER TABLE documents ADD COLUMN pdf_sha256 TEXT;
CREATE INDEX documents_number ON documents (number) WHERE number IS NOT NULL;
`,
  },
  {
    id: '0008-user-identity',
    // Issue 19: a user's identity (full name, IIN/BIN, phone, e-mail as JSON), which prefills an applicant's form.
    sql: `
ALTER TABLE users ADD COLUMN identity TEXT;
`,
  },
  {
    id: '0009-inbox-search-assignee',
    // Issue 19: the inbox tells applications apart and finds them. `summary` (JSON: applicant's name and IIN/BIN, the
    // object in kk/ru/en) is kept at creation; beside it what the search compares: the IIN/BIN, the name and object
    // lower-cased by the Kazakh rules in JS (SQLite's lower() is ASCII-only), and the number reversed, so that a
    // number's tail is an indexed prefix. `assignee_id`: who took the application. Older rows get null, except the
    // reversed number, which every numbered row gets.
    sql: `
ALTER TABLE applications ADD COLUMN summary TEXT;
ALTER TABLE applications ADD COLUMN applicant_code TEXT;
ALTER TABLE applications ADD COLUMN search_name TEXT;
ALTER TABLE applications ADD COLUMN search_object TEXT;
ALTER TABLE applications ADD COLUMN number_tail TEXT;
ALTER TABLE applications ADD COLUMN assignee_id TEXT;
UPDATE applications SET number_tail = (
  WITH RECURSIVE r (i, s) AS (
    SELECT length(applications.number), ''
    UNION ALL SELECT i - 1, s || substr(applications.number, i, 1) FROM r WHERE i > 0
  ) SELECT s FROM r WHERE i = 0
) WHERE number IS NOT NULL;
CREATE INDEX applications_applicant_code ON applications (applicant_code) WHERE applicant_code IS NOT NULL;
CREATE INDEX applications_number_tail ON applications (number_tail) WHERE number_tail IS NOT NULL;
-- "Mine": an officer's applications in inbox order.
CREATE INDEX applications_assignee ON applications (assignee_id, due_at_ms, registered_at_ms, id)
  WHERE assignee_id IS NOT NULL;
-- The officers of a provider ("assign to"): the few staff rows among the applicants.
CREATE INDEX users_officers ON users (display_name) WHERE roles LIKE '%"officer"%';
`,
  },
  {
    id: '0010-number-sequence',
    // Issue 18: a number's tail is found by its sequence (the number's trailing digits, inboxSearch.ts
    // tailSequences), whose index grows at its end; the reversed number took a random page of its index at every
    // insert. rtrim strips the trailing digits, so what follows the rest is the sequence. The index holds the number
    // too, so that a candidate's tail is compared without reading its row. Every row is rewritten once, without its
    // reversed number (6.5 s for 1,000,000 rows).
    sql: `
ALTER TABLE applications ADD COLUMN number_seq INTEGER;
UPDATE applications SET number_seq = CAST(substr(number, length(rtrim(number, '0123456789')) + 1) AS INTEGER)
  WHERE number GLOB '*[0-9]';
DROP INDEX applications_number_tail;
ALTER TABLE applications DROP COLUMN number_tail;
CREATE INDEX applications_number_seq ON applications (number_seq, number);
`,
  },
];
