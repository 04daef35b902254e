import type Database from 'better-sqlite3';
import type { StoredSession, StoredUser, UsersStore } from '../Store';
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
  private readonly insertSession: Database.Statement;
  private readonly sessionByToken: Database.Statement;

  constructor(private readonly connection: SqliteConnection) {
    const { db } = connection;
    this.insertUser =
      db.prepare(`INSERT INTO users (id, username, password_hash, roles, actor_roles, providers, display_name, created_at)
        VALUES (@id, @username, @password_hash, @roles, @actor_roles, @providers, @display_name, @created_at)`);
    this.userByName = db.prepare('SELECT * FROM users WHERE username = ?');
    this.userById = db.prepare('SELECT * FROM users WHERE id = ?');
    this.countAll = db.prepare('SELECT count(*) AS n FROM users');
    this.insertSession = db.prepare(
      'INSERT INTO sessions (token_hash, user_id, expires_at, expires_at_ms) VALUES (?, ?, ?, ?)',
    );
    this.sessionByToken = db.prepare('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?');
  }

  createUser(user: StoredUser): Promise<void> {
    return this.connection.run(() => {
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

  createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void> {
    return this.connection.run(() => this.writeSession(tokenHash, { userId, expiresAt }));
  }

  /** Returns the session even when expired: the caller compares expiresAt with its clock. */
  getSession(tokenHash: string): Promise<StoredSession | undefined> {
    return this.connection.run(() => {
      const r = this.sessionByToken.get(tokenHash) as { user_id: string; expires_at: string } | undefined;
      return r && { userId: r.user_id, expiresAt: r.expires_at };
    });
  }

  private writeSession(tokenHash: string, { userId, expiresAt }: StoredSession): void {
    this.insertSession.run(tokenHash, userId, expiresAt, toMs(expiresAt, 'expiresAt'));
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
        session: { userId: row.user_id as string, expiresAt: row.expires_at as string },
      }),
      write: (record) => this.writeSession(record.tokenHash, record.session),
    },
  ];
}
