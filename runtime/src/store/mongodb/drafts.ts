import type { Document } from 'mongodb';
import { toMs } from '../instants';
import type { DefinitionDraft, DraftsStore } from '../Store';
import { guarded, isDuplicateKey, type Collections } from './connection';
import { lock, unlock } from './locks';

/** How long one save may hold a draft's lock, and how long another save waits for it. */
const SAVE_LOCK_MS = 30_000;
const SAVE_WAIT_MS = 2_000;

/**
 * Drafts, one document each, and every saved revision in its own document (a save that keeps the revision, such as
 * an approval, replaces that revision's copy, as in the SQLite store). A save names the revision it was made from;
 * it is checked and written under the draft's lock (locks.ts), since FerretDB 1.x cannot compare-and-set in one
 * update. Drafts and revisions are kept as JSON text: a draft holds `$include` keys.
 */
export class MongoDrafts implements DraftsStore {
  constructor(
    private readonly c: Collections,
    /** This instance's name on the locks it takes. */
    private readonly owner: string,
  ) {}

  saveDraft(draft: DefinitionDraft, expectedRev: number | null): Promise<boolean> {
    return guarded(async () => {
      const key = draftKey(draft.serviceId, draft.id);
      const entry = draftEntry(draft);
      if (expectedRev === null) {
        try {
          await this.c.drafts.insertOne({ _id: key, ...entry });
        } catch (error) {
          if (isDuplicateKey(error)) return false;
          throw error;
        }
      } else {
        const held = await lock(this.c, `draft:${key}`, this.owner, SAVE_LOCK_MS, SAVE_WAIT_MS);
        if (!held) return false;
        try {
          const stored = await this.c.drafts.findOne({ _id: key }, { projection: { rev: 1 } });
          if (stored?.rev !== expectedRev) return false;
          await this.c.drafts.updateOne({ _id: key }, { $set: entry });
        } finally {
          await unlock(this.c, held);
        }
      }
      await this.c.draftRevisions.replaceOne({ _id: revisionKey(key, draft.rev) }, entry, { upsert: true });
      return true;
    });
  }

  getDraft(serviceId: string, id: string): Promise<DefinitionDraft | undefined> {
    return guarded(async () => {
      const d = await this.c.drafts.findOne({ _id: draftKey(serviceId, id) });
      return d ? draftOf(d) : undefined;
    });
  }

  /** Most recently updated first. */
  listDrafts(serviceId: string): Promise<DefinitionDraft[]> {
    return guarded(async () => {
      const docs = await this.c.drafts.find({ serviceId }).sort({ updatedAtMs: -1, draftId: 1 }).toArray();
      return docs.map(draftOf);
    });
  }

  listDraftRevisions(serviceId: string, id: string): Promise<DefinitionDraft[]> {
    return guarded(async () => {
      const docs = await this.c.draftRevisions.find({ serviceId, draftId: id }).sort({ rev: 1 }).toArray();
      return docs.map(draftOf);
    });
  }
}

/** A draft (or one revision of it) as stored: found by service, id and revision, the draft itself as JSON text. */
export function draftEntry(draft: DefinitionDraft): Document {
  return {
    serviceId: draft.serviceId,
    draftId: draft.id,
    rev: draft.rev,
    updatedAtMs: toMs(draft.updatedAt, 'draft.updatedAt'),
    draftJson: JSON.stringify(draft),
  };
}

export function revisionKey(key: string, rev: number): string {
  return `${key}#${rev}`;
}

export function draftOf(d: Document): DefinitionDraft {
  return JSON.parse(d.draftJson as string) as DefinitionDraft;
}

/** One string id for (service, draft), unambiguous whatever characters the ids hold. */
export function draftKey(serviceId: string, id: string): string {
  return JSON.stringify([serviceId, id]);
}
