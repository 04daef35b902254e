import type { HelperOptions } from 'handlebars';
import type { DocumentLang, LocalizedText } from './DocumentContext';
import { DocumentError } from './DocumentError';
import { formatDate, formatDateTime, KK_DATE_CASES, parseLocalDateTime, type KkDateCase } from './formatDate';
import { formatMoney, formatNumber } from './formatNumber';

/** A document helper: pure, the language from an explicit argument or `@root.lang`, never the clock. */
export type DocumentHelper = (...args: unknown[]) => unknown;

const LANGS: readonly DocumentLang[] = ['kk', 'ru'];

function isLang(value: unknown): value is DocumentLang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Splits Handlebars' trailing options argument off the template's own arguments. */
function split(args: unknown[]): {
  params: unknown[];
  options: HelperOptions & { loc?: hbs.AST.SourceLocation; name?: string };
} {
  const options = args[args.length - 1] as HelperOptions & { loc?: hbs.AST.SourceLocation; name?: string };
  return { params: args.slice(0, -1), options };
}

function valueError(
  options: { loc?: hbs.AST.SourceLocation; name?: string },
  message: string,
  value: unknown,
): DocumentError {
  const start = options.loc?.start;
  const at = start ? ` at line ${start.line}, column ${start.column + 1}` : '';
  return new DocumentError({
    code: 'document.value',
    message: `{{${options.name ?? 'helper'}}}${at}: ${message}`,
    ...(start ? { line: start.line, column: start.column + 1 } : {}),
    params: { helper: options.name, value },
  });
}

/** The language: an explicit 'kk' / 'ru' argument wins, otherwise the document's `@root.lang`. */
function langOf(
  explicit: unknown,
  options: HelperOptions & { loc?: hbs.AST.SourceLocation; name?: string },
): DocumentLang {
  if (isLang(explicit)) return explicit;
  const root = (options.data as { root?: { lang?: unknown } } | undefined)?.root;
  const lang = root && Object.hasOwn(root, 'lang') ? root.lang : undefined;
  if (isLang(lang)) return lang;
  throw new DocumentError({
    code: 'document.context',
    message: `{{${options.name ?? 'helper'}}} needs the document language: the render context must have lang "kk" or "ru", got ${JSON.stringify(lang)}`,
    params: { lang },
  });
}

/** A {kk, ru, en} object, as definitions write every user-facing text. */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  // Definitions' texts may also say whether their Russian is official (ruStatus): a marker, not a language.
  const keys = Object.keys(value).filter((k) => k !== 'ruStatus');
  return (
    keys.length > 0 &&
    keys.every(
      (k) => (k === 'kk' || k === 'ru' || k === 'en') && typeof (value as Record<string, unknown>)[k] === 'string',
    )
  );
}

/**
 * The text of a {kk, ru, en} object in the document's language. A missing translation falls back to the other
 * official language (kk ↔ ru), then to en, so a gap shows text rather than a blank in a legal document; the
 * definition compiler is where missing translations should be reported.
 *
 * @example
 * localize({ kk: 'Анықтама', ru: 'Справка' }, 'ru') // 'Справка'
 */
export function localize(text: LocalizedText, lang: DocumentLang): string {
  const order: Array<keyof LocalizedText> = lang === 'kk' ? ['kk', 'ru', 'en'] : ['ru', 'kk', 'en'];
  for (const key of order) {
    const v = Object.hasOwn(text, key) ? text[key] : undefined;
    if (typeof v === 'string') return v;
  }
  return '';
}

const YES_NO: Record<DocumentLang, [string, string]> = { kk: ['иә', 'жоқ'], ru: ['да', 'нет'] };

/**
 * Any JSON value as document text: numbers and dates in local notation, booleans as words, arrays joined,
 * {kk, ru, en} texts localized, other objects as "key: value" pairs. Used for the facts of a refusal ground.
 *
 * @example
 * formatValue(true, 'kk') // 'иә'
 */
