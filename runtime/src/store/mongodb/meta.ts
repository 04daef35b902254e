import type { MetaStore } from '../Store';
import { guarded, upsert, type Collections } from './connection';

/** Small key/value facts about the store, one document per key. */
export class MongoMeta implements MetaStore {
  constructor(private readonly c: Collections) {}

  getMeta(key: string): Promise<string | undefined> {
    return guarded(async () => ((await this.c.meta.findOne({ _id: key }))?.value as string | undefined) ?? undefined);
  }

  setMeta(key: string, value: string): Promise<void> {
    return guarded(() => upsert(this.c.meta, key, { $set: { value } }));
  }
}
