import { storeMethods } from '../composeStore';
import type { Store } from '../Store';
import { MongoActs } from './acts';
import { MongoApplications } from './applications';
import { MongoAudit } from './audit';
import { connectMongo, redact, type MongoConnection } from './connection';
import { MongoCounters } from './counters';
import { MongoDrafts } from './drafts';
import { newLockOwner } from './locks';
import { MongoMeta } from './meta';
import { MongoPortable } from './portable';
import { MongoThrottle } from './throttle';
import { MongoTimers } from './timers';
import { MongoUsers } from './users';
import { MongoWebhooks } from './webhooks';

/**
 * The production store: a MongoDB database (a replica set; tested against FerretDB), one small module per
 * aggregate composed here. Several runtime instances share one database: every guarantee they need (one timer fired
 * once, one winner per revision, unique usernames, no duplicate notification) is a single-document atomic operation
 * or a unique key, never a multi-document transaction, which FerretDB lacks and a sharded cluster makes costly.
 *
 * @example
 * const store = await openMongoStore('mongodb://db1,db2,db3/qyzmet?replicaSet=rs0');
 * await store.insertApplication(app, events, documents, [auditLine]);
 * await store.close();
 */
export interface MongoStore extends Store {
  readonly kind: 'mongodb';
  readonly connection: MongoConnection;
  /** The URL without its password, for logs. */
  readonly where: string;
}

export async function openMongoStore(url: string): Promise<MongoStore> {
  const connection = await connectMongo(url);
  const c = connection.c;
  // One name per store instance: on the locks it takes and in the audit trail's order keys.
  const instance = newLockOwner();
  const audit = new MongoAudit(c, instance);
  const counters = new MongoCounters(c);
  const applications = new MongoApplications(c, audit, instance, counters);
  return {
    kind: 'mongodb',
    connection,
    where: redact(url),
    ...storeMethods({
      applications,
      timers: new MongoTimers(c, applications),
      users: new MongoUsers(c),
      throttle: new MongoThrottle(c),
      audit,
      webhooks: new MongoWebhooks(c),
      acts: new MongoActs(c),
      drafts: new MongoDrafts(c, instance),
      meta: new MongoMeta(c),
      counters,
      portable: new MongoPortable(c, audit),
    }),
    close: () => connection.client.close(),
  };
}