export function formatValue(value: unknown, lang: DocumentLang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[lang][value ? 0 : 1];
  if (typeof value === 'number') return formatNumber(value) ?? String(value);
  if (typeof value === 'string') {
    const date = parseLocalDateTime(value);
    return date ? formatDateTime(date, lang) : value;
  }
  if (Array.isArray(value)) return value.map((v) => formatValue(v, lang)).join(', ');
  if (isLocalizedText(value)) return localize(value, lang);
  if (typeof value === 'object') {
    return Object.keys(value)
      .map((k) => `${k}: ${formatValue((value as Record<string, unknown>)[k], lang)}`)
      .join('; ');
  }
  return String(value);
}

type RefPart = 'annex' | 'row' | 'article' | 'part' | 'paragraph' | 'subparagraph';

/**
 * Clause parts in the order a citation narrows down: an annex and its row come first ("приложение 2, строка 9,
 * подпункт 1)"), then article, paragraph, the paragraph's part (Rules divide a paragraph into parts: "9-тармағының
 * 3-бөлігі"), subparagraph.
 */
const REF_PARTS: readonly RefPart[] = ['annex', 'row', 'article', 'paragraph', 'part', 'subparagraph'];

/** Russian clause words, listed after the act's name: "…, пункт 9, подпункт 2)". */
const RU_WORDS: Record<RefPart, (n: string) => string> = {
  article: (n) => `статья ${n}`,
  part: (n) => `часть ${n}`,
  paragraph: (n) => `пункт ${n}`,
  subparagraph: (n) => `подпункт ${n})`,
  annex: (n) => `приложение ${n}`,
  row: (n) => `строка ${n}`,
};

/**
 * Kazakh clause words as a genitive chain after the act's genitive name: every part but the last in the genitive, the
 * last in the possessive ("…Қағидалардың 9-тармағының 2) тармақшасы"); as a plain list when the act has no genitive.
 */
const KK_WORDS: Record<
  RefPart,
  { plain: (n: string) => string; possessive: (n: string) => string; genitive: (n: string) => string }
> = {
  article: { plain: (n) => `${n}-бап`, possessive: (n) => `${n}-бабы`, genitive: (n) => `${n}-бабының` },
  part: { plain: (n) => `${n}-бөлік`, possessive: (n) => `${n}-бөлігі`, genitive: (n) => `${n}-бөлігінің` },
  paragraph: { plain: (n) => `${n}-тармақ`, possessive: (n) => `${n}-тармағы`, genitive: (n) => `${n}-тармағының` },
  subparagraph: {
    plain: (n) => `${n}) тармақша`,
    possessive: (n) => `${n}) тармақшасы`,
    genitive: (n) => `${n}) тармақшасының`,
  },
  annex: { plain: (n) => `${n}-қосымша`, possessive: (n) => `${n}-қосымшасы`, genitive: (n) => `${n}-қосымшасының` },
  row: { plain: (n) => `${n}-жол`, possessive: (n) => `${n}-жолы`, genitive: (n) => `${n}-жолының` },
};

/** The localized texts of a {kk, ru, en} object that may carry markers (ruStatus). */
function textsOfTitle(value: unknown): LocalizedText | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const t = value as Record<string, unknown>;
  const texts: LocalizedText = {};
  for (const k of ['kk', 'ru', 'en'] as const) if (typeof t[k] === 'string') texts[k] = t[k] as string;
  return Object.keys(texts).length ? texts : undefined;
}

/** How an act is named in a citation: the law's own citation when the act record has one, else its title. */
interface ActNaming {
  name?: string;
  /** The Kazakh genitive that precedes clause words ("…Қағидалардың"). */
  genitive?: string;
}

/**
 * The act's name: definitions cite acts by id ('moj-order-156-2013'); the engine puts the act record in the render
 * context, whose `citation` is how the law writes the act (with its date and number, and for Rules the order that
 * approved them). A {kk, ru, en} text or a bare string is printed as given.
 */
