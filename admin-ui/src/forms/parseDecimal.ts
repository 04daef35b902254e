/**
 * A number as people type it, whatever the browser's locale: "150,5" and "150.5" are both 150.5, spaces between
 * thousands ("1 000,5") are ignored. Pure: the browser tests call it directly too.
 *
 * Returns undefined for an empty input (the field is left out), the number when the text is one, and the text itself
 * otherwise, so that the server (the one validator) says in the applicant's language that it is not a number rather
 * than the form silently dropping or mangling what was typed ("150,5" read as 1505 by a locale number input).
 */
export function parseDecimal(text: string): number | string | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return undefined;
  // Both separators ("1.000,5" or "1,000.5"): the last one is the decimal separator, the other groups thousands.
  const last = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const normalized = last < 0 ? compact : compact.slice(0, last).replace(/[.,]/g, '') + '.' + compact.slice(last + 1);
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalized) ? Number(normalized) : text;
}
