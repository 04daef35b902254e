import type { UiLang } from '../../i18n';
import type { EditorProblem } from '../model';
import { isSchema, type FieldNode } from './fieldsModel';

/** Small readings shared by the parts of the fields editor: a text in the UI language, problems under a pointer. */

export const textIn = (t: unknown, lang: UiLang): string => {
  if (!isSchema(t)) return '';
  return String((lang === 'en' ? (t.en ?? t.ru) : t[lang]) ?? t.ru ?? t.kk ?? '');
};
export const labelOf = (node: FieldNode, lang: UiLang) => textIn(node.schema['x-label'], lang);
/**
 * A label the applicant reads must exist in both state languages (the format requires kk and ru): said at once, in
 * the analyst's language, where the engine has not placed a problem of its own yet.
 */
export function withLabelCheck(problems: EditorProblem[], text: unknown, message: string): EditorProblem[] {
  const v = isSchema(text) ? text : {};
  if (problems.length || (String(v.kk ?? '').trim() && String(v.ru ?? '').trim())) return problems;
  return [{ message, code: 'label.missing', severity: 'error', line: 0, column: 0, inDraft: true }];
}
export const within = (p: EditorProblem, pointer: string) =>
  p.pointer === pointer || !!p.pointer?.startsWith(`${pointer}/`);
