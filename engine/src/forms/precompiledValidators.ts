import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { ENGINE_SCHEMA_AJV_OPTIONS } from './schemaValidator';

/**
 * The source of a CommonJS module holding ajv's validators for the engine's own schemas, generated with the options
 * createSchemaValidator compiles them with: `exports[$id]` is each schema's validator, `exports.sources[$id]` the JSON
 * text it was generated from. A runtime writes it at build and passes it to usePrecompiledValidators at start, so
 * the definition meta-schema is not compiled again by every process (ajv's "standalone validation code").
 * @example precompiledValidatorsCode([serviceSchema, sharedActsSchema, scenarioSchema]) // '"use strict";exports[…'
 */
export function precompiledValidatorsCode(schemas: object[]): string {
  const ajv = new Ajv2020({ ...ENGINE_SCHEMA_AJV_OPTIONS, code: { ...ENGINE_SCHEMA_AJV_OPTIONS.code, source: true } });
  const ids = schemas.map((schema) => {
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id !== 'string') throw new Error('precompiledValidatorsCode: every schema needs an $id');
    ajv.addSchema(schema);
    return id;
  });
  const code = standaloneCode(ajv, Object.fromEntries(ids.map((id) => [id, id])));
  const sources = Object.fromEntries(schemas.map((schema, i) => [ids[i], JSON.stringify(schema)]));
  return `${code}\nexports.sources = ${JSON.stringify(sources)};\n`;
}
