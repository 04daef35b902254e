import { ProblemError } from '../errors/problem';
import type { FormError } from './formTypes';
import { linearRegExpProblem } from './linearRegExp';

/**
 * Limits of an analyst's form, checked before ajv compiles it: a form is untrusted input to the compiler (an
 * 8,000-property form blocked a check for 14 s) and its data come from anonymous callers (an array without
 * `maxItems` turned a 1 MB request into 330,000 errors). The real forms hold at most ~50 fields, 8 levels deep,
 * and strings of at most 4,000 characters, so the limits sit far above any real form.
 */
export const FORM_LIMITS = {
  /** Fields (keys of `properties` / `patternProperties`) in the whole form. */
  properties: 1000,
  /** Nesting of the form's JSON (a field inside an object field adds two levels: `properties`, the field). */
  depth: 32,
  /** Explicit `maxItems` / `maxLength` / `maxProperties` above these are mistakes, not needs. */
  maxItems: 10_000,
  maxLength: 1_000_000,
  maxProperties: 10_000,
  /**
   * Objects and array items of the form's JSON outside `enum` / `const` / annotations (a real form has a few hundred):
   * bounds what ajv compiles however it is spelt (an `allOf` of 100,000 parts, a `required` of 100,000 keys).
   */
  schemaNodes: 20_000,
  /** Values of one `enum` (the real ones list a handful of kinds; a register of codes belongs in a format). */
  enumValues: 1000,
  /**
   * Defaults for an array without `maxItems` and a string without `maxLength`: 500 items is beyond any list an
   * applicant types (owners, rooms, attachments); 10,000 characters holds a long free-text explanation while
   * bounding what one field can make the runtime store and echo.
   */
  defaultMaxItems: 500,
  defaultMaxLength: 10_000,
  /**
   * Values (each array item, object member, scalar) in one application's data: a real application holds about a
   * hundred. ajv checks every item of an oversized array even past `maxItems` (allErrors), so 330,000 bad items in a
   * 1 MB body took half a second and 50 MB; past this bound the data are refused before ajv reads them.
   */
  dataValues: 20_000,
} as const;

const CAPS = {
  maxItems: FORM_LIMITS.maxItems,
  maxLength: FORM_LIMITS.maxLength,
  maxProperties: FORM_LIMITS.maxProperties,
};

/** Keys whose values are data or annotations, not subschemas: the walk does not look inside them. */
const DATA_KEYS = new Set(['const', 'enum', 'default', 'examples']);
const isDataKey = (key: string) => DATA_KEYS.has(key) || key.startsWith('x-');

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function limitProblem(pointer: string, message: string, params: Record<string, unknown>): ProblemError {
  return new ProblemError({
    code: 'form.schema.limit',
    kind: 'definition',
    message: `invalid form schema at "${pointer || '/'}": ${message}`,
    pointer,
    params,
  });
}

/**
 * Throws a located definition problem (pointer inside the form) for the first limit the form exceeds: too many
 * fields, too deep, an explicit size above its cap, a pattern RE2 cannot run. Stops at the first excess, so an
 * oversized form is refused in time proportional to the limit, not to its size.
 */
export function checkFormLimits(schema: object): void {
  let fields = 0;
  let nodes = 0;
  const walk = (node: unknown, pointer: string, depth: number): void => {
    if (!isObject(node)) return;
    if (depth > FORM_LIMITS.depth)
      throw limitProblem(pointer, `the form nests deeper than ${FORM_LIMITS.depth} levels`, {
        limit: FORM_LIMITS.depth,
      });
    nodes += Array.isArray(node) ? 1 + node.length : 1;
    if (nodes > FORM_LIMITS.schemaNodes)
      throw limitProblem(pointer, `the form holds more than ${FORM_LIMITS.schemaNodes} schema parts`, {
        limit: FORM_LIMITS.schemaNodes,
      });
    if (!Array.isArray(node)) {
      for (const [keyword, cap] of Object.entries(CAPS)) {
        const value = node[keyword];
        if (typeof value === 'number' && value > cap)
          throw limitProblem(`${pointer}/${keyword}`, `${keyword} ${value} is above the limit ${cap}`, {
            keyword,
            limit: cap,
          });
      }
      if (Array.isArray(node.enum) && node.enum.length > FORM_LIMITS.enumValues)
        throw limitProblem(`${pointer}/enum`, `the enum lists more than ${FORM_LIMITS.enumValues} values`, {
          limit: FORM_LIMITS.enumValues,
        });
      if (typeof node.pattern === 'string') {
        const why = linearRegExpProblem(node.pattern);
        if (why) throw limitProblem(`${pointer}/pattern`, why, { pattern: node.pattern });
      }
      for (const map of ['properties', 'patternProperties'] as const) {
        const fieldsHere = node[map];
        if (!isObject(fieldsHere) || Array.isArray(fieldsHere)) continue;
        for (const key of Object.keys(fieldsHere)) {
          if (++fields > FORM_LIMITS.properties)
            throw limitProblem(
              `${pointer}/${map}/${escape(key)}`,
              `the form has more than ${FORM_LIMITS.properties} fields`,
              {
                limit: FORM_LIMITS.properties,
              },
            );
          const why = map === 'patternProperties' ? linearRegExpProblem(key) : undefined;
          if (why) throw limitProblem(`${pointer}/${map}/${escape(key)}`, why, { pattern: key });
        }
      }
    }
    for (const [key, value] of Object.entries(node))
      if (!isDataKey(key)) walk(value, `${pointer}/${escape(key)}`, depth + 1);
  };
  walk(schema, '', 0);
}

const hasType = (node: Record<string, unknown>, type: string) =>
  node.type === type || (Array.isArray(node.type) && node.type.includes(type));

/**
 * A copy of the form where every array without `maxItems` and every string without `maxLength` (nor `enum` /
 * `const`, which bound it already) gets the default limit; the analyst's schema itself is left as written.
 */
export function withDefaultLimits<T>(node: T): T {
  if (!isObject(node)) return node;
  if (Array.isArray(node)) return node.map((x: unknown) => withDefaultLimits(x)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = isDataKey(key) ? value : withDefaultLimits(value);
  const bounded = 'enum' in node || 'const' in node;
  if (hasType(node, 'array') && !('maxItems' in node)) copy.maxItems = FORM_LIMITS.defaultMaxItems;
  if (hasType(node, 'string') && !('maxLength' in node) && !bounded) copy.maxLength = FORM_LIMITS.defaultMaxLength;
  return copy as T;
}

/** Whether `data` holds more than FORM_LIMITS.dataValues values; stops counting at the bound. */
export function exceedsDataValues(data: unknown): boolean {
  let left = FORM_LIMITS.dataValues;
  const stack: unknown[] = [data];
  while (stack.length) {
    const node = stack.pop();
    if (--left < 0) return true;
    if (Array.isArray(node)) for (const x of node) stack.push(x);
    else if (isObject(node)) for (const key in node) if (Object.hasOwn(node, key)) stack.push(node[key]);
  }
  return false;
}

/** The one error of data past FORM_LIMITS.dataValues. */
export function tooLargeError(): FormError {
  const limit = FORM_LIMITS.dataValues;
  const messages = {
    kk: `Өтініш деректері тым үлкен: ${limit} мәннен аспауы керек`,
    ru: `Данные заявления слишком велики: не более ${limit} значений`,
    en: `the application data are too large: at most ${limit} values`,
  };
  return { code: 'form.tooLarge', kind: 'user', pointer: '', message: messages.en, messages, params: { limit } };
}
