import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  createSchemaValidator,
  locateInSource,
  parseJsonSource,
  scenarioSchema,
  serviceSchema,
  type Problem,
  type Scenario,
} from '@qyzmet/engine';

/** Reads the scenarios of one service folder, each checked against the scenario schema with located problems. */

let validator: ReturnType<typeof createSchemaValidator> | undefined;

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
}

export function loadScenarios(serviceDir: string): { scenarios: LoadedScenario[]; problems: Problem[] } {
  validator ??= createSchemaValidator(scenarioSchema, 'scenario', [serviceSchema]);
  const dir = join(serviceDir, 'scenarios');
  const scenarios: LoadedScenario[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { scenarios, problems };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = relative(process.cwd(), join(dir, name));
    const { source, problems: syntax } = parseJsonSource(file, readFileSync(join(dir, name), 'utf8'));
    if (syntax.length) {
      problems.push(...syntax);
      continue;
    }
    const shape = validator.validate(source.value).map((p) => {
      const { line, column } = locateInSource(source, p.pointer ?? '');
      return { ...p, file, line, column, message: `${file}:${line}:${column}: ${p.message}` };
    });
    problems.push(...shape);
    if (shape.length === 0) scenarios.push({ file, scenario: source.value as Scenario });
  }
  return { scenarios, problems };
}
