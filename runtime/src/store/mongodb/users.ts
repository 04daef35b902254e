import { toMs } from '../instants';
import type { StoredSession, StoredUser, UsersStore } from '../Store';
import { guarded, type Collections, type Row } from './connection';

/** Users (a unique index on the username: a second "officer" is a conflict) and sessions keyed by token hash. */
export class MongoUsers implements UsersStore {
  constructor(private readonly c: Collections) {}

  createUser(user: StoredUser): Promise<void> {
    return guarded(async () => {
      await this.c.users.insertOne(userDocument(user));
    });
  }

  getUserByUsername(username: string): Promise<StoredUser | undefined> {
    return guarded(async () => userOf(await this.c.users.findOne({ username })));
  }

  getUser(id: string): Promise<StoredUser | undefined> {
    return guarded(async () => userOf(await this.c.users.findOne({ _id: id as never })));
  }

  countUsers(): Promise<number> {
    return guarded(() => this.c.users.countDocuments({}));
  }

  createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void> {
    return guarded(async () => {
      await this.c.sessions.insertOne(sessionDocument(tokenHash, { userId, expiresAt }));
    });
  }

  getSession(tokenHash: string): Promise<StoredSession | undefined> {
    return guarded(async () => {
      const d = await this.c.sessions.findOne({ _id: tokenHash as never });
      return d ? { userId: d.userId, expiresAt: d.expiresAt } : undefined;
    });
  }
}

export function userDocument({ id, ...rest }: StoredUser): Row {
  return { _id: id, ...rest };
}

export function sessionDocument(tokenHash: string, session: StoredSession): Row {
  return { _id: tokenHash, ...session, expiresAtMs: toMs(session.expiresAt, 'expiresAt') };
}

export function userOf(d: Record<string, unknown> | null): StoredUser | undefined {
  if (!d) return undefined;
  return {
    id: d._id as string,
    username: d.username as string,
    passwordHash: d.passwordHash as string,
    roles: d.roles as StoredUser['roles'],
    actorRoles: d.actorRoles as string[],
    providers: d.providers as string[],
    displayName: d.displayName as string,
    createdAt: d.createdAt as string,
  };
}
