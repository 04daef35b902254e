import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  checkQuotes,
  createSchemaValidator,
  inheritSeeds,
  locateInSource,
  parseJsonSource,
  scenarioSchema,
  serviceSchema,
  type Act,
  type Problem,
  type ReadSeed,
  type Scenario,
} from '@qyzmet/engine';
import { isConfined } from './confinedPath';
import { usePrecompiledSchemas } from './precompiledSchemas';

/**
 * Reads the scenarios of one service folder, each checked against the scenario schema with located problems; given
 * the service's acts and the seeds' texts, the quotes of its `legalRefs` are checked as the definition's are.
 */

let validator: ReturnType<typeof createSchemaValidator> | undefined;

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
}

export interface ScenarioQuoteCheck {
  acts: Record<string, Act>;
  readSeed?: ReadSeed;
}

export function loadScenarios(
  serviceDir: string,
  quotes?: ScenarioQuoteCheck,
): { scenarios: LoadedScenario[]; problems: Problem[] } {
  usePrecompiledSchemas();
  validator ??= createSchemaValidator(scenarioSchema, 'scenario', [serviceSchema]);
  const dir = join(serviceDir, 'scenarios');
  const scenarios: LoadedScenario[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { scenarios, problems };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = relative(process.cwd(), join(dir, name));
    // A link leading out of the scenarios folder is not read (its bytes would be quoted in a syntax error).
    if (!isConfined(join(dir, name), [dir])) {
      problems.push({
        code: 'definition.pathOutside',
        kind: 'definition',
        file,
        message: `${file}: a link leading out of the scenarios folder`,
      });
      continue;
    }
    const { source, problems: syntax } = parseJsonSource(file, readFileSync(join(dir, name), 'utf8'));
    if (syntax.length) {
      problems.push(...syntax);
      continue;
    }
    const located = (p: Problem): Problem => {
      const { line, column } = locateInSource(source, p.pointer ?? '');
      return { ...p, file, line, column, message: `${file}:${line}:${column}: ${p.message}` };
    };
    const shape = validator.validate(source.value).map(located);
    problems.push(...shape);
    if (shape.length === 0 && quotes?.readSeed)
      problems.push(...checkQuotes(inheritSeeds(source.value, quotes.acts), quotes.readSeed).map(located));
    if (shape.length === 0) scenarios.push({ file, scenario: source.value as Scenario });
  }
  return { scenarios, problems };
}
