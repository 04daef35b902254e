import { customizeValidator } from '@rjsf/validator-ajv8';
// The engine's own format checks, imported from their modules rather than from '@qyzmet/engine': the index would pull
// the whole engine (rules, step machine, Handlebars) into the chunk an applicant's phone downloads.
import { isCadastralNumber } from '../../../engine/src/forms/cadastralNumber';
import { isValidBin, isValidIin } from '../../../engine/src/forms/identificationNumber';
import { isKzPhone } from '../../../engine/src/forms/kzPhone';

/**
 * rjsf's validator with the formats of the definition format, checked by the engine's own functions: rjsf resolves
 * if/then with it (which fields a choice shows). Whether the data are valid is the server's to say (the same engine).
 */
export const formValidator = customizeValidator({
  customFormats: {
    iin: isValidIin,
    bin: isValidBin,
    'iin-or-bin': (s: string) => isValidIin(s) || isValidBin(s),
    'kz-phone': isKzPhone,
    'cadastral-number': isCadastralNumber,
  },
});
