import type { ReactNode } from 'react';

/**
 * Stands in for markdown-to-jsx (some 13 kB of the form's download) in rjsf's components: the forms never enable
 * markdown in descriptions or help, so rjsf renders it only in its own notices (an unsupported field, a file's
 * name and size), which read as their plain text.
 */
export function Markdown({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}
