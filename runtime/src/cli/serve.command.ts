import type { Command } from 'commander';

/**
 * `qyzmet serve` (= `npm start`): the HTTP runtime of DESIGN.md. Not built yet: it is the runtime issue (express API,
 * SQLite store, scheduler, auth). Until then the command says so plainly and exits 1 instead of pretending to serve.
 */
export function serveCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('start the HTTP runtime (not built yet: see the runtime issue)')
    .action(() => {
      process.stderr.write('qyzmet serve: the HTTP runtime is not built yet. Use `npx qyzmet validate`, `test`, `simulate`, `calendar` and `deadline` meanwhile.\n');
      setExit(1);
    });
}
