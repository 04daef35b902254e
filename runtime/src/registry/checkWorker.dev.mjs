// The draft-check worker's entry when the runtime runs from its TypeScript sources (jest, through @swc/jest): the
// worker thread has no jest transform, so it compiles the sources with swc itself, and takes @qyzmet/engine from
// engine/src as jest's moduleNameMapper does. Production starts dist/registry/checkWorker.js and never reads this file.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const here = dirname(fileURLToPath(import.meta.url));
const engine = join(here, '..', '..', '..', 'engine', 'src', 'index.ts');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === '@qyzmet/engine' ? engine : request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
createRequire(import.meta.url)('./checkWorker.ts');
