import type { CompiledVersion } from '../compiler';
import { getAtPointer } from '../format/jsonPointer';
import type { FieldInfo } from '../forms';

/**
 * What an officer needs to tell one application from another in a list: who applied (the fields the form marks
 * `x-identity`: fullName, iin, bin) and what it is about (the fields marked `x-summary`, joined with ", " in the
 * order the form declares them; an enum's value is shown by its x-enumLabels, never raw).
 */
export interface ApplicationSummary {
  applicantName: string | null;
  /** The IIN, else the BIN, digits as the applicant gave them. */
  applicantId: string | null;
  object: { kk: string; ru: string; en: string } | null;
}

type Lang = 'kk' | 'ru' | 'en';
const LANGS: Lang[] = ['kk', 'ru', 'en'];

const fieldsOf = new WeakMap<CompiledVersion, FieldInfo[]>();
function annotatedFields(version: CompiledVersion): FieldInfo[] {
  let fields = fieldsOf.get(version);
  if (!fields) {
    fields = version.form.fields().filter((f) => f.identity !== undefined || f.summary === true);
    fieldsOf.set(version, fields);
  }
  return fields;
}

/** The values at a field pointer; an array item's `*` segment stands for every item, in order. */
function valuesAt(data: unknown, pointer: string): unknown[] {
  const star = pointer.indexOf('/*');
  if (star < 0) {
    const v = getAtPointer(data, pointer);
    return v === undefined ? [] : [v];
  }
  const list = getAtPointer(data, pointer.slice(0, star));
  if (!Array.isArray(list)) return [];
  const rest = pointer.slice(star + 2);
  return list.flatMap((item) => (rest === '' ? [item] : valuesAt(item, rest)));
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** One summary value in a language: an enum's label, a string as written, a number with the language's decimal sign. */
function shown(field: FieldInfo, value: unknown, lang: Lang): string | null {
  if (typeof value === 'string' || typeof value === 'number') {
    const label = field.enumLabels?.[String(value)];
    if (label) return lang === 'en' ? (label.en ?? label.ru) : label[lang];
  }
  if (typeof value === 'number' && Number.isFinite(value))
    return lang === 'en' ? String(value) : String(value).replace('.', ',');
  return text(value);
}

/**
 * The applicant and the object of an application, from its version's annotated form fields.
 * @example
 * summarizeApplication(cadastralPassportDuplicate, {
 *   applicant: { kind: 'individual', iin: '900101300123', fullName: 'Әлиев Нұрлан' },
 *   object: { cadastralNumber: '20:318:040:123:45', kind: 'apartment' },
 * })
 * // { applicantName: 'Әлиев Нұрлан', applicantId: '900101300123',
 * //   object: { kk: '20:318:040:123:45, Пәтер', ru: '20:318:040:123:45, Квартира',
 * //             en: '20:318:040:123:45, Apartment' } }
 */
export function summarizeApplication(version: CompiledVersion, data: unknown): ApplicationSummary {
  const fields = annotatedFields(version);
  const identity = (kind: FieldInfo['identity']): string | null => {
    const field = fields.find((f) => f.identity === kind);
    return field ? text(valuesAt(data, field.pointer)[0]) : null;
  };
  const parts: Record<Lang, string[]> = { kk: [], ru: [], en: [] };
  for (const field of fields) {
    if (!field.summary) continue;
    for (const value of valuesAt(data, field.pointer)) {
      for (const lang of LANGS) {
        const s = shown(field, value, lang);
        if (s !== null) parts[lang].push(s);
      }
    }
  }
  return {
    applicantName: identity('fullName'),
    applicantId: identity('iin') ?? identity('bin'),
    object: parts.kk.length ? { kk: parts.kk.join(', '), ru: parts.ru.join(', '), en: parts.en.join(', ') } : null,
  };
}
