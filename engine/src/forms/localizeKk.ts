import type { ErrorObject } from 'ajv';

/**
 * Kazakh messages for ajv errors (ajv-i18n has no Kazakh). Numbers are never followed by a case suffix (the suffix
 * would depend on how the number is pronounced); the suffix goes on the noun after it: "кемінде 3 таңбадан".
 * `required`, `dependentRequired`, `additionalProperties` and `format` are worded for the pointer of the field itself,
 * because the forms module moves those errors onto the missing / extra property.
 */

const TYPE_NAMES_KK: Record<string, string> = {
  string: 'мәтін',
  number: 'сан',
  integer: 'бүтін сан',
  boolean: 'логикалық мән (true немесе false)',
  object: 'объект',
  array: 'тізім',
  null: 'бос мән (null)',
};

function show(value: unknown): string {
  return `«${typeof value === 'string' ? value : JSON.stringify(value)}»`;
}

/**
 * The Kazakh message of one ajv error, without the field name.
 * `names` gives the label of a sibling field in Kazakh (used by `dependentRequired` to name the field that triggers
 *   it).
 * @example
 * kazakhMessage({ keyword: 'minLength', params: { limit: 3 }, instancePath: '', schemaPath: '#/minLength' })
 * // 'кемінде 3 таңбадан тұруы керек'
 */
export function kazakhMessage(error: ErrorObject, names: { property?: string } = {}): string {
  // ajv's params differ per keyword; each case below reads the ones its keyword has.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required':
      return 'міндетті өріс толтырылмаған';
    case 'dependentRequired':
    case 'dependencies':
      return `${names.property ?? show(p.property)} толтырылған кезде бұл өріс те толтырылуы керек`;
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES_KK[t] ?? t);
      return `${types.join(' немесе ')} болуы керек`;
    }
    case 'enum':
      return `рұқсат етілген мәндердің бірі болуы керек: ${(p.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      if (p.allowedValue === true) return 'белгілеу керек: онсыз өтініш берілмейді';
      return `${show(p.allowedValue)} мәніне тең болуы керек`;
    case 'pattern':
      return `${show(p.pattern)} үлгісіне сәйкес келуі керек`;
    case 'format':
      return `${show(p.format)} форматына сәйкес келуі керек`;
    case 'minLength':
      return `кемінде ${p.limit} таңбадан тұруы керек`;
    case 'maxLength':
      return `${p.limit} таңбадан аспауы керек`;
    case 'minimum':
      return `${p.limit} мәнінен кем болмауы керек`;
    case 'maximum':
      return `${p.limit} мәнінен аспауы керек`;
    case 'exclusiveMinimum':
      return `${p.limit} мәнінен үлкен болуы керек`;
    case 'exclusiveMaximum':
      return `${p.limit} мәнінен кіші болуы керек`;
    case 'multipleOf':
      return `${p.multipleOf} санына еселі болуы керек`;
    case 'minItems':
      return `кемінде ${p.limit} элементтен тұруы керек`;
    case 'maxItems':
      return `${p.limit} элементтен аспауы керек`;
    case 'uniqueItems':
      return `қайталанатын элементтер болмауы керек (${p.j} және ${p.i} элементтері бірдей)`;
    case 'minProperties':
      return `кемінде ${p.limit} өрістен тұруы керек`;
    case 'maxProperties':
      return `${p.limit} өрістен аспауы керек`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'бұл өріс формада көзделмеген';
    case 'if':
      return `шартқа байланысты талапқа («${p.failingKeyword}») сәйкес келуі керек`;
    case 'anyOf':
      return 'берілген нұсқалардың кем дегенде біреуіне сәйкес келуі керек';
    case 'oneOf':
      return 'берілген нұсқалардың дәл біреуіне сәйкес келуі керек';
    case 'not':
      return '«not» сұлбасына сәйкес келмеуі керек';
    case 'contains':
      return 'талапқа сай кемінде бір элементті қамтуы керек';
    case 'propertyNames':
      return 'өріс атауы жарамсыз';
    case 'false schema':
      return 'бұл мәнге рұқсат етілмейді';
    default:
      return `${show(error.keyword)} ережесіне сәйкес келуі керек`;
  }
}
