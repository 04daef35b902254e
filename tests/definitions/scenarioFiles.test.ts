import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { APPLICATION_STATUSES } from '../../engine/src/format/applicationStatuses';
import scenarioSchema from '../../engine/src/format/scenario.schema.json';
import serviceSchema from '../../engine/src/format/service.schema.json';
import { createSchemaValidator } from '../../engine/src/forms/schemaValidator';
import { assertBuilt, copyExample, EXAMPLE_ID, positionOf, REPO, runValidate, type CliProblem } from './exampleCopy';

/**
 * Every scenario file (definitions/services/<id>/scenarios/*.json, the DESIGN.md contract) must satisfy the scenario
 * schema, whose legalRefs use the service meta-schema's legalRef; and `qyzmet validate` must locate a broken one.
 */

const validator = createSchemaValidator(scenarioSchema, 'scenario', [serviceSchema]);
const FIXTURE = join(__dirname, 'fixtures', 'scenario.valid.json');
const fixtureText = readFileSync(FIXTURE, 'utf8');

function scenarioFiles(): string[] {
  const services = join(REPO, 'definitions', 'services');
  return readdirSync(services).flatMap((id) => {
    const dir = join(services, id, 'scenarios');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)) : [];
  });
}

describe('scenario files of the repository', () => {
  const files = scenarioFiles().map((f) => relative(REPO, f));
  if (files.length === 0) test.todo('no scenario file yet under definitions/services/*/scenarios');
  else
    test.each(files)('%s is valid against scenario.schema.json', (file) => {
      const value = JSON.parse(readFileSync(join(REPO, file), 'utf8'));
      expect(validator.validate(value)).toEqual([]);
    });
});

describe('the scenario validator can fail', () => {
  const fixture = JSON.parse(fixtureText);

  test('the fixture scenario is valid', () => {
    expect(validator.validate(fixture)).toEqual([]);
  });

  test('without "expect" it is invalid, at the root, naming the key', () => {
    const { expect: _dropped, ...broken } = fixture;
    const problems = validator.validate(broken);
    expect(problems).toEqual([expect.objectContaining({ code: 'scenario.required', pointer: '' })]);
    expect(problems[0].message).toContain('"expect"');
  });

  test('a legalRef naming no act is invalid through the referenced service schema', () => {
    const problems = validator.validate({ ...fixture, legalRefs: [{ paragraph: '9' }] });
    expect(problems).toEqual([expect.objectContaining({ code: 'scenario.required', pointer: '/legalRefs/0' })]);
    expect(problems[0].message).toContain('"act"');
  });
});

describe('qyzmet validate checks the scenarios of a service', () => {
  beforeAll(assertBuilt);
  const rel = `services/${EXAMPLE_ID}/scenarios`;

  const withScenario = (name: string, text: string) => {
    const copy = copyExample();
    copy.write(`${rel}/${name}`, text);
    return copy;
  };
  const problemsOf = (stdout: string): CliProblem[] => JSON.parse(stdout).problems;

  test('a valid scenario passes', () => {
    const copy = withScenario('fixture.json', fixtureText);
    try {
      const r = runValidate(copy, true);
      expect(problemsOf(r.stdout).filter((p) => p.severity !== 'warning')).toEqual([]);
      expect(r.status).toBe(0);
    } finally {
      copy.remove();
    }
  });

  test('a scenario without "expect" is located at its root object', () => {
    const text = applyEdits(fixtureText, modify(fixtureText, ['expect'], undefined, {}));
    const copy = withScenario('broken.json', text);
    try {
      const r = runValidate(copy, true);
      expect(r.status).toBe(1);
      const found = problemsOf(r.stdout).find((p) => p.file === `definitions/${rel}/broken.json` && p.pointer === '');
      expect(found).toMatchObject({ code: 'scenario.required', ...positionOf(text, '^\\{') });
      expect(found!.message).toContain('"expect"');
      expect(r.stdout + r.stderr).not.toContain('at Object.');
    } finally {
      copy.remove();
    }
  });

  test('an unknown status inside "expect" is located at that key and lists the statuses', () => {
    const text = applyEdits(fixtureText, modify(fixtureText, ['expect', 'status'], 'issued', {}));
    const copy = withScenario('broken.json', text);
    try {
      const r = runValidate(copy, true);
      expect(r.status).toBe(1);
      const found = problemsOf(r.stdout).find((p) => p.file === `definitions/${rel}/broken.json` && p.pointer === '/expect/status');
      expect(found).toMatchObject({ code: 'scenario.enum', ...positionOf(text, '"status"\\s*:\\s*"issued"') });
      for (const status of APPLICATION_STATUSES) expect(found!.message).toContain(status);
    } finally {
      copy.remove();
    }
  });
});
