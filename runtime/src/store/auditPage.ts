import { domainError } from '@qyzmet/engine';

/**
 * What both stores share of paging the audit trail: a subject prefix as a range of text (so the subject index
 * serves it), and the refusal of a cursor the store never gave.
 */

/** The least text above every text starting with `prefix`: "definition:" → "definition;". */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

export function badCursor(cursor: string): Error {
  return domainError('request', 'request.cursor', `cursor "${cursor.slice(0, 40)}" is not one this list gave`, {
    extensions: { parameter: 'cursor' },
  });
}
