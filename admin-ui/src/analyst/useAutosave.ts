import { useEffect } from 'react';

/** How long the analyst stops typing before the draft saves itself. */
export const AUTOSAVE_MS = 3_000;

/**
 * Saves with `save` once `ms` pass with no new edit while `ready` (unsaved edits that parse and may be saved). `save`
 * changes identity with every edit, so each keystroke restarts the wait; a failed save is not retried until the next
 * edit, so a refused draft does not hammer the server.
 */
export function useAutosave(ready: boolean, save: () => Promise<unknown>, ms = AUTOSAVE_MS): void {
  useEffect(() => {
    if (!ready) return;
    const h = setTimeout(() => void save(), ms);
    return () => clearTimeout(h);
  }, [ready, save, ms]);
}
