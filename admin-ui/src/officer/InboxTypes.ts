import type { Schemas } from '../shell/api';

/**
 * An inbox row: the list item of GET /applications with the officer's columns (C2): the applicant, what the
 * application is about, who works on it and the working time left. Generated from the OpenAPI document.
 */
export type InboxItem = Schemas['ApplicationSummary'];
export type Colleague = Schemas['Officer'];
export type TimeLeftValue = Schemas['TimeLeft'];
