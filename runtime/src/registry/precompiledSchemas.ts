import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FORM_CODE_OPTIONS, usePrecompiledForms, usePrecompiledValidators } from '@qyzmet/engine';

/**
 * ajv's validators generated once at build (`npm install`, `npm run build`: runtime/scripts/precompile-schemas.js)
 * instead of compiled by every process at every start: the engine's own schemas (the definition meta-schema, the
 * shared acts', the scenarios': ~0.15 s) and the forms of the definitions shipped (~0.2 s). The same folder from src/
 * and dist/: the runtime's dist/precompiled. Writing them is writePrecompiled.ts's job.
 */
export const PRECOMPILED_DIR = resolve(__dirname, '../../dist/precompiled');

export const engineSchemasFile = (dir: string) => join(dir, 'engineSchemas.js');

export const formsDir = (dir: string) => join(dir, 'forms');

/** A form's generated module, named by the form's compiled JSON text under the options it was generated with. */
export const formFile = (dir: string, compiledText: string) =>
  join(
    formsDir(dir),
    `${createHash('sha256').update(FORM_CODE_OPTIONS).update('\n').update(compiledText).digest('hex').slice(0, 40)}.js`,
  );

let loaded = false;

/**
 * Hands the generated validators to the engine, once per process. Without the folder (tsc alone, no build step), or
 * for a schema or form they were not generated from (the engine checks each by its JSON), it compiles with ajv as
 * before.
 */
export function usePrecompiledSchemas(dir = PRECOMPILED_DIR): void {
  if (loaded) return;
  loaded = true;
  const engineSchemas = load<{ sources: Record<string, string> } & Record<string, unknown>>(engineSchemasFile(dir));
  if (engineSchemas) usePrecompiledValidators({ sources: engineSchemas.sources, validators: engineSchemas });
  if (existsSync(formsDir(dir))) usePrecompiledForms((compiledText) => load(formFile(dir, compiledText)));
}

/**
 * A generated module, or undefined when there is none or it cannot be loaded (a dependency it requires installed
 * elsewhere than at build): the engine then compiles, as without the build step.
 */
function load<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module generated at build, found at run time
    return require(file) as T;
  } catch {
    return undefined;
  }
}
