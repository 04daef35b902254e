import { dereference, format, validate, type Schema } from '@cfworker/json-schema';
import {
  ROOT_SCHEMA_PREFIX,
  toErrorSchema,
  withIdRefPrefix,
  type RJSFSchema,
  type RJSFValidationError,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
// The engine's own format checks, imported from their modules rather than from '@qyzmet/engine': the index would pull
// the whole engine (rules, step machine, Handlebars) into the chunk an applicant's phone downloads.
import { isCadastralNumber } from '../../../engine/src/forms/cadastralNumber';
import { isValidBin, isValidIin } from '../../../engine/src/forms/identificationNumber';
import { isKzPhone } from '../../../engine/src/forms/kzPhone';

// The definition format's own formats, beside the standard ones the library knows (its table is shared by design).
Object.assign(format, {
  iin: isValidIin,
  bin: isValidBin,
  'iin-or-bin': (s: string) => isValidIin(s) || isValidBin(s),
  'kz-phone': isKzPhone,
  'cadastral-number': isCadastralNumber,
});

type Lookup = ReturnType<typeof dereference>;
// The root's subschemas by URI, once per root: a branch's `#/…` refs are rewritten to the root's id (as rjsf's ajv
// validator does), so they resolve here. dereference annotates the schemas it walks, hence the copy.
const roots = new WeakMap<object, Lookup>();
function rootLookup(root: RJSFSchema): Lookup {
  let lookup = roots.get(root);
  if (!lookup) roots.set(root, (lookup = dereference({ ...structuredClone(root), $id: ROOT_SCHEMA_PREFIX } as Schema)));
  return lookup;
}

function check(schema: RJSFSchema, data: unknown, root: RJSFSchema, shortCircuit: boolean) {
  const branch = withIdRefPrefix(schema) as Schema;
  return validate(data, branch, '2020-12', dereference(branch, { ...rootLookup(root) }), shortCircuit);
}

/**
 * rjsf's validator: rjsf resolves if/then with it (which fields a choice shows) and matches oneOf options. An
 * interpreting validator (@cfworker/json-schema, ~6 kB brotli) rather than ajv, whose code generator is ~30 kB of
 * what an applicant's phone downloads: the form's schemas are small and checked a few times per change. Whether the
 * data are valid is the server's to say (the same engine, with ajv), so ServiceForm never asks for the errors;
 * validateFormData still answers them, located, for any caller that does.
 */
export const formValidator: ValidatorType = {
  isValid: (schema, formData, rootSchema) => {
    try {
      return check(schema, formData, rootSchema, true).valid;
    } catch {
      return false; // an unresolvable $ref: the branch is not taken, as with rjsf's own validator
    }
  },
  rawValidation: <Result>(schema: RJSFSchema, formData?: unknown) => {
    try {
      return { errors: check(schema, formData, schema, false).errors as Result[] };
    } catch (validationError) {
      return { validationError: validationError as Error };
    }
  },
  validateFormData: (formData, schema): ValidationData<unknown> => {
    const errors: RJSFValidationError[] = check(schema, formData, schema, false)
      // The library reports every enclosing keyword too (properties, allOf, $ref): the leaves are the errors.
      .errors.filter((e) => !['properties', 'allOf', '$ref', 'if', 'then', 'else', 'items'].includes(e.keyword))
      .map((e) => {
        const property = e.instanceLocation
          .slice(1)
          .split('/')
          .slice(1)
          .map((s) => `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`)
          .join('');
        return {
          name: e.keyword,
          property,
          message: e.error,
          stack: `${property} ${e.error}`.trim(),
          schemaPath: e.keywordLocation,
        };
      });
    return { errors, errorSchema: toErrorSchema(errors) };
  },
};
