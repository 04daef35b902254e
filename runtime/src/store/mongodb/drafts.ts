import type { Document } from 'mongodb';
import { toMs } from '../instants';
import type { DefinitionDraft, DraftsStore } from '../Store';
import { insertIgnoringDuplicates } from './audit';
import { guarded, isDuplicateKey, type Collections } from './connection';

/**
 * Drafts with every saved revision. The revisions are the record: revision n of a draft is a document whose id
 * names the draft and n, so of two analysts saving from the same revision exactly one inserts revision n + 1 and the
 * other is told someone saved in between (a unique key is atomic on MongoDB and FerretDB alike; see locks.ts). The
 * draft's own document is its entry in the service's list (with the last update's time) and is written after.
 * Drafts and revisions are kept as JSON text: a draft holds `$include` keys.
 */
export class MongoDrafts implements DraftsStore {
  constructor(private readonly c: Collections) {}

  saveDraft(draft: DefinitionDraft, expectedRev: number | null): Promise<boolean> {
    return guarded(async () => {
      const key = draftKey(draft.serviceId, draft.id);
      const entry = {
        serviceId: draft.serviceId,
        draftId: draft.id,
        rev: draft.rev,
        updatedAtMs: toMs(draft.updatedAt, 'draft.updatedAt'),
        draftJson: JSON.stringify(draft),
      };
      if (expectedRev === null) {
        try {
          await this.c.drafts.insertOne({ _id: key, ...entry });
        } catch (error) {
          if (isDuplicateKey(error)) return false;
          throw error;
        }
        await insertIgnoringDuplicates(this.c.draftRevisions, [{ _id: revisionKey(key, draft.rev), ...entry }]);
        return true;
      }
      if (!(await this.c.draftRevisions.findOne({ _id: revisionKey(key, expectedRev) }, { projection: { _id: 1 } })))
        return false;
      try {
        await this.c.draftRevisions.insertOne({ _id: revisionKey(key, expectedRev + 1), ...entry });
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
      await this.c.drafts.updateOne({ _id: key }, { $set: entry });
      return true;
    });
  }

  getDraft(serviceId: string, id: string): Promise<DefinitionDraft | undefined> {
    return guarded(async () => {
      const latest = await this.c.draftRevisions.find({ serviceId, draftId: id }).sort({ rev: -1 }).limit(1).next();
      return latest ? draftOf(latest) : undefined;
    });
  }

  /** Most recently updated first. */
  listDrafts(serviceId: string): Promise<DefinitionDraft[]> {
    return guarded(async () => {
      const entries = await this.c.drafts.find({ serviceId }).sort({ updatedAtMs: -1, draftId: 1 }).toArray();
      const drafts: DefinitionDraft[] = [];
      for (const e of entries) drafts.push((await this.getDraft(serviceId, e.draftId)) ?? draftOf(e));
      return drafts;
    });
  }

  listDraftRevisions(serviceId: string, id: string): Promise<DefinitionDraft[]> {
    return guarded(async () => {
      const docs = await this.c.draftRevisions.find({ serviceId, draftId: id }).sort({ rev: 1 }).toArray();
      return docs.map(draftOf);
    });
  }
}

export function draftOf(d: Document): DefinitionDraft {
  return JSON.parse(d.draftJson as string) as DefinitionDraft;
}

/** One string id for (service, draft), unambiguous whatever characters the ids hold. */
export function draftKey(serviceId: string, id: string): string {
  return JSON.stringify([serviceId, id]);
}

export function revisionKey(draftKey: string, rev: number): string {
  return `${draftKey}#${rev}`;
}
