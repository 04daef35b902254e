import type { Command } from 'commander';
import { exportDefinitions } from '../registry/exportDefinitions';
import { findDefinitionsRoot } from '../registry/loadRepository';
import { openStore, storeLocationFromEnv } from '../store/openStore';
import { fail, printJson } from './output';

/**
 * `qyzmet export <serviceId> [--out dir]`: the versions, scenarios and acts published through the admin API, written
 * as definition files that `qyzmet validate` and `qyzmet test` accept (by default into the definitions folder itself).
 */
export function exportCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('export <serviceId>')
    .description('write the versions published through the admin API as definition files (basedOn + changes)')
    .option('--out <dir>', 'a definitions folder to write (a copy of the current one); default: the current one')
    .option('--data <dir>', 'the embedded store folder (default $QYZMET_DATA or ./data; MONGODB_URL, when set, wins)')
    .option('--definitions <dir>', 'the definitions folder (default ./definitions)')
    .option('--json', 'print the report as JSON')
    .action(async (serviceId: string, opts: { out?: string; data?: string; definitions?: string; json?: boolean }) => {
      const root = findDefinitionsRoot(opts.definitions);
      const store = await openStore(storeLocationFromEnv(opts.data));
      try {
        const report = await exportDefinitions(store, root, serviceId, opts.out ?? root);
        if (opts.json) printJson(report);
        else
          process.stdout.write(
            `${report.out}: ${report.versions.length} version(s), ${report.scenarios.length} scenario(s), ${report.acts.length} act(s) written\n`,
          );
      } catch (e) {
        setExit(fail(`cannot export "${serviceId}": ${(e as Error).message}`, Boolean(opts.json)));
      } finally {
        await store.close();
      }
    });
}
