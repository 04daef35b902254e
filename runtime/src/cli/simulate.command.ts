import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isProblemError, simulate, simulationContract, type ApplicationEvent } from '@qyzmet/engine';
import { findDefinitionsRoot, loadRepository } from '../registry/loadRepository';
import { fail, formatProblem, printJson } from './output';

function readJsonFile(path: string, what: string): { value?: unknown; error?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { error: `cannot read the ${what} file "${path}"` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `the ${what} file "${path}" is not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * `qyzmet simulate <serviceId> --at <instant> --data <file> [--events <file>]`: one application through the service,
 * nothing stored. Exit 2 when no version is in force at that instant, 1 for bad input.
 */
export function simulateCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('simulate <serviceId>')
    .description('run one application through a service without storing it')
    .requiredOption('--at <instant>', 'when the application arrives, ISO with offset, e.g. 2026-03-03T10:00:00+05:00')
    .requiredOption('--data <file>', 'JSON file with the application data (what a scenario\'s "data" holds)')
    .option('--events <file>', 'JSON file with the events (what a scenario\'s "events" holds)')
    .option('--lang <lang>', 'language of documents and messages: kk or ru', 'kk')
    .option('--json', 'print the result as JSON')
    .option('--definitions <dir>', 'the definitions folder (default ./definitions)')
    .action(
      async (
        serviceId: string,
        opts: { at: string; data: string; events?: string; lang: string; json?: boolean; definitions?: string },
      ) => {
        const json = Boolean(opts.json);
        if (opts.lang !== 'kk' && opts.lang !== 'ru')
          return setExit(fail(`--lang must be kk or ru, not "${opts.lang}"`, json));
        if (Number.isNaN(Date.parse(opts.at)) || !/T/.test(opts.at))
          return setExit(fail(`--at "${opts.at}" is not an ISO instant; write e.g. 2026-03-03T10:00:00+05:00`, json));
        const data = readJsonFile(opts.data, 'data');
        if (data.error) return setExit(fail(data.error, json));
        const events = opts.events ? readJsonFile(opts.events, 'events') : { value: [] };
        if (events.error) return setExit(fail(events.error, json));
        if (!Array.isArray(events.value))
          return setExit(fail(`the events file must hold a JSON array of { "type", "at", "actor"?, "data"? }`, json));
        const repo = loadRepository(findDefinitionsRoot(opts.definitions), [serviceId]);
        const service = repo.services.get(serviceId);
        if (!service) {
          if (repo.broken.has(serviceId)) {
            for (const p of repo.problems) process.stderr.write(formatProblem(p) + '\n');
            return setExit(fail(`the definition of "${serviceId}" has errors (run qyzmet validate)`, json));
          }
          return setExit(
            fail(
              `no service "${serviceId}"; services: ${[...loadRepository(repo.root).services.keys()].join(', ')}`,
              json,
              'service.unknown',
            ),
          );
        }
        try {
          const result = await simulate(
            service,
            data.value as Record<string, unknown>,
            events.value as ApplicationEvent[],
            opts.at,
            { lang: opts.lang },
          );
          if (json) printJson(simulationContract(result));
          else {
            process.stdout.write(`${serviceId} @ ${result.version}: ${result.status} (${result.state})\n`);
            process.stdout.write(`registered ${result.registeredAt}\n`);
            for (const d of result.deadlines)
              process.stdout.write(
                `deadline ${d.id}: ${d.dueAt} (${d.status}${d.provisional ? ', provisional: computed calendar' : ''})\n`,
              );
            for (const g of result.refusal?.grounds ?? [])
              process.stdout.write(`refusal ground ${g.id}: ${g.message}\n`);
            for (const d of result.documents) process.stdout.write(`document ${d.id}: ${d.title}\n`);
          }
          setExit(0);
        } catch (e) {
          if (!isProblemError(e)) throw e;
          setExit(fail(e.problem.message, json, e.problem.code, e.problem.code === 'version.notInForce' ? 2 : 1));
        }
      },
    );
}
