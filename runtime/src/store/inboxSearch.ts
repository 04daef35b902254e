import type { StoredApplication } from './Store';

/**
 * The inbox's one search box, the same for every store. What was typed decides how it is looked up:
 * - 12 digits: an IIN/BIN (exact), or the tail of a number (both from an index);
 * - other digits ("000123"), or Latin letters, digits and hyphens ending with a digit (a whole number, "CPD-2026-1"):
 *   a number's tail (from an index on the reversed number, so a tail is a prefix);
 * - digits with hyphens ("2026-000123", a cadastral number "20-321-001-123"): a number's tail or part of the object;
 * - anything else: part of the applicant's name or of the object text, case-insensitive, Kazakh and Russian letters
 *   included.
 * Name and object text are read row by row within the other filters: slower than the indexed terms, never wrong.
 */
export interface SearchTerms {
  /** The number's tail, reversed: numbers ending with the tail have this prefix. */
  reversedTail?: string;
  /** An IIN/BIN. */
  applicantCode?: string;
  /** Folded (foldText) text to find inside the folded name or object. */
  text?: string;
}

const IIN_OR_BIN = /^\d{12}$/;
const DIGITS = /^\d+$/;
const DIGITS_AND_HYPHENS = /^[\d-]*\d$/;
const NUMBER_WITH_LETTERS = /^[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*\d$/;

/** The search box's text read as terms; null when it holds nothing to search for. */
export function searchTerms(q: string): SearchTerms | null {
  const typed = q.trim().replace(/\s+/g, ' ');
  if (typed === '') return null;
  if (IIN_OR_BIN.test(typed)) return { applicantCode: typed, reversedTail: reversed(typed) };
  if (DIGITS.test(typed) || NUMBER_WITH_LETTERS.test(typed)) return { reversedTail: reversed(typed.toUpperCase()) };
  if (DIGITS_AND_HYPHENS.test(typed)) return { reversedTail: reversed(typed), text: foldText(typed) };
  return { text: foldText(typed) };
}

/** Only index lookups: the number's tail or the IIN/BIN, no text read row by row. */
export function byIndexOnly(terms: SearchTerms): boolean {
  return terms.text === undefined;
}

/**
 * Text as it is compared: lower case by Unicode's rules (SQLite's lower() knows only ASCII; Unicode lowers Kazakh and
 * Russian letters alike, and İ to "i̇" as Kazakh has no rule of its own), ё as е (Russian writes either), spaces
 * collapsed. Unicode tailors case only for Turkish, Azeri and Lithuanian, so toLocaleLowerCase('kk') gave the same
 * text as this at ten times the cost; the folded columns already stored stay valid.
 */
export function foldText(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** A string backwards (numbers are ASCII; code points are kept whole anyway). */
export function reversed(s: string): string {
  return [...s].reverse().join('');
}

/** Above every character a number holds: [prefix, prefix + this) is every string that starts with the prefix. */
export const PREFIX_END = '\uffff';

/** What an application is searched by, kept beside it by every store. */
export interface SearchFields {
  applicantCode: string | null;
  searchName: string | null;
  searchObject: string | null;
  numberTail: string | null;
}

export function searchFields(a: StoredApplication): SearchFields {
  const s = a.summary ?? null;
  const object = s?.object ? foldText(`${s.object.kk}\n${s.object.ru}`) : null;
  return {
    applicantCode: s?.applicantId ?? null,
    searchName: s?.applicantName ? foldText(s.applicantName) : null,
    searchObject: object === '' ? null : object,
    numberTail: a.number ? reversed(a.number) : null,
  };
}
