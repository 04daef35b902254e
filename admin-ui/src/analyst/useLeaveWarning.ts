import { useEffect } from 'react';
import { guardLeaving } from '../shell/router';

/**
 * While there are unsaved edits: the browser's own prompt on closing or reloading the tab (beforeunload), and a
 * confirm with `question` when the hash router would leave the routes that `stays` accepts (another service or area);
 * tabs of the same workbench keep the state, so they are not asked about.
 */
export function useLeaveWarning(dirty: boolean, question: string, stays: (next: string[]) => boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set; the text itself is the browser's.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    const unguard = guardLeaving((next) => stays(next) || window.confirm(question));
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      unguard();
    };
  }, [dirty, question, stays]);
}
