import { useEffect } from 'react';
import { useRoute } from './router';

/**
 * What a page adds to the shell's page title (an application's number, a service's name and the workbench's tab):
 * the shell (App.tsx) listens for this event and puts the text before the view's name, for the route that is open
 * when it arrives. An event, not a context, so that the shell's chunk does not pull the pages in. Sent again on every
 * route change, since the shell keeps a detail only for the route it came with.
 */
export const PAGE_DETAIL_EVENT = 'qyzmet:page-detail';

export function usePageDetail(detail: string | null | undefined): void {
  const where = useRoute().join('/');
  useEffect(() => {
    if (detail) window.dispatchEvent(new CustomEvent(PAGE_DETAIL_EVENT, { detail }));
  }, [detail, where]);
}
