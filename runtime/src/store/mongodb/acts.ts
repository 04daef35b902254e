import type { ActsStore, StoredAct } from '../Store';
import type { Document } from 'mongodb';
import { guarded, upsert, type Collections, type Row } from './connection';

/** Acts entered through the admin API, one document each under the act's id (the act as JSON text). */
export class MongoActs implements ActsStore {
  constructor(private readonly c: Collections) {}

  /** Insert or replace by id; the first registration's author and date are kept. */
  saveAct(a: StoredAct): Promise<void> {
    return guarded(() =>
      upsert(this.c.acts, a.id, {
        $set: { actJson: JSON.stringify(a.act), updatedAt: a.updatedAt },
        $setOnInsert: { createdBy: a.createdBy, createdAt: a.createdAt },
      }),
    );
  }

  listActs(): Promise<StoredAct[]> {
    return guarded(async () => {
      const docs = await this.c.acts.find({}).sort({ _id: 1 }).toArray();
      return docs.map(actOf);
    });
  }
}

/** An act as one document: the act itself as JSON text. */
export function actDocument(a: StoredAct): Row {
  return {
    _id: a.id,
    actJson: JSON.stringify(a.act),
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function actOf(d: Document): StoredAct {
  return {
    id: d._id,
    act: JSON.parse(d.actJson),
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
