import type { Command } from 'commander';
import { amendmentReport, clauseCoverage } from '@qyzmet/engine';
import { findDefinitionsRoot, loadRepository } from '../registry/loadRepository';
import { fail, formatProblem, printJson } from './output';

/**
 * `qyzmet coverage <serviceId>`: each paragraph / annex row of the acts the service encodes, the elements that cite
 * it, and the operative clauses nothing cites. Exit 1 when an operative clause is neither cited nor explained.
 */
export function coverageCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('coverage <serviceId>')
    .description('list each clause of the act and the definition elements that cite it')
    .option('--json', 'print the report as JSON')
    .option('--definitions <dir>', 'the definitions folder (default ./definitions)')
    .action((serviceId: string, opts: { json?: boolean; definitions?: string }) => {
      const repo = loadRepository(findDefinitionsRoot(opts.definitions), [serviceId]);
      const service = repo.services.get(serviceId);
      if (!service) {
        for (const p of repo.problems) process.stderr.write(formatProblem(p) + '\n');
        return setExit(
          fail(
            repo.broken.has(serviceId)
              ? `the definition of "${serviceId}" has errors (run qyzmet validate)`
              : `no service "${serviceId}"`,
            Boolean(opts.json),
          ),
        );
      }
      const report = clauseCoverage(service.def, service.acts);
      const amendments = amendmentReport(service);
      if (opts.json) printJson({ ...report, amendments });
      else {
        for (const act of report.acts) {
          process.stdout.write(`${act.act} — ${act.title.kk}\n`);
          for (const c of act.clauses) {
            const mark = c.citedBy.length
              ? '✓'
              : c.status === 'not-encoded' || c.status === 'not-applicable'
                ? '–'
                : '✗';
            process.stdout.write(`  ${mark} ${c.id} (lines ${c.lines.join('–')}): ${c.summary}\n`);
            if (c.citedBy.length)
              process.stdout.write(
                `      cited by ${c.citedBy.length}: ${c.citedBy.slice(0, 4).join(', ')}${c.citedBy.length > 4 ? ', …' : ''}\n`,
              );
            else if (c.reason) process.stdout.write(`      ${c.status}: ${c.reason}\n`);
          }
        }
        // Which act item last changed each element of an amended version, and what stood there before.
        for (const a of amendments) {
          const when = a.inForce
            ? `in force ${a.inForce}${a.provisional ? ', provisional' : ''}`
            : 'awaiting publication';
          const before = a.before === undefined ? '' : `; before: ${JSON.stringify(a.before).slice(0, 80)}`;
          const verb = {
            add: 'added',
            remove: 'removed',
            replace: 'changed',
            move: 'moved',
            copy: 'copied',
            test: 'checked',
          }[a.op];
          process.stdout.write(`${a.version}: ${a.element}: ${verb} by ${a.actItem} (${when})${before}\n`);
        }
        const n = report.counts;
        process.stdout.write(
          `${n.clauses} clauses: ${n.cited} cited, ${n.explained} explained, ${n.uncited} not encoded\n`,
        );
      }
      setExit(report.counts.uncited ? 1 : 0);
    });
}
