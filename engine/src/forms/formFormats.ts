import type Ajv from 'ajv/dist/core';
import type { Format } from 'ajv/dist/types';
import { fullFormats } from 'ajv-formats/dist/formats';
import { isCadastralNumber } from './cadastralNumber';
import { isValidBin, isValidIin, isValidIinOrBin } from './identificationNumber';
import { isKzPhone } from './kzPhone';

/**
 * The formats a form may use, each with its own message in kk / ru / en that shows a valid example (a bare
 * "must match format iin" tells an applicant nothing). The message is what follows the field's label:
 * «ЖСН»: 12 цифрдан тұратын дұрыс ЖСН болуы керек …
 */
export const formFormatMessages: Record<string, { kk: string; ru: string; en: string }> = {
  date: {
    kk: 'күн ЖЖЖЖ-АА-КК түрінде жазылуы керек, мысалы 2024-03-01',
    ru: 'должно быть датой в виде ГГГГ-ММ-ДД, например 2024-03-01',
    en: 'must be a date written YYYY-MM-DD, e.g. 2024-03-01',
  },
  'date-time': {
    kk: 'күні мен уақыты ISO 8601 түрінде уақыт белдеуімен жазылуы керек, мысалы 2024-03-01T09:00:00+05:00',
    ru: 'должно быть датой и временем по ISO 8601 с часовым поясом, например 2024-03-01T09:00:00+05:00',
    en: 'must be a date and time in ISO 8601 with a time zone, e.g. 2024-03-01T09:00:00+05:00',
  },
  email: {
    kk: 'дұрыс электрондық пошта мекенжайы болуы керек, мысалы aliya@example.kz',
    ru: 'должно быть адресом электронной почты, например aliya@example.kz',
    en: 'must be an e-mail address, e.g. aliya@example.kz',
  },
  uri: {
    kk: 'толық интернет мекенжайы (URI) болуы керек, мысалы https://egov.kz',
    ru: 'должно быть полным адресом (URI), например https://egov.kz',
    en: 'must be a full address (URI), e.g. https://egov.kz',
  },
  iin: {
    kk: '12 цифрдан тұратын дұрыс ЖСН болуы керек (туған күні мен бақылау разряды тексеріледі), мысалы 900101300017',
    ru: 'должно быть действительным ИИН из 12 цифр (проверяются дата рождения и контрольный разряд), например 900101300017',
    en: 'must be a valid IIN of 12 digits (date of birth and check digit are verified), e.g. 900101300017',
  },
  bin: {
    kk: '12 цифрдан тұратын дұрыс БСН болуы керек (тіркелген айы, ұйым түрі және бақылау разряды тексеріледі), мысалы 040340000017',
    ru: 'должно быть действительным БИН из 12 цифр (проверяются месяц регистрации, вид лица и контрольный разряд), например 040340000017',
    en: 'must be a valid BIN of 12 digits (month of registration, entity type and check digit are verified), e.g. 040340000017',
  },
  'iin-or-bin': {
    kk: '12 цифрдан тұратын дұрыс ЖСН немесе БСН болуы керек, мысалы 900101300017 немесе 040340000017',
    ru: 'должно быть действительным ИИН или БИН из 12 цифр, например 900101300017 или 040340000017',
    en: 'must be a valid IIN or BIN of 12 digits, e.g. 900101300017 or 040340000017',
  },
  'kz-phone': {
    kk: '+7XXXXXXXXXX түріндегі Қазақстан телефон нөмірі болуы керек (бос орынсыз және сызықшасыз), мысалы +77011234567',
    ru: 'должно быть номером телефона Казахстана в виде +7XXXXXXXXXX (без пробелов и дефисов), например +77011234567',
    en: 'must be a Kazakhstan phone number written +7XXXXXXXXXX (no spaces or dashes), e.g. +77011234567',
  },
  'cadastral-number': {
    kk: 'NN-NNN-NNN-NNN түріндегі кадастрлық нөмір болуы керек, мысалы 20-321-001-123 немесе 20-321-001-123:45',
    ru: 'должно быть кадастровым номером вида NN-NNN-NNN-NNN, например 20-321-001-123 или 20-321-001-123:45',
    en: 'must be a cadastral number written NN-NNN-NNN-NNN, e.g. 20-321-001-123 or 20-321-001-123:45',
  },
};

/**
 * Every format a form may use, as ajv takes them: the standard ones of ajv-formats (full mode) and ours. One object,
 * so that validators generated ahead of time (precompiledForms.ts) reach the same definitions by one require.
 */
export const formFormatDefinitions: Record<string, Format> = {
  date: fullFormats.date,
  'date-time': fullFormats['date-time'],
  email: fullFormats.email,
  uri: fullFormats.uri,
  iin: { type: 'string', validate: isValidIin },
  bin: { type: 'string', validate: isValidBin },
  'iin-or-bin': { type: 'string', validate: isValidIinOrBin },
  'kz-phone': { type: 'string', validate: isKzPhone },
  'cadastral-number': { type: 'string', validate: isCadastralNumber },
};

/** Registers the form formats on an ajv instance. */
export function addFormFormats(ajv: Ajv): void {
  for (const [name, format] of Object.entries(formFormatDefinitions)) ajv.addFormat(name, format);
}
