import { isProblemError } from '@qyzmet/engine';
import type { Command } from 'commander';
import { copyStore, type CopyReport } from '../store/copyStore';
import { describeStore } from '../store/openStore';
import type { StoreLocation } from '../store/openStore';
import { fail, printJson } from './output';

const STOP_FIRST =
  'The runtime must be stopped during a copy (every instance on either store): records written meanwhile are not copied.';

/**
 * `qyzmet store copy --from <place> --to <place>`: a laptop installation into production (SQLite → MongoDB) or
 * back. A place starting with mongodb:// or mongodb+srv:// is a MongoDB database (named in the URL); anything else
 * is a folder holding the embedded store. Exit 1 when refused (nothing written) or when the check finds a difference.
 */
export function storeCommand(program: Command, setExit: (code: number) => void): void {
  const store = program.command('store').description('work on a whole store (embedded SQLite or MongoDB)');
  store
    .command('copy')
    .description(`copy every record into an empty store and verify the copy by counts and a sample. ${STOP_FIRST}`)
    .requiredOption('--from <place>', 'the source: a store folder (as QYZMET_DATA) or a mongodb:// URL')
    .requiredOption('--to <place>', 'the target, empty: a store folder or a mongodb:// URL (database name in the URL)')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }) => {
      const json = Boolean(opts.json);
      const [from, to] = [locationOf(opts.from), locationOf(opts.to)];
      if (!json) process.stdout.write(`${STOP_FIRST}\ncopying ${describeStore(from)} → ${describeStore(to)}\n`);
      let report: CopyReport;
      try {
        report = await copyStore(from, to);
      } catch (e) {
        // Refusals carry their code; anything else (a server that does not answer) is reported the same way.
        const code = isProblemError(e) ? e.problem.code : 'store.copy-failed';
        return setExit(fail(`store copy: ${(e as Error).message}`, json, code));
      }
      if (json) printJson(report);
      else process.stdout.write(formatReport(report));
      if (!report.verified) setExit(1);
    });
}

/** A command-line place as a store location. */
function locationOf(place: string): StoreLocation {
  return /^mongodb(\+srv)?:\/\//.test(place) ? { mongodbUrl: place, dataDir: '' } : { dataDir: place };
}

function formatReport(r: CopyReport): string {
  const rows = [['kind', 'source', 'target'], ...r.counts.map((c) => [c.kind, String(c.source), String(c.target)])];
  const width = rows.map((row) => row[0].length).reduce((a, b) => Math.max(a, b));
  const table = rows.map(([k, s, t]) => `  ${k.padEnd(width)}  ${s.padStart(8)}  ${t.padStart(8)}`);
  const { applications, documents, audit, users } = r.compared;
  const lines = [
    ...table,
    `compared whole: ${applications} application(s) with their events and ${documents} document(s), ` +
      `the ${audit} newest audit entries, ${users} user(s)`,
    ...r.differences.map((d) => `difference: ${d.kind}${d.id ? ` ${d.id}` : ''}: ${d.message}`),
    r.verified
      ? `copy verified: ${r.to} holds what ${r.from} holds`
      : `copy NOT verified: ${r.differences.length} difference(s); do not start the runtime on ${r.to}`,
  ];
  return lines.join('\n') + '\n';
}
