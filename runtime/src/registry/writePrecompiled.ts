import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  precompiledFormCode,
  precompiledValidatorsCode,
  scenarioSchema,
  serviceSchema,
  sharedActsSchema,
} from '@qyzmet/engine';
import { findDefinitionsRoot, loadRepository } from './loadRepository';
import { engineSchemasFile, formFile, PRECOMPILED_DIR } from './precompiledSchemas';

/** Through a temporary file, so that a reader never sees half of one. */
function writeWhole(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/**
 * The build step (runtime/scripts/precompile-schemas.js): the engine's schemas' validators, and one module for each
 * distinct form (a version's, an officer's event data) of the definitions in `definitionsRoot` that compile. The forms
 * folder is written afresh, so no module is left for a form that is gone. Returns how many forms were written.
 */
export function writePrecompiled(dir = PRECOMPILED_DIR, definitionsRoot = findDefinitionsRoot()): number {
  writeWhole(engineSchemasFile(dir), precompiledValidatorsCode([serviceSchema, sharedActsSchema, scenarioSchema]));
  rmSync(dirname(formFile(dir, '')), { recursive: true, force: true });
  const written = new Set<string>();
  for (const service of loadRepository(definitionsRoot).services.values())
    for (const version of service.def.versions)
      for (const schema of [version.form, ...Object.values(version.machine.events ?? {}).map((e) => e.data)]) {
        if (!schema) continue;
        const { text, code } = precompiledFormCode(schema);
        if (written.has(text)) continue;
        written.add(text);
        writeWhole(formFile(dir, text), code);
      }
  return written.size;
}