function actNaming(act: unknown, lang: DocumentLang): ActNaming {
  if (typeof act === 'string') return { name: act };
  if (isLocalizedText(act)) return { name: localize(act, lang) };
  if (act === null || typeof act !== 'object') return {};
  const record = act as Record<string, unknown>;
  const citation = Object.hasOwn(record, 'citation') ? record.citation : undefined;
  if (citation !== null && typeof citation === 'object') {
    const c = citation as Record<string, unknown>;
    const name = typeof c[lang] === 'string' ? (c[lang] as string) : undefined;
    const genitive = lang === 'kk' && typeof c.kkGenitive === 'string' ? c.kkGenitive : undefined;
    if (name) return { name, genitive };
  }
  const title = Object.hasOwn(record, 'title') ? record.title : undefined;
  if (typeof title === 'string') return { name: title };
  const texts = textsOfTitle(title);
  return texts ? { name: localize(texts, lang) || undefined } : {};
}

/**
 * A legal reference as the law writes it: the act as it is cited (its citation, else its title), then the clause.
 *
 * @example
 * formatLegalRef({ act: { citation: { kk: '…', kkGenitive: '…бекітілген Қағидалардың', ru: 'Правила …, утверждённые
 *   приказом … от 6 мая 2013 года № 156' } }, paragraph: '9', subparagraph: '2' }, 'ru')
 * // 'Правила …, утверждённые приказом … от 6 мая 2013 года № 156, пункт 9, подпункт 2)'
 * // kk: '…бекітілген Қағидалардың 9-тармағының 2) тармақшасы'
 */
export function formatLegalRef(ref: unknown, lang: DocumentLang): string {
  if (ref === null || ref === undefined) return '';
  if (typeof ref !== 'object') return String(ref);
  const r = ref as Record<string, unknown>;
  const own = (k: string): unknown => (Object.hasOwn(r, k) ? r[k] : undefined);
  const parts = REF_PARTS.flatMap((key) => {
    const v = own(key);
    return typeof v === 'string' || typeof v === 'number' ? [{ key, n: String(v) }] : [];
  });
  const { name, genitive } = actNaming(own('act'), lang);
  if (lang === 'kk' && genitive && parts.length) {
    const chain = parts.map((p, i) =>
      i < parts.length - 1 ? KK_WORDS[p.key].genitive(p.n) : KK_WORDS[p.key].possessive(p.n),
    );
    return `${genitive} ${chain.join(' ')}`;
  }
  const words = parts.map((p) => (lang === 'kk' ? KK_WORDS[p.key].plain(p.n) : RU_WORDS[p.key](p.n)));
  return [name, ...words].filter(Boolean).join(', ');
}

/** Said after a due date computed on a year whose decree on transfers is not entered yet. */
const PROVISIONAL_NOTE: Record<DocumentLang, string> = {
  kk: ' (алдын ала: жылдың демалыс күндерін ауыстыру туралы қаулысы әлі қабылданбаған)',
  ru: ' (предварительно: постановление о переносе выходных дней на этот год ещё не принято)',
};

function isProvisionalDueDate(value: string, options: HelperOptions): boolean {
  const root = (options.data as { root?: { provisionalDueDates?: unknown } } | undefined)?.root;
  const dates = root && Object.hasOwn(root, 'provisionalDueDates') ? root.provisionalDueDates : undefined;
  return Array.isArray(dates) && dates.includes(value);
}

function dateHelper(withTime: boolean): DocumentHelper {
  return (...args) => {
    const { params, options } = split(args);
    const [value, lang] = params;
    const l = langOf(lang, options);
    const kkCase = (options.hash as { case?: unknown } | undefined)?.case;
    if (kkCase !== undefined && !(KK_DATE_CASES as readonly unknown[]).includes(kkCase))
      throw valueError(
        options,
        `case must be one of ${KK_DATE_CASES.join(', ')}, got ${JSON.stringify(kkCase)}`,
        kkCase,
      );
    if (value === null || value === undefined || value === '') return '';
    const parsed = typeof value === 'string' ? parseLocalDateTime(value) : undefined;
    if (!parsed)
      throw valueError(
        options,
        `expected an ISO date "YYYY-MM-DD" or an ISO instant with offset, got ${JSON.stringify(value)}`,
        value,
      );
    const text = withTime ? formatDateTime(parsed, l) : formatDate(parsed, l, kkCase as KkDateCase | undefined);
    return isProvisionalDueDate(value as string, options) ? text + PROVISIONAL_NOTE[l] : text;
  };
}

