import type Database from 'better-sqlite3';
import type { SessionWithUser, StoredSession, StoredUser, UsersStore } from '../Store';
import type { SqliteConnection } from './connection';
import type { RecordTable } from './portable';
import { toMs } from '../instants';
import { userFromRow, userParams, type Row } from './rows';

/** Users (the UNIQUE username is the schema's) and their sessions. */
export class SqliteUsers implements UsersStore {
  private readonly insertUser: Database.Statement;
  private readonly userByName: Database.Statement;
  private readonly userById: Database.Statement;
  private readonly countAll: Database.Statement;
  private readonly officers: Database.Statement;
  private readonly updateHash: Database.Statement;
  private readonly insertSession: Database.Statement;
  private readonly sessionWithUser: Database.Statement;
  private readonly moveExpiry: Database.Statement;
  private readonly removeSession: Database.Statement;
  private readonly removeExpired: Database.Statement;
  private readonly removeBeyondCap: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.insertUser =
      db.prepare(`INSERT INTO users (id, username, password_hash, roles, actor_roles, providers, display_name, created_at, identity)
        VALUES (@id, @username, @password_hash, @roles, @actor_roles, @providers, @display_name, @created_at, @identity)`);
    this.userByName = db.prepare('SELECT * FROM users WHERE username = ?');
    this.userById = db.prepare('SELECT * FROM users WHERE id = ?');
    this.countAll = db.prepare('SELECT count(*) AS n FROM users');
    // The same condition as the partial index users_officers (migration 0009), so that the index serves it.
    this.officers = db.prepare(`SELECT * FROM users WHERE roles LIKE '%"officer"%' ORDER BY display_name, id`);
    this.updateHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
    this.insertSession = db.prepare(
      `INSERT INTO sessions (token_hash, user_id, expires_at, expires_at_ms, created_at, created_at_ms)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    // The session's own columns under names the user's columns do not take (both have a created_at).
    this.sessionWithUser = db.prepare(
      `SELECT s.user_id AS session_user_id, s.expires_at AS session_expires_at, s.created_at AS session_created_at, u.*
       FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    );
    this.moveExpiry = db.prepare('UPDATE sessions SET expires_at = ?, expires_at_ms = ? WHERE token_hash = ?');
    this.removeSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at_ms <= ?');
    // The user's sessions past the newest `keep` (ties broken by token, so every instance drops the same ones).
    this.removeBeyondCap = db.prepare(
      `DELETE FROM sessions WHERE token_hash IN (
         SELECT token_hash FROM sessions WHERE user_id = ? ORDER BY created_at_ms DESC, token_hash DESC LIMIT -1 OFFSET ?)`,
    );
  }

  createUser(user: StoredUser): Promise<void> {
    return this.connection.write(() => {
      this.insertUser.run(userParams(user));
    });
  }

  getUserByUsername(username: string): Promise<StoredUser | undefined> {
    return this.connection.run(() => {
      const r = this.userByName.get(username) as Row | undefined;
      return r && userFromRow(r);
    });
  }

  getUser(id: string): Promise<StoredUser | undefined> {
    return this.connection.run(() => {
      const r = this.userById.get(id) as Row | undefined;
      return r && userFromRow(r);
    });
  }

  countUsers(): Promise<number> {
    return this.connection.run(() => (this.countAll.get() as { n: number }).n);
  }

  listOfficers(provider: string): Promise<StoredUser[]> {
    return this.connection.run(() =>
      (this.officers.all() as Row[])
        .map(userFromRow)
        .filter((u) => u.roles.includes('officer') && (u.providers.includes('*') || u.providers.includes(provider))),
    );
  }

  setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    return this.connection.write(() => {
      this.updateHash.run(passwordHash, userId);
    });
  }

  createSession(tokenHash: string, userId: string, expiresAt: string, createdAt?: string): Promise<void> {
    return this.connection.write(() => this.writeSession(tokenHash, { userId, expiresAt, createdAt }));
  }

  getSessionWithUser(tokenHash: string): Promise<SessionWithUser | undefined> {
    return this.connection.run(() => {
      const r = this.sessionWithUser.get(tokenHash) as Row | undefined;
      if (!r) return undefined;
      const session = sessionFromRow({
        user_id: r.session_user_id,
        expires_at: r.session_expires_at,
        created_at: r.session_created_at,
      });
      return { session, user: r.id === null ? undefined : userFromRow(r) };
    });
  }

  touchSession(tokenHash: string, expiresAt: string): Promise<void> {
    return this.connection.write(() => {
      this.moveExpiry.run(expiresAt, toMs(expiresAt, 'expiresAt'), tokenHash);
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.connection.write(() => {
      this.removeSession.run(tokenHash);
    });
  }

  pruneSessions(userId: string, keep: number, now: string): Promise<number> {
    const nowMs = toMs(now, 'now');
    return this.connection.write(
      () => this.removeExpired.run(nowMs).changes + this.removeBeyondCap.run(userId, keep).changes,
    );
  }

  private writeSession(tokenHash: string, { userId, expiresAt, createdAt }: StoredSession): void {
    const createdMs = createdAt === undefined ? 0 : toMs(createdAt, 'createdAt');
    this.insertSession.run(tokenHash, userId, expiresAt, toMs(expiresAt, 'expiresAt'), createdAt ?? null, createdMs);
  }

  readonly recordTables: [RecordTable<'user'>, RecordTable<'session'>] = [
    {
      kind: 'user',
      table: 'users',
      fromRow: (row) => ({ kind: 'user', user: userFromRow(row) }),
      write: (record) => this.insertUser.run(userParams(record.user)),
    },
    {
      kind: 'session',
      table: 'sessions',
      fromRow: (row) => ({
        kind: 'session',
        tokenHash: row.token_hash as string,
        session: sessionFromRow(row),
      }),
      write: (record) => this.writeSession(record.tokenHash, record.session),
    },
  ];
}

function sessionFromRow(r: Row): StoredSession {
  const session: StoredSession = { userId: r.user_id as string, expiresAt: r.expires_at as string };
  if (typeof r.created_at === 'string') session.createdAt = r.created_at;
  return session;
}
