import type { Command } from 'commander';
import { runScenario, type ScenarioOutcome } from '@qyzmet/engine';
import { findDefinitionsRoot, loadRepository } from '../registry/loadRepository';
import { loadScenarios } from '../registry/loadScenarios';
import { formatProblem, printJson } from './output';

/** `qyzmet test [serviceId]`: runs the scenarios; prints each failing expectation with the path of the difference. */
export function testCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('test [serviceId]')
    .description('run the scenarios of every service (or one); last line "N passed, N failed"')
    .option('--json', 'print the outcomes as JSON (the summary line still comes last on stdout)')
    .option('--definitions <dir>', 'the definitions folder (default ./definitions)')
    .action(async (serviceId: string | undefined, opts: { json?: boolean; definitions?: string }) => {
      const repo = loadRepository(findDefinitionsRoot(opts.definitions), serviceId ? [serviceId] : undefined);
      let passed = 0;
      let failed = 0;
      const report: Array<{ serviceId: string; file: string } & Omit<ScenarioOutcome, 'result'>> = [];
      if (serviceId && !repo.services.has(serviceId) && !repo.broken.has(serviceId)) {
        process.stderr.write(`qyzmet: no service "${serviceId}" in ${repo.root}/services\n`);
        failed++;
      }
      for (const id of repo.broken) {
        for (const p of repo.problems.filter((x) => x.severity !== 'warning'))
          process.stderr.write(formatProblem(p) + '\n');
        process.stdout.write(`✗ ${id}: the definition does not compile (run qyzmet validate)\n`);
        failed++;
      }
      for (const [id, service] of repo.services) {
        const { scenarios, problems } = loadScenarios(repo.serviceDir(id), {
          acts: service.acts,
          readSeed: repo.compileEnv.readSeed,
        });
        for (const p of problems) {
          process.stdout.write(`✗ ${formatProblem(p)}\n`);
          failed++;
        }
        for (const { file, scenario } of scenarios) {
          const outcome = await runScenario(service, scenario);
          // The JSON report carries the verdict and differences, not every simulation's trace and documents.
          report.push({
            serviceId: id,
            file,
            name: outcome.name,
            passed: outcome.passed,
            differences: outcome.differences,
            ...(outcome.error ? { error: outcome.error } : {}),
          });
          if (outcome.passed) {
            passed++;
            if (!opts.json) process.stdout.write(`✓ ${id} › ${scenario.name}\n`);
            continue;
          }
          failed++;
          if (opts.json) continue;
          process.stdout.write(`✗ ${id} › ${scenario.name} (${file})\n`);
          if (outcome.error) process.stdout.write(`    error: ${outcome.error}\n`);
          for (const d of outcome.differences)
            process.stdout.write(
              `    ${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}\n`,
            );
        }
      }
      if (opts.json) printJson({ passed, failed, scenarios: report });
      process.stdout.write(`${passed} passed, ${failed} failed\n`);
      setExit(failed ? 1 : 0);
    });
}
