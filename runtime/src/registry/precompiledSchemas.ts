import { existsSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  precompiledValidatorsCode,
  scenarioSchema,
  serviceSchema,
  sharedActsSchema,
  usePrecompiledValidators,
} from '@qyzmet/engine';

/**
 * ajv's validators for the engine's own schemas (the definition meta-schema, the shared acts', the scenarios'),
 * generated once at build (`npm install`, `npm run build`: runtime/scripts/precompile-schemas.js) instead of compiled
 * by every process at every start (~0.15 s of a cold start). The same path from src/ and dist/, in the runtime's dist.
 */
export const PRECOMPILED_SCHEMAS_FILE = resolve(__dirname, '../../dist/precompiled/engineSchemas.js');

/** Writes the generated module (through a temporary file, so a reader never sees half of it). */
export function writePrecompiledSchemas(file = PRECOMPILED_SCHEMAS_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, precompiledValidatorsCode([serviceSchema, sharedActsSchema, scenarioSchema]));
  renameSync(`${file}.tmp`, file);
}

let loaded = false;

/**
 * Hands the generated validators to the engine, once per process. Without the file (tsc alone, no build step), or
 * generated from other schemas (the engine checks each against its JSON), the engine compiles with ajv as before.
 */
export function usePrecompiledSchemas(file = PRECOMPILED_SCHEMAS_FILE): void {
  if (loaded) return;
  loaded = true;
  if (!existsSync(file)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module generated at build, found at run time
  const generated = require(file) as { sources: Record<string, string> } & Record<string, unknown>;
  usePrecompiledValidators({ sources: generated.sources, validators: generated });
}
