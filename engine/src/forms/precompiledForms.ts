import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { formAjv } from './createFormCompiler';
import { withDefaultLimits } from './formLimits';
import { linearRegExp } from './linearRegExp';

/**
 * ajv's generated code for one form, as a CommonJS module, and the JSON text of the schema it was generated from (as
 * compiled: within the default limits). A runtime writes it at build and finds it again by that text
 * (usePrecompiledForms). The code reaches the formats and the linear-time patterns through the engine's own modules.
 * @example precompiledFormCode({ type: 'object', properties: { iin: { type: 'string', format: 'iin' } } }).code
 */
export function precompiledFormCode(schema: object): { text: string; code: string } {
  const engine = '@qyzmet/engine/dist/forms';
  const ajv = formAjv({
    source: true,
    formats: _`require(${`${engine}/formFormats`}).formFormatDefinitions`,
    regExp: Object.assign((source: string, flags: string) => linearRegExp(source, flags), {
      code: `require(${JSON.stringify(`${engine}/linearRegExp`)}).linearRegExp`,
    }),
  });
  const compiled = withDefaultLimits(schema);
  const validate = ajv.compile(compiled);
  return { text: JSON.stringify(compiled), code: standaloneCode(ajv, validate) };
}
