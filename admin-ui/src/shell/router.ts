import { useEffect, useState } from 'react';

/**
 * A page that would lose work on leaving (the workbench with unsaved edits) registers a guard: asked with the route
 * about to open, it answers whether to go. Refused, the address goes back to where it was and the page stays mounted,
 * so its unsaved state is kept (a hashchange cannot be cancelled, only undone).
 */
type LeaveGuard = (next: string[]) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function guardLeaving(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** Hash routes (#/inbox, #/apply/<serviceId>, …): the runtime serves one index.html, nothing to configure. */
export function useRoute(): string[] {
  // A view's query (#/inbox?q=…&due=overdue) is the page's own to read (hashQuery): the route is the path before it.
  const read = () =>
    window.location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = (e: HashChangeEvent) => {
      if (leaveGuard && !leaveGuard(read())) {
        // replaceState fires no hashchange: the route stays as it is.
        window.history.replaceState(window.history.state, '', e.oldURL);
        return;
      }
      setRoute(read());
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** The query of the hash (#/inbox?q=…): a view's state, so that a link to it can be shared. */
export function hashQuery(): URLSearchParams {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

export function go(...parts: string[]): void {
  window.location.hash = `#/${parts.map(encodeURIComponent).join('/')}`;
}
