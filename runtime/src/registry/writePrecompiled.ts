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
import { engineSchemasFile, formFile, formsDir, PRECOMPILED_DIR } from './precompiledSchemas';

/** Through a temporary file, so that a reader never sees half of one. */
function writeWhole(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/**
 * The build step (runtime/scripts/precompile-schemas.js): the engine's schemas' validators, and one module for each
 * distinct form (a version's, an officer's event data) of the definitions in `definitionsRoot` that compile. The forms
 * folder is written afresh, so no module is left for a form that is gone. Returns how many forms were written, and
 * those that could not be (compiled at start instead).
 */
export function writePrecompiled(
  dir = PRECOMPILED_DIR,
  definitionsRoot = findDefinitionsRoot(),
): { forms: number; skipped: string[] } {
  writeWhole(engineSchemasFile(dir), precompiledValidatorsCode([serviceSchema, sharedActsSchema, scenarioSchema]));
  rmSync(formsDir(dir), { recursive: true, force: true });
  const written = new Set<string>();
  const skipped: string[] = [];
  for (const service of loadRepository(definitionsRoot).services.values())
    for (const version of service.def.versions)
      for (const schema of [version.form, ...Object.values(version.machine.events ?? {}).map((e) => e.data)]) {
        if (!schema) continue;
        let generated: { text: string; code: string };
        try {
          generated = precompiledFormCode(schema);
        } catch (e) {
          // That form is compiled at start, as without the build step; the build goes on.
          skipped.push(`${service.id} ${version.id}: ${(e as Error).message}`);
          continue;
        }
        if (written.has(generated.text)) continue;
        written.add(generated.text);
        writeWhole(formFile(dir, generated.text), generated.code);
      }
  return { forms: written.size, skipped };
}
