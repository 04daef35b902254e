import { domainError, findTexts, type Problem } from '@qyzmet/engine';

/**
 * Characters refused anywhere in what an applicant or officer writes: NUL (cuts a string short in C libraries and
 * PDF), a lone UTF-16 surrogate (no character at all: encoders replace or reject it), and the bidi overrides and
 * isolates U+202A–U+202E, U+2066–U+2069, which reorder what a reader sees of a name printed on a legal document.
 */
const UNSAFE = /[\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** At most this many are reported: a huge payload must not make a huge answer. */
const MAX_REPORTED = 100;

const MESSAGES = {
  kk: 'Мәтінде рұқсат етілмеген таңба бар (NUL, жұпсыз суррогат немесе мәтін бағытын өзгертетін таңба).',
  ru: 'В тексте недопустимый символ (NUL, непарный суррогат или символ, меняющий направление текста).',
  en: 'the text holds a character that is not allowed (NUL, a lone surrogate, or a bidi override or isolate)',
};

/** The pointers (RFC 6901, into `value`) of the strings holding an unsafe character, in document order. */
export function unsafeTextPointers(value: unknown): string[] {
  return findTexts(value, (text, key) => !key && (text.includes('\u0000') || UNSAFE.test(text)), MAX_REPORTED);
}

/** Refuses data with an unsafe character: a 422 whose errors point at each such string (under /data). */
export function assertSafeText(data: unknown): void {
  const pointers = unsafeTextPointers(data);
  if (!pointers.length) return;
  const errors: Problem[] = pointers.map((pointer) => ({
    code: 'text.unsafe',
    message: MESSAGES.en,
    pointer,
    params: { messages: MESSAGES },
  }));
  throw domainError('user', 'data.unsafeText', `${pointers.length} text(s) hold a character that is not allowed`, {
    params: { errors },
  });
}
