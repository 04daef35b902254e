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
export async function openMongoStore(url: string): Promise<MongoStore> {
  return new MongoStore(await connectMongo(url), redact(url));
}

/** The Store methods come from the parts (see `delegate`); the interface tells TypeScript they are there. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface MongoStore extends Store {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;

  constructor(
    readonly connection: MongoConnection,
    /** The URL without its password, for logs. */
    readonly where: string,
  ) {
    const c = connection.c;
    // One name per store instance: on the locks it takes and in the audit trail's order keys.
    const instance = newLockOwner();
    const audit = new MongoAudit(c, instance);
    const applications = new MongoApplications(c, audit, instance);
    delegate(this, [
      applications,
      new MongoTimers(c, applications),
      new MongoUsers(c),
      audit,
      new MongoWebhooks(c),
      new MongoActs(c),
      new MongoDrafts(c, instance),
      new MongoMeta(c),
      new MongoCounters(c),
      new MongoPortable(c, audit),
    ]);
  }

  async close(): Promise<void> {
    await this.connection.client.close();
  }
}

/** Puts each part's public methods on the store, bound to the part (the parts are the aggregates' implementations). */
function delegate(target: object, parts: object[]): void {
  for (const part of parts) {
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(part))) {
      if (name === 'constructor') continue;
      const method = (part as Record<string, unknown>)[name];
      if (typeof method === 'function') Object.defineProperty(target, name, { value: method.bind(part) });
    }
  }
}
