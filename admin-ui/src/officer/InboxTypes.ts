import type { ApplicationSummary, Text } from './common';
import type { TimeLeftValue } from './TimeLeft';

/**
 * An inbox row: the list item of GET /applications with the officer's columns (C2): the applicant, what the
 * application is about, who works on it and the working time left.
 */
export type InboxItem = ApplicationSummary & {
  applicant?: { name: string; id: string | null } | null;
  object?: Text | null;
  assignee?: { id: string; displayName: string } | null;
  timeLeft?: TimeLeftValue | null;
};
