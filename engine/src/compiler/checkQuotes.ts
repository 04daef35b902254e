import type { Problem } from '../errors/problem';
import type { LegalRef } from '../format/types';
import { forEachLegalRef } from './checkReferences';

/**
 * A legalRef's `quote` is the act's own words: it must occur in the cited `lines` of its seed file, or the analyst
 * (and whoever reads a refusal citing it) is shown words the act does not say. The text is compared leniently where
 * the PDF extraction or typing differ without changing the words: case, whitespace and the kind of quotation marks.
 * Whitespace is left out entirely, not only collapsed: the extraction breaks lines anywhere and spaces out the
 * letters of some words ("б о л у ы н а" for "болуына"), which a quote rightly writes as the word. A quote shortened
 * with "..." or "…" must occur piece by piece, in order.
 *
 * The seed text comes through the caller's `readSeed` (the engine does no I/O); a seed it cannot give is not
 * checked. Each seed file is split into lines once per checker.
 */

/** The text of a seed file by its name (e.g. "003_fecf8ad1b999089f.txt"), or undefined when it is not at hand. */
export type ReadSeed = (file: string) => string | undefined;

/** How much of the cited lines a misquote's message shows, so the analyst sees what the act says there. */
const SHOWN_CHARS = 80;

/** What is compared of a text: its letters without case, whitespace or the kind of quotation marks. */
export function quoteKey(text: string): string {
  return text
    .replace(/[«»“”„]/g, '"')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The pieces of a quote shortened with "..." or "…", as written (whitespace collapsed), empty ones left out. */
export function quoteFragments(quote: string): string[] {
  return quote
    .split(/\.\.\.|…/)
    .map((f) => f.replace(/\s+/g, ' ').trim())
    .filter((f) => quoteKey(f).length > 0);
}

/** The first piece of the quote that does not occur in `text` after the previous one, or undefined when all do. */
export function missingFragment(quote: string, text: string): string | undefined {
  const haystack = quoteKey(text);
  let from = 0;
  for (const fragment of quoteFragments(quote)) {
    const key = quoteKey(fragment);
    const at = haystack.indexOf(key, from);
    if (at < 0) return fragment;
    from = at + key.length;
  }
  return undefined;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // A final newline ends the last line; it does not start another one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const isLineNumber = (n: unknown): n is number => Number.isInteger(n);

const lineRange = (from: number, to: number) => (from === to ? `line ${from}` : `lines ${from}–${to}`);

function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS)}…` : flat;
}

/**
 * A checker that keeps each seed's lines for all the values it checks (a service and its scenarios).
 *
 * @example
 *   const check = createQuoteChecker((file) => seeds[file]);
 *   check(serviceWithSeedsFilled)
 *   // [{ code: 'legalRef.misquote', pointer: '/versions/0/deadlines/0/legalRef/quote', message: 'the quote "…" …' }]
 */
export function createQuoteChecker(readSeed: ReadSeed): (value: unknown, pointer?: string) => Problem[] {
  const cache = new Map<string, string[] | null>();
  const linesOf = (file: string): string[] | null => {
    if (!cache.has(file)) {
      const text = readSeed(file);
      cache.set(file, text === undefined ? null : splitLines(text));
    }
    return cache.get(file)!;
  };

  const checkRef = (ref: LegalRef, at: string): Problem | undefined => {
    if (!ref || typeof ref !== 'object' || typeof ref.seed !== 'string') return undefined;
    // Odd data (a draft half typed) is the meta-schema's to report; only whole line numbers are compared.
    const cited: unknown[] = Array.isArray(ref.lines) ? ref.lines : [];
    const [from, to] = [cited[0], cited[cited.length - 1]];
    if (!isLineNumber(from) || !isLineNumber(to)) return undefined;
    const lines = linesOf(ref.seed);
    if (!lines) return undefined;
    // Backward ranges are reported by checkReferences (ref.badLines); there is nothing to compare here.
    if (from > to) return undefined;
    if (from < 1 || to > lines.length)
      return {
        code: 'legalRef.linesOutsideSeed',
        kind: 'definition',
        severity: 'error',
        pointer: `${at}/lines`,
        message: `${lineRange(from, to)} of the seed ${ref.seed} do not exist: it has lines 1–${lines.length}`,
        params: { seed: ref.seed, lines: ref.lines, seedLines: lines.length },
      };
    if (typeof ref.quote !== 'string' || ref.quote.trim() === '') return undefined;
    const text = lines.slice(from - 1, to).join('\n');
    const missing = missingFragment(ref.quote, text);
    if (missing === undefined) return undefined;
    const pieces = quoteFragments(ref.quote).length > 1 ? ` (its part "${missing}" is not there, in that order)` : '';
    return {
      code: 'legalRef.misquote',
      kind: 'definition',
      severity: 'error',
      pointer: `${at}/quote`,
      message: `the quote "${ref.quote}" does not occur in ${lineRange(from, to)} of the seed ${ref.seed}${pieces}, which read: "${shown(text)}"; quote the act's words as they stand there (case, spaces and the kind of quotation marks do not matter; shorten with "...")`,
      params: { seed: ref.seed, lines: [from, to], quote: ref.quote, missing, text: shown(text) },
    };
  };

  return (value, pointer = '') => {
    const problems: Problem[] = [];
    forEachLegalRef(value, pointer, (ref, at) => {
      const p = checkRef(ref, at);
      if (p) problems.push(p);
    });
    return problems;
  };
}

/**
 * The quote problems of every legalRef in `value` (whose `seed` is already filled in from its act, see
 * inheritSeeds), with pointers under `pointer`.
 */
export function checkQuotes(value: unknown, readSeed: ReadSeed, pointer = ''): Problem[] {
  return createQuoteChecker(readSeed)(value, pointer);
}
