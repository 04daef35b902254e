// The forms module: the only place that imports ajv. Application data is validated against a service version's form.
export { createFormCompiler } from './createFormCompiler';
export type {
  CompiledForm,
  FieldInfo,
  FieldLegalRef,
  FieldSource,
  FormCompiler,
  FormError,
  FormLang,
  IdentityKind,
  LocalizedText,
} from './formTypes';
export { identificationCheckDigit, isValidBin, isValidIin, isValidIinOrBin } from './identificationNumber';
export { isKzPhone, normalizeKzPhone } from './kzPhone';
export { isCadastralNumber } from './cadastralNumber';
export { formFormatMessages } from './formFormats';
