import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The dependency rule of DESIGN.md: "definitions (data) ← engine ← runtime; the engine never imports the runtime,
 * node:fs, express or react". The engine runs in the browser too, so a single Node import breaks the admin UI.
 * Imports are read with TypeScript's own pre-processor (static, type-only, re-exports, import(), require()), not a
 * regular expression, so template strings and comments cannot fool it.
 */

const REPO = resolve(__dirname, '..', '..');
const ENGINE = join(REPO, 'engine');

const FORBIDDEN_PACKAGES = ['express', 'react', 'react-dom', 'mongodb', 'better-sqlite3', '@qyzmet/runtime', '@qyzmet/admin-ui'];
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.replace(/^node:/, '')]));

/** Why an import written in `file` breaks the rule, or undefined when it is allowed. */
function forbiddenImport(file: string, specifier: string, engineRoot = ENGINE): string | undefined {
  if (specifier.startsWith('node:')) return 'a Node built-in (the engine runs in the browser)';
  const bare = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  if (NODE_BUILTINS.has(bare)) return 'a Node built-in (the engine runs in the browser)';
  if (FORBIDDEN_PACKAGES.includes(bare)) return `the package ${bare} (the engine depends on no server, store or UI code)`;
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    if (target !== engineRoot && !target.startsWith(engineRoot + sep)) return `a path outside engine/ (${relative(REPO, target)})`;
  }
  return undefined;
}

function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('the checker itself catches what it must (so a green run means something)', () => {
  const file = join(ENGINE, 'src', 'compiler', 'x.ts');
  test.each([
    ["import { readFileSync } from 'node:fs';", true],
    ["import * as fs from 'fs';", true],
    ["import { join } from 'path';", true],
    ["import { promises } from 'fs/promises';", true],
    ["const fs = require('fs');", true],
    ["export { x } from 'express';", true],
    ["const m = await import('react');", true],
    ["import type { Repository } from '@qyzmet/runtime';", true],
    ["import { App } from '@qyzmet/admin-ui/src/App';", true],
    ["import { loadRepository } from '../../../runtime/src/registry/loadRepository';", true],
    ["import x from '../../../definitions/shared/acts.json';", true],
    ["import { parseJsonSource } from '../format/parseJsonSource';", false],
    ["import schema from '../format/service.schema.json';", false],
    ["import Ajv2020 from 'ajv/dist/2020';", false],
    ["const s = `${'fs'}`; // import fs from 'fs' in a comment", false],
  ])('%s → forbidden: %s', (text, forbidden) => {
    const found = importsOf(text).filter((s) => forbiddenImport(file, s));
    expect(found.length > 0).toBe(forbidden);
  });
});

describe('engine/src imports nothing outside the engine', () => {
  const files = sourceFiles(join(ENGINE, 'src'));

  test('there are engine sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test('no non-test .ts file under engine/src imports node:*, fs, path, express, react, the runtime, the admin UI or a path leaving engine/', () => {
    const violations = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8')).flatMap((s) => {
        const why = forbiddenImport(f, s);
        return why ? [`${relative(REPO, f)} imports "${s}": ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });
});

describe('engine/package.json: the architecture as dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(ENGINE, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });

  test.each(['express', 'react', 'mongodb', 'better-sqlite3'])('does not depend on %s', (name) => {
    expect(declared).not.toContain(name);
  });

  test('does not depend on the runtime or the admin UI', () => {
    expect(declared.filter((d) => d.startsWith('@qyzmet/'))).toEqual([]);
  });
});

/**
 * The runtime's domain code (applications, registry, store) throws problems with a kind and knows nothing of HTTP;
 * only runtime/src/http chooses statuses (issue 12). An import back into http/ would bring that cycle back.
 */
const RUNTIME_SRC = join(REPO, 'runtime', 'src');
const HTTP = join(RUNTIME_SRC, 'http');
const DOMAIN_DIRS = ['applications', 'registry', 'store'];

/** Why an import written in `file` reaches the HTTP layer, or undefined when it does not. */
function httpImport(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(file), specifier);
  if (target === HTTP || target.startsWith(HTTP + sep)) return `the HTTP layer (${relative(REPO, target)})`;
  return undefined;
}

describe('runtime domain code does not import runtime/src/http', () => {
  test.each([
    ['applications/x.ts', "import { HttpProblem } from '../http/problem';", true],
    ['registry/x.ts', "import type { ProblemBody } from '../http/problem';", true],
    ['store/sqlite/x.ts', "export { sendProblem } from '../../http/problem';", true],
    ['applications/x.ts', "const routes = await import('../http/routes/applications.routes');", true],
    ['store/x.ts', "import { createApp } from '../http';", true],
    ['applications/x.ts', "import { nowIso } from '../runtimeContext';", false],
    ['applications/x.ts', "import { maySee } from './access';", false],
    ['registry/x.ts', "import { domainError } from '@qyzmet/engine';", false],
  ])('%s: %s → forbidden: %s', (at, text, forbidden) => {
    const file = join(RUNTIME_SRC, at);
    expect(importsOf(text).some((s) => httpImport(file, s))).toBe(forbidden);
  });

  test.each(DOMAIN_DIRS)('no non-test .ts file under runtime/src/%s imports from runtime/src/http', (dir) => {
    const files = sourceFiles(join(RUNTIME_SRC, dir));
    expect(files.length).toBeGreaterThan(0);
    const violations = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8')).flatMap((s) => {
        const why = httpImport(f, s);
        return why ? [`${relative(REPO, f)} imports "${s}": ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });
});
