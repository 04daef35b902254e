import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { findDefinitionsRoot, loadRepository } from '../registry/loadRepository';
import { loadScenarios } from '../registry/loadScenarios';
import { formatProblem, printJson } from './output';

/**
 * `qyzmet validate [path]`: every definition against the meta-schema and the cross-reference checks, and every
 * scenario file against the scenario schema. Exit 1 with each problem located by file, JSON pointer and line:column.
 * The path may be the definitions folder, a service folder or a service.json.
 */
export function validateCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('validate [path]')
    .description('check every definition (meta-schema, cross-references, scenarios); exit 1 listing each problem')
    .option('--json', 'print the result as JSON')
    .action((path: string | undefined, opts: { json?: boolean }) => {
      let root = findDefinitionsRoot(path);
      let only: string[] | undefined;
      if (path) {
        const full = resolve(path);
        if (!existsSync(full)) {
          setExit(1);
          process.stderr.write(
            `qyzmet: ${path} does not exist; give the definitions folder, a service folder or its service.json\n`,
          );
          return;
        }
        const dir = statSync(full).isDirectory() ? full : dirname(full);
        if (existsSync(join(dir, 'service.json'))) {
          only = [basename(dir)];
          root = resolve(dir, '..', '..');
        } else root = full;
      }
      const repo = loadRepository(root, only);
      const scenarioProblems = [...repo.services].flatMap(
        ([id, service]) =>
          loadScenarios(repo.serviceDir(id), { acts: service.acts, readSeed: repo.compileEnv.readSeed }).problems,
      );
      const problems = [...repo.problems, ...scenarioProblems];
      const errors = problems.filter((p) => p.severity !== 'warning');
      const checked = only ?? [...repo.services.keys(), ...repo.broken];
      if (opts.json) printJson({ ok: errors.length === 0, services: checked.sort(), problems });
      else {
        for (const p of problems) process.stdout.write(formatProblem(p) + '\n');
        process.stdout.write(
          errors.length === 0
            ? `${checked.length} service definition(s) valid${problems.length ? ` (${problems.length} warning(s))` : ''}\n`
            : `${errors.length} problem(s) in ${new Set(errors.map((e) => e.file)).size} file(s)\n`,
        );
      }
      setExit(errors.length ? 1 : 0);
    });
}
