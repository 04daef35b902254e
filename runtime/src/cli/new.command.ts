import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { findDefinitionsRoot } from '../registry/loadRepository';

/** The scaffold shipped with the runtime: a small service that validates and passes its scenario at once. */
const SCAFFOLD = resolve(__dirname, '../../templates/new-service');
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function copyWithId(from: string, to: string, id: string): string[] {
  const written: string[] = [];
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) written.push(...copyWithId(src, dst, id));
    else {
      writeFileSync(dst, readFileSync(src, 'utf8').replace(/__SERVICE_ID__/g, id));
      written.push(dst);
    }
  }
  return written;
}

/**
 * `qyzmet new <serviceId>`: scaffolds definitions/services/<id>/ (service, form, machine, rules, deadline, documents,
 * scenario).
 */
export function newCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('new <serviceId>')
    .description('scaffold a service folder that validates at once')
    .option('--definitions <dir>', 'the definitions folder (default ./definitions)')
    .action((id: string, opts: { definitions?: string }) => {
      if (!ID.test(id)) {
        process.stderr.write(
          `qyzmet new: "${id}" is not a service id; use lower-case words joined by "-", e.g. "housing-presence-certificate"\n`,
        );
        return setExit(1);
      }
      const dir = join(findDefinitionsRoot(opts.definitions), 'services', id);
      if (existsSync(dir)) {
        process.stderr.write(`qyzmet new: ${dir} already exists; choose another id or edit that service\n`);
        return setExit(1);
      }
      const written = copyWithId(SCAFFOLD, dir, id);
      process.stdout.write(
        `created ${dir}\n${written.map((f) => `  ${f}`).join('\n')}\nnext: edit service.json, then run: npx qyzmet validate && npx qyzmet test ${id}\n`,
      );
      setExit(0);
    });
}