/**
 * The helpers every document template may use (compiled with knownHelpersOnly: anything else is an error).
 * Built-in block helpers `if`, `unless`, `each`, `with` and `lookup` stay available; `log` is removed (I/O).
 */
export const DOCUMENT_HELPERS: Readonly<Record<string, DocumentHelper>> = Object.freeze({
  /**
   * `{{date value}}` / `{{date value "ru"}}` → '2025 жылғы 3 наурыз' / '3 марта 2025 г.'; in Kazakh a sentence may need
   * the month's case: `{{date value case="attr"}}` → '2013 жылғы 6 мамырдағы' (also loc, dat, abl; Russian ignores it)
   */
  date: dateHelper(false),
  /** `{{datetime value}}` → '3 марта 2025 г. 14:30' */
  datetime: dateHelper(true),
  /** `{{number value}}` / `{{number value 2}}` → '1 234 567,5' */
  number: (...args) => {
    const { params, options } = split(args);
    const [value, decimals] = params;
    if (value === null || value === undefined || value === '') return '';
    if (
      decimals !== undefined &&
      !(typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0 && decimals <= 20)
    ) {
      throw valueError(options, `decimals must be a whole number 0..20, got ${JSON.stringify(decimals)}`, decimals);
    }
    const out = formatNumber(value, decimals as number | undefined);
    if (out === undefined) throw valueError(options, `expected a number, got ${JSON.stringify(value)}`, value);
    return out;
  },
  /** `{{money value}}` → '1 234,00 теңге' (kk) / '1 234,00 тенге' (ru) */
  money: (...args) => {
    const { params, options } = split(args);
    const [value, lang] = params;
    const l = langOf(lang, options);
    if (value === null || value === undefined || value === '') return '';
    const out = formatMoney(value, l);
    if (out === undefined) throw valueError(options, `expected an amount, got ${JSON.stringify(value)}`, value);
    return out;
  },
  /** `{{t label}}` → the text of a {kk, ru, en} object in the document's language */
  t: (...args) => {
    const { params, options } = split(args);
    const [value, lang] = params;
    const l = langOf(lang, options);
    if (value === null || value === undefined) return '';
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (isLocalizedText(value)) return localize(value, l);
    throw valueError(options, 'expected a {kk, ru, en} text object', value);
  },
  /** `{{legalRef ref}}` → 'Закон …, статья 19-1, пункт 2' */
  legalRef: (...args) => {
    const { params, options } = split(args);
    return formatLegalRef(params[0], langOf(params[1], options));
  },
  /** `{{display x}}` → any JSON value as text (facts of a refusal ground) */
  display: (...args) => {
    const { params, options } = split(args);
    return formatValue(params[0], langOf(params[1], options));
  },
  /** `(eq a b)` → strict equality */
  eq: (...args) => {
    const { params } = split(args);
    return params[0] === params[1];
  },
  /** `(not a)` → Handlebars truthiness negated (an empty array counts as false, as in `{{#if}}`) */
  not: (...args) => !truthy(split(args).params[0]),
  /** `(and a b …)` */
  and: (...args) => split(args).params.every(truthy),
  /** `(or a b …)` */
  or: (...args) => split(args).params.some(truthy),
  /** `{{join list}}` / `{{join list "; "}}` → items as text, joined */
  join: (...args) => {
    const { params, options } = split(args);
    const [list, separator] = params;
    if (list === null || list === undefined) return '';
    if (!Array.isArray(list)) throw valueError(options, 'expected an array', list);
    const l = langOf(undefined, options);
    return list.map((v) => formatValue(v, l)).join(typeof separator === 'string' ? separator : ', ');
  },
  /** `{{upper text}}` → upper case (Cyrillic incl. ә ғ қ ң ө ұ ү һ і) */
  upper: (...args) => {
    const { params, options } = split(args);
    const [value] = params;
    if (value === null || value === undefined) return '';
    const text = isLocalizedText(value) ? localize(value, langOf(undefined, options)) : String(value);
    return text.toUpperCase();
  },
});

/** Truthiness as `{{#if}}` sees it: empty arrays are false, 0 is false. */
function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Built-in helpers that may open a block (`{{#if}}`); every other block is rejected at compile time. */
export const BLOCK_HELPERS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with']);
