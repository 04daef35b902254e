import type { Problem } from '../errors/problem';
import { appendPointer } from '../format/jsonPointer';

/**
 * Kazakh and Russian are both state languages: a text written in one and missing in the other cannot be published
 * (the applicant chooses the language of the notice). Walks a version for localized texts — objects with a `kk` or
 * `ru` string — and names each one that lacks the other language.
 *
 * @example languageParity({ label: { kk: 'Мерзім' } }) // [{ code: 'text.parity', pointer: '/label', … }]
 */
export function languageParity(value: unknown, at = ''): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, appendPointer(pointer, i)));
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    // A document's wording may be written inline as { text }: that is a text in its language too.
    const textOf = (v: unknown) => (typeof v === 'object' && v !== null ? (v as { text?: unknown }).text : v);
    const has = (lang: 'kk' | 'ru') => {
      const v = textOf(o[lang]);
      return typeof v === 'string' && v.trim() !== '';
    };
    if (typeof textOf(o.kk) === 'string' || typeof textOf(o.ru) === 'string') {
      if (has('kk') !== has('ru')) {
        const missing = has('kk') ? 'ru' : 'kk';
        problems.push({
          code: 'text.parity',
          kind: 'definition',
          pointer,
          params: { missing },
          message: `${pointer || '/'} has a ${missing === 'ru' ? 'Kazakh' : 'Russian'} text but no ${missing === 'ru' ? 'Russian' : 'Kazakh'} one ("${missing}"); both state languages are needed before publication`,
        });
      }
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, appendPointer(pointer, k));
  };
  walk(value, at);
  return problems;
}
