import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Shared by the definition tests: a throw-away copy of the example service (plus definitions/shared,
 * definitions/calendars and definitions/seeds) that a test may break on purpose, and a runner of the real `qyzmet`
 * CLI inside it.
 */

export const REPO = resolve(__dirname, '..', '..');
export const EXAMPLE_ID = 'cadastral-passport-duplicate';
export const CLI = join(REPO, 'runtime', 'bin', 'qyzmet.js');

export interface ExampleCopy {
  /** The temp dir; the CLI runs with it as cwd, so printed paths start with "definitions/". */
  dir: string;
  /** <dir>/definitions */
  definitions: string;
  /** Path of a file given relative to <dir>/definitions. */
  path(rel: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  remove(): void;
}

export function copyExample(): ExampleCopy {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-def-'));
  const definitions = join(dir, 'definitions');
  const src = join(REPO, 'definitions');
  cpSync(join(src, 'services', EXAMPLE_ID), join(definitions, 'services', EXAMPLE_ID), { recursive: true });
  cpSync(join(src, 'shared'), join(definitions, 'shared'), { recursive: true });
  cpSync(join(src, 'calendars'), join(definitions, 'calendars'), { recursive: true });
  // The acts' texts, so a copy's quotes are checked as the repository's are.
  cpSync(join(src, 'seeds'), join(definitions, 'seeds'), { recursive: true });
  const path = (rel: string) => join(definitions, rel);
  return {
    dir,
    definitions,
    path,
    read: (rel) => readFileSync(path(rel), 'utf8'),
    write: (rel, text) => writeFileSync(path(rel), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliProblem {
  code: string;
  message: string;
  file?: string;
  pointer?: string;
  line?: number;
  column?: number;
  severity?: string;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `qyzmet validate <copy>/definitions [--json]` with the copy as working directory. */
export function runValidate(copy: ExampleCopy, json: boolean): CliRun {
  const args = [CLI, 'validate', copy.definitions, ...(json ? ['--json'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: copy.dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI runs the compiled JavaScript: without `npx tsc -b` every test here would test stale code or nothing. */
export function assertBuilt(): void {
  const main = join(REPO, 'runtime', 'dist', 'cli', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run "cd ${REPO} && npx tsc -b" before these tests`);
}

/** 1-based line:column (UTF-16 columns, like the CLI) of the first match of `pattern` (flag m) in `text`. */
export function positionOf(text: string, pattern: string): { line: number; column: number } {
  const m = new RegExp(pattern, 'm').exec(text);
  if (!m) throw new Error(`the pattern /${pattern}/ does not occur in the file: the case no longer fits the example`);
  const before = text.slice(0, m.index);
  return { line: before.split('\n').length, column: m.index - (before.lastIndexOf('\n') + 1) + 1 };
}
