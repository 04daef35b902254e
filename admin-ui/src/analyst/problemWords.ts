import type { UiLang } from '../i18n';
import { problems } from '../i18n/problems';
import type { EditorProblem } from './model';

const lists = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join(', ') : v);

/**
 * An engine problem of the draft in the analyst's language: its code's words (admin-ui/src/i18n/problems.ts) with the
 * problem's params filled in, or the engine's English message where the code has no words or lacks a param they name.
 *
 * @example problemWords({ code: 'definition.required', params: { missingProperty: 'legalRef' }, … }, 'ru')
 *   // 'не заполнено «legalRef»'
 */
export function problemWords(p: Pick<EditorProblem, 'code' | 'message' | 'params'>, lang: UiLang): string {
  const texts = problems[lang] as Record<string, string>;
  const words = texts[p.code];
  if (!words) return p.message;
  const params = p.params ?? {};
  const lines = Array.isArray(params.lines) ? (params.lines as number[]) : [];
  const values: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, lists(v)])),
    missingName: params.missing === 'kk' ? texts.langKk : params.missing === 'ru' ? texts.langRu : undefined,
    linesText: lines.length ? `L${lines.join('–')}` : undefined,
  };
  const names = [...words.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
  if (names.some((n) => values[n] === undefined || values[n] === null)) return p.message;
  return words.replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(values[n]));
}
