import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachLegalRef, inheritSeeds, type Act } from '@qyzmet/engine';
import { confinedPath } from './confinedPath';

/**
 * The acts' texts (definitions/seeds/<file>), which a legalRef's `seed` names by bare file name. The one place the
 * runtime reads them: the compiler's quote check (CompileEnv.readSeed), the browser's copy of a service's files and
 * the clause inventory of an act all come through here. Only plain file names inside that folder are read, so a
 * `seed` written in a definition or a draft cannot reach any other file.
 */

export const SEEDS_FOLDER = 'seeds';

/** A bare file name: no folder separators, no "..", nothing hidden. */
export function isSeedFileName(file: string): boolean {
  return /^[^/\\\0]+$/.test(file) && !file.includes('..') && !file.startsWith('.');
}

/**
 * @example
 *   const readSeed = seedReader('/app/definitions');
 *   readSeed('003_fecf8ad1b999089f.txt')?.split('\n')[387] // the text of line 388
 *   readSeed('../service.json') // undefined
 */
export function seedReader(definitionsRoot: string): (file: string) => string | undefined {
  const folder = join(definitionsRoot, SEEDS_FOLDER);
  // Each service's compile, each draft check and the files of each workbench ask again: the acts' texts do not change
  // while the definitions are loaded, so each file is read from disk once per reader (one per repository load).
  const read = new Map<string, string | undefined>();
  return (file) => {
    if (!isSeedFileName(file)) return undefined;
    if (!read.has(file)) {
      let text: string | undefined;
      try {
        // A symlink among the seeds leads nowhere outside them.
        text = readFileSync(confinedPath(join(folder, file), [folder]), 'utf8');
      } catch {
        text = undefined;
      }
      read.set(file, text);
    }
    return read.get(file);
  };
}

/** The seed files a definition (or a scenario) cites, its own `seed`s and those its acts give, sorted. */
export function citedSeeds(value: unknown, acts: Record<string, Act>): string[] {
  const seeds = new Set<string>();
  forEachLegalRef(inheritSeeds(value, acts), '', (ref) => {
    if (ref && typeof ref.seed === 'string' && isSeedFileName(ref.seed)) seeds.add(ref.seed);
  });
  return [...seeds].sort();
}
