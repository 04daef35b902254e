import { useEffect } from 'react';

/**
 * What an applicant's page adds to the shell's page title (the application's number, the service's name): the shell
 * (App.tsx) listens for this event and puts the text before the view's name, for the route that is open when it
 * arrives. An event, not an import, so that the shell's chunk does not pull the applicant's pages in.
 */
export const PAGE_DETAIL_EVENT = 'qyzmet:page-detail';

export function usePageDetail(detail: string | null | undefined): void {
  useEffect(() => {
    if (detail) window.dispatchEvent(new CustomEvent(PAGE_DETAIL_EVENT, { detail }));
  }, [detail]);
}
