import { useEffect, useRef, type MutableRefObject } from 'react';
import { api } from '../shell/api';
import type { Draft } from './model';

/** How often the open draft is read again to notice another analyst's save. */
export const WATCH_MS = 5_000;

/** A revision saved by someone else since the one this browser holds. */
export interface RemoteSave {
  rev: number;
  /** Who saved it, by name (the id when the server knows no name). */
  savedBy: string;
  updatedAt: string;
}

/**
 * Reads the open draft every `ms` and calls `onNewer` when its revision is newer than `draft.rev` and was saved by
 * another user (this user's own saves elsewhere in the workbench, such as accepting a scenario, reload by themselves).
 * Failed reads are ignored: the next poll tries again, and a save would still be refused with a 409.
 */
export function useDraftWatch(
  serviceId: string,
  draft: Draft | null,
  me: string | undefined,
  /** The revision the workbench last loaded, set before it renders (a reply racing a reload is not "newer"). */
  knownRev: MutableRefObject<number>,
  onNewer: (remote: RemoteSave) => void,
  ms = WATCH_MS,
): void {
  // The latest revision and callback without restarting the timer at every save.
  const rev = useRef(draft?.rev ?? 0);
  rev.current = draft?.rev ?? 0;
  const notify = useRef(onNewer);
  notify.current = onNewer;
  const id = draft && !draft.publishedAt && !draft.discardedAt ? draft.id : null;
  useEffect(() => {
    if (!id) return;
    let live = true;
    const h = setInterval(() => {
      api<Draft>('GET', `/admin/definitions/${encodeURIComponent(serviceId)}/drafts/${id}`).then(
        (d) => {
          if (live && d.rev > Math.max(rev.current, knownRev.current) && d.savedBy !== me)
            notify.current({ rev: d.rev, savedBy: d.names?.[d.savedBy] ?? d.savedBy, updatedAt: d.updatedAt });
        },
        () => undefined,
      );
    }, ms);
    return () => {
      live = false;
      clearInterval(h);
    };
  }, [serviceId, id, me, ms, knownRev]);
}
