import type { ErrorObject } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeRu from 'ajv-i18n/localize/ru';
import type { FieldIndex } from './collectFields';
import { formFormatMessages } from './formFormats';
import type { FormError, FormLang, LocalizedText } from './formTypes';
import { kazakhMessage } from './localizeKk';

/**
 * Maps ajv errors to FormErrors: the one place that knows ajv's error objects (cf. jsonforms' error mapping).
 *
 * - Noise: the `if` error ("must match then schema") always comes with the specific errors of its branch, so it is
 *   dropped when any other error exists. An `anyOf` / `oneOf` error is dropped when its branches produced errors; a
 *   branch whose own errors include a `const` / `enum` mismatch is a branch the applicant did not choose (a variant
 *   discriminator), so its errors are dropped too, unless every branch is like that. Branch errors are found by
 *   `schemaPath` prefix, so a branch reached through `$ref` keeps its wrapper error as well.
 * - Pointers: `required` and `dependentRequired` point at the missing property, `additionalProperties` and
 *   `unevaluatedProperties` at the extra one, so the UI can show the message beside the field.
 * - Messages: ru and en from ajv-i18n, kk from our localizer; the forms module words `required`, `dependentRequired`,
 *   `additionalProperties` and every format itself in all three languages (ajv-i18n's wording names the parent
 *   object, "должно иметь обязательное поле iin", and would read wrong beside the field).
 * - The same error reached through several branches (a property required both by `then` and `anyOf`) is kept once.
 */

const WRAPPERS = new Set(['if', 'anyOf', 'oneOf']);

function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function dropNoise(errors: ErrorObject[]): ErrorObject[] {
  const removed = new Set<ErrorObject>();
  const wrappers = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const w of wrappers) {
    if (removed.has(w)) continue;
    const prefix = `${w.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (removed.has(e) || !e.schemaPath.startsWith(prefix)) continue;
      const index = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    if (branches.size === 0) continue;
    const chosen = [...branches.values()].filter(
      (list) => !list.some((e) => e.keyword === 'const' || e.keyword === 'enum'),
    );
    if (chosen.length > 0) {
      for (const list of branches.values()) if (!chosen.includes(list)) list.forEach((e) => removed.add(e));
    }
    removed.add(w);
  }
  const kept = errors.filter((e) => !removed.has(e));
  const specific = kept.some((e) => !WRAPPERS.has(e.keyword));
  return specific ? kept.filter((e) => e.keyword !== 'if') : kept;
}

function pointerOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
    case 'dependentRequired':
      return `${e.instancePath}/${escapeSegment(String(p.missingProperty))}`;
    case 'additionalProperties':
      return `${e.instancePath}/${escapeSegment(String(p.additionalProperty))}`;
    case 'unevaluatedProperties':
      return `${e.instancePath}/${escapeSegment(String(p.unevaluatedProperty))}`;
    default:
      return e.instancePath;
  }
}

function textIn(label: LocalizedText, lang: FormLang): string {
  return label[lang] ?? label.ru ?? label.kk;
}

function quote(name: string, lang: FormLang): string {
  return lang === 'en' ? `"${name}"` : `«${name}»`;
}

/** Own ru / en wording for the keywords whose pointer we move, or a format's own message. */
function ownMessage(e: ErrorObject, lang: 'ru' | 'en', triggerName: string | undefined): string | undefined {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return lang === 'ru' ? 'обязательное поле не заполнено' : 'this required field is missing';
    case 'dependentRequired': {
      const trigger = triggerName ?? quote(String(p.property), lang);
      return lang === 'ru'
        ? `обязательно для заполнения, когда заполнено поле ${trigger}`
        : `is required when ${trigger} is filled in`;
    }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return lang === 'ru' ? 'поле не предусмотрено формой' : 'is not a field of this form';
    case 'format':
      return formFormatMessages[String(p.format)]?.[lang];
    case 'const':
      // A box the act makes a condition of the application (a consent, a declaration): "equal to true" means nothing
      // to an applicant.
      if (p.allowedValue !== true) return undefined;
      return lang === 'ru'
        ? 'нужно отметить: без этого заявление не может быть подано'
        : 'must be ticked: the application cannot be submitted without it';
    default:
      return undefined;
  }
}

/**
 * ajv errors looked at in full: beyond these (an array of 100,000 bad items), the rest are only counted, so that
 * removing the noise of anyOf / oneOf (which compares wrappers with errors) stays bounded.
 */
const SCANNED = 5000;

/**
 * Converts the errors of one ajv validation into FormErrors in `lang` (and all three languages in `messages`): the
 * first `limit`, worded, and the total count of distinct errors (those beyond SCANNED ajv errors counted as they come).
 * @example
 * toFormErrors(validate.errors ?? [], collectFields(schema), 'kk', 100) // { errors: [...], total: 3 }
 */
export function toFormErrors(
  ajvErrors: readonly ErrorObject[],
  index: FieldIndex,
  lang: FormLang,
  limit = Infinity,
): { errors: FormError[]; total: number } {
  const errors = dropNoise(ajvErrors.slice(0, SCANNED).map((e) => ({ ...e })));
  const out: FormError[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const e of errors) {
    const pointer = pointerOf(e);
    if (out.length >= limit) {
      // Past the limit only the count matters: the same identity as below, without wording the messages.
      const key = `${pointer}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
      if (!seen.has(key)) total++;
      seen.add(key);
      continue;
    }
    const [ru, en] = [{ ...e }, { ...e }];
    localizeRu([ru]);
    localizeEn([en]);
    const label = index.at(pointer)?.label;
    const trigger =
      e.keyword === 'dependentRequired'
        ? index.at(`${e.instancePath}/${escapeSegment(String((e.params as Record<string, unknown>).property))}`)?.label
        : undefined;
    const name = (l: FormLang): string => (label ? quote(textIn(label, l), l) : pointer);
    const prefix = (l: FormLang, text: string): string => (pointer === '' && !label ? text : `${name(l)}: ${text}`);
    const triggerIn = (l: FormLang): string | undefined => (trigger ? quote(textIn(trigger, l), l) : undefined);

    const formatKk = e.keyword === 'format' ? formFormatMessages[String(e.params.format)]?.kk : undefined;
    const messages = {
      kk: prefix('kk', formatKk ?? kazakhMessage(e, { property: triggerIn('kk') })),
      ru: prefix('ru', ownMessage(e, 'ru', triggerIn('ru')) ?? ru.message ?? e.keyword),
      en: prefix('en', ownMessage(e, 'en', triggerIn('en')) ?? en.message ?? e.keyword),
    };
    const key = `${pointer}\u0000${e.keyword}\u0000${messages.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    seen.add(`${pointer}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`);
    total++;
    out.push({
      code: `form.${e.keyword}`,
      kind: 'user',
      pointer,
      message: messages[lang],
      messages,
      params: { ...(e.params as Record<string, unknown>) },
      ...(label ? { label } : {}),
    });
  }
  return { errors: out, total: total + Math.max(0, ajvErrors.length - SCANNED) };
}
