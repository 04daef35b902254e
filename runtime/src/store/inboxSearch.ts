import type { StoredApplication } from './Store';

/**
 * The inbox's one search box, the same for every store. What was typed decides how it is looked up:
 * - 12 digits: an IIN/BIN (exact), or the tail of a number (both from an index);
 * - other digits ("000123"), or Latin letters, digits and hyphens ending with a digit (a whole number, "CPD-2026-1"):
 *   a number's tail (from an index: see tailSequences);
 * - digits with hyphens ("2026-000123", a cadastral number "20-321-001-123"): a number's tail or part of the object;
 * - anything else: part of the applicant's name or of the object text, case-insensitive, Kazakh and Russian letters
 *   included.
 * Name and object text are read row by row within the other filters: slower than the indexed terms, never wrong.
 */
export interface SearchTerms {
  /** What the number ends with, upper case. */
  numberTail?: string;
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
  if (IIN_OR_BIN.test(typed)) return { applicantCode: typed, numberTail: typed };
  if (DIGITS.test(typed) || NUMBER_WITH_LETTERS.test(typed)) return { numberTail: typed.toUpperCase() };
  if (DIGITS_AND_HYPHENS.test(typed)) return { numberTail: typed, text: foldText(typed) };
  return { text: foldText(typed) };
}

/** A number's sequence: its trailing digits ("GKNPZH-CPD-2026-000123" → 123); null when it ends otherwise. */
export function numberSequence(number: string): number | null {
  const digits = TRAILING_DIGITS.exec(number);
  return digits ? Number(digits[0]) : null;
}

const TRAILING_DIGITS = /\d+$/;

/**
 * At most this many applications are looked up by their sequences for a tail; a tail that would end more (a digit or
 * two) is compared row by row within the inbox's order, where a page's worth of matches comes soon.
 */
export const MAX_TAIL_CANDIDATES = 20_000;

/**
 * The sequences of the numbers that can end with `tail`, up to `maxSequence` (the largest one stored), in ascending
 * order; null when there would be more than `limit`. A number ends with its sequence's digits, after a hyphen. So a
 * tail of digits alone ("0123") ends the sequence: 123, 10 123, 20 123…; digits after a hyphen or a letter
 * ("2026-000123") are the sequence whole: 123 only. These are candidates: whether the number really ends with the tail
 * (its zeros, its prefix) is compared on each.
 *
 * The embedded store looks a tail up this way. Its index of sequences grows at its end, as sequences are given in
 * order; an index of reversed numbers (where a tail is a prefix, one range) takes each insert on a random page, one
 * more page per submission to write, fsync and read again after another process's commit: 8 % of the submissions
 * per second (issue 18). MongoDB keeps the reversed number (`reversed`): FerretDB runs an `$in` of many values in
 * its own memory over every application, and a random page costs it no fsync of its own.
 */
export function tailSequences(tail: string, maxSequence: number, limit = MAX_TAIL_CANDIDATES): number[] | null {
  const digits = TRAILING_DIGITS.exec(tail)?.[0];
  if (digits === undefined) return [];
  const last = Number(digits);
  if (last > maxSequence) return [];
  if (digits.length < tail.length) return [last];
  const step = 10 ** digits.length;
  const count = Math.floor((maxSequence - last) / step) + 1;
  if (count > limit) return null;
  return Array.from({ length: count }, (_, k) => last + k * step);
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
}

export function searchFields(a: StoredApplication): SearchFields {
  const s = a.summary ?? null;
  const object = s?.object ? foldText(`${s.object.kk}\n${s.object.ru}`) : null;
  return {
    applicantCode: s?.applicantId ?? null,
    searchName: s?.applicantName ? foldText(s.applicantName) : null,
    searchObject: object === '' ? null : object,
  };
}
