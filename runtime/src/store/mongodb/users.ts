import { toMs } from '../instants';
import type { SessionWithUser, StoredSession, StoredUser, UsersStore } from '../Store';
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

  listOfficers(provider: string): Promise<StoredUser[]> {
    return guarded(async () => {
      const found = await this.c.users
        .find({ roles: 'officer', providers: { $in: [provider, '*'] } })
        .sort({ displayName: 1, _id: 1 })
        .toArray();
      return found.map((d) => userOf(d)!);
    });
  }

  setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    return guarded(async () => {
      await this.c.users.updateOne({ _id: userId as never }, { $set: { passwordHash } });
    });
  }

  createSession(tokenHash: string, userId: string, expiresAt: string, createdAt?: string): Promise<void> {
    return guarded(async () => {
      await this.c.sessions.insertOne(sessionDocument(tokenHash, { userId, expiresAt, createdAt }));
    });
  }

  /** Two reads here (a $lookup would cost FerretDB more than a second find by id). */
  getSessionWithUser(tokenHash: string): Promise<SessionWithUser | undefined> {
    return guarded(async () => {
      const d = await this.c.sessions.findOne({ _id: tokenHash as never });
      if (!d) return undefined;
      const session = sessionOf(d);
      return { session, user: userOf(await this.c.users.findOne({ _id: session.userId as never })) };
    });
  }

  /** A plain `$set` by id: two instances touching at once both write a later expiry, either one will do. */
  touchSession(tokenHash: string, expiresAt: string): Promise<void> {
    return guarded(async () => {
      await this.c.sessions.updateOne(
        { _id: tokenHash as never },
        { $set: { expiresAt, expiresAtMs: toMs(expiresAt, 'expiresAt') } },
      );
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return guarded(async () => {
      await this.c.sessions.deleteOne({ _id: tokenHash as never });
    });
  }

  pruneSessions(userId: string, keep: number, now: string): Promise<number> {
    const nowMs = toMs(now, 'now');
    return guarded(async () => {
      const expired = await this.c.sessions.deleteMany({ expiresAtMs: { $lte: nowMs } });
      // Same order on every instance (newest first, ties by token), so concurrent prunes drop the same sessions.
      const beyond = await this.c.sessions
        .find({ userId }, { projection: { _id: 1 } })
        .sort({ createdAtMs: -1, _id: -1 })
        .skip(keep)
        .toArray();
      const capped = beyond.length
        ? await this.c.sessions.deleteMany({ _id: { $in: beyond.map((d) => d._id) } })
        : null;
      return expired.deletedCount + (capped?.deletedCount ?? 0);
    });
  }
}

export function userDocument({ id, ...rest }: StoredUser): Row {
  return { _id: id, ...rest };
}

export function sessionDocument(tokenHash: string, session: StoredSession): Row {
  const createdAtMs = session.createdAt === undefined ? 0 : toMs(session.createdAt, 'createdAt');
  return { _id: tokenHash, ...session, expiresAtMs: toMs(session.expiresAt, 'expiresAt'), createdAtMs };
}

export function sessionOf(d: Record<string, unknown>): StoredSession {
  const session: StoredSession = { userId: d.userId as string, expiresAt: d.expiresAt as string };
  if (typeof d.createdAt === 'string') session.createdAt = d.createdAt;
  return session;
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
    ...(d.identity ? { identity: d.identity as StoredUser['identity'] } : {}),
  };
}
