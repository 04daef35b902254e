import { readFileSync } from 'node:fs';
import { createSchemaUtils, type RJSFSchema, type ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { formValidator } from '../../admin-ui/src/forms/formValidator';
import { toRjsfSchema } from '../../admin-ui/src/forms/toRjsfSchema';
import { isCadastralNumber } from '../../engine/src/forms/cadastralNumber';
import { isValidBin, isValidIin } from '../../engine/src/forms/identificationNumber';
import { isKzPhone } from '../../engine/src/forms/kzPhone';

/**
 * Run by formValidator.test.ts through Vite's module loader (rjsf is ES modules only, which jest cannot load): the
 * applicant form's validator against rjsf's ajv validator with the same formats, on the definitions' own forms.
 */
const ajv = customizeValidator({
  customFormats: {
    iin: isValidIin,
    bin: isValidBin,
    'iin-or-bin': (s: string) => isValidIin(s) || isValidBin(s),
    'kz-phone': isKzPhone,
    'cadastral-number': isCadastralNumber,
  },
});
const behaviour = { constAsDefaults: 'never' } as const;
/** What a form shows for some data: the data with their defaults and the schema with the branches they take. */
function shown(validator: ValidatorType, schema: RJSFSchema, data: unknown) {
  const utils = createSchemaUtils(validator, schema, behaviour);
  const formData = utils.getDefaultFormState(schema, data as Record<string, unknown>);
  return JSON.stringify({ formData, schema: utils.retrieveSchema(schema, formData) });
}

/** A service's forms (assembled, as the runtime serves them) and its scenarios' data. */
export interface ServiceForms {
  service: string;
  forms: unknown[];
  data: unknown[];
}

/** Each form in each language against each scenario's data of its service (and no data). */
function parity(services: ServiceForms[]) {
  const differing: string[] = [];
  let conditional = 0;
  let compared = 0;
  for (const { service, forms, data } of services) {
    for (const form of forms) {
      if (JSON.stringify(form).includes('"if"')) conditional++;
      for (const lang of ['kk', 'ru', 'en']) {
        const schema = toRjsfSchema(form, lang) as RJSFSchema;
        [{}, ...data].forEach((d, i) => {
          compared++;
          if (shown(formValidator, schema, d) !== shown(ajv, schema, d)) differing.push(`${service} ${lang} #${i}`);
        });
      }
    }
  }
  return { conditional, compared, differing };
}

const schema: RJSFSchema = {
  type: 'object',
  $defs: { kind: { enum: ['individual', 'legal-entity'] } },
  properties: { kind: { $ref: '#/$defs/kind' }, id: { type: 'string' } },
  allOf: [
    {
      if: { properties: { kind: { const: 'legal-entity' } }, required: ['kind'] },
      then: { properties: { companyName: { type: 'string' } }, required: ['companyName'] },
    },
    {
      if: { properties: { id: { format: 'bin' } }, required: ['id'] },
      then: { properties: { director: { type: 'string' } } },
    },
  ],
};
const fields = (data: Record<string, unknown>) =>
  Object.keys(createSchemaUtils(formValidator, schema, behaviour).retrieveSchema(schema, data).properties ?? {});

/** The results of the cases; `servicesFile`: a JSON list of ServiceForms. */
export function run(servicesFile: string) {
  const bin = '040340000017';
  const invalid = formValidator.validateFormData({ kind: 'other', id: 5 }, schema);
  return {
    parity: parity(JSON.parse(readFileSync(servicesFile, 'utf8')) as ServiceForms[]),
    isBin: isValidBin(bin),
    fields: {
      none: fields({}),
      legalEntity: fields({ kind: 'legal-entity' }),
      individual: fields({ kind: 'individual' }),
      iin: fields({ id: '000229500018' }),
      bin: fields({ id: bin }),
    },
    ref: [
      formValidator.isValid({ $ref: '#/$defs/kind' }, 'other', schema),
      formValidator.isValid({ $ref: '#/$defs/kind' }, 'individual', schema),
    ],
    errors: invalid.errors.map((e) => [e.property, e.name]).sort(),
    kindErrors: invalid.errorSchema.kind?.__errors?.length,
    validErrors: formValidator.validateFormData({ kind: 'individual', id: 'x' }, schema).errors,
  };
}
