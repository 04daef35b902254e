import { symlinkSync } from 'node:fs';
import { copyExample, EXAMPLE_ID, type ExampleCopy } from '../../../tests/definitions/exampleCopy';
import { confinedPath, definitionAreas } from './confinedPath';
import { loadRepository } from './loadRepository';
import { loadScenarios } from './loadScenarios';

/** Files on disk naming paths out of the definitions: a located problem of the service, never the file's text. */

let copy: ExampleCopy;
beforeEach(() => {
  copy = copyExample();
});
afterEach(() => copy.remove());

const VERSION = `services/${EXAMPLE_ID}/versions/2026-order-65.json`;

function loadWith(from: string, to: string) {
  copy.write(VERSION, copy.read(VERSION).replace(from, to));
  const repo = loadRepository(copy.definitions, [EXAMPLE_ID]);
  const problems = repo.problems.filter((p) => p.code === 'definition.pathOutside');
  expect(JSON.stringify(repo.problems)).not.toMatch(/root:.*:0:0:/);
  return { repo, problems };
}

test('a template file on disk naming /etc/passwd is a located problem, and the service is broken', () => {
  const { repo, problems } = loadWith('"../templates/duplicate.ru.hbs"', '"/etc/passwd"');
  expect(repo.broken.has(EXAMPLE_ID)).toBe(true);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: expect.stringContaining('2026-order-65.json'), line: expect.any(Number) });
  expect(problems[0].pointer).toMatch(/\/templates\/ru$/);
});

test('an $include climbing out of the definitions is a located problem', () => {
  const include = '"../../../shared/grounds/law-state-services-art-19-1.json#/grounds/unreliable-documents"';
  // The line of that $include in the version file, wherever edits of the definition have moved it.
  const line =
    copy
      .read(VERSION)
      .split('\n')
      .findIndex((l) => l.includes(include)) + 1;
  expect(line).toBeGreaterThan(0);
  const { problems } = loadWith(include, '"../../../../../../../../../../etc/passwd"');
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: expect.stringContaining('2026-order-65.json'), line });
});

test('a symlink inside the service folder is judged by where it leads', () => {
  symlinkSync('/etc/passwd', copy.path(`services/${EXAMPLE_ID}/templates/link.hbs`));
  const areas = definitionAreas(copy.definitions, EXAMPLE_ID);
  expect(() => confinedPath(copy.path(`services/${EXAMPLE_ID}/templates/link.hbs`), areas)).toThrow(/leads outside/);
  // Shared fragments and the service's own files (even a missing one) are inside.
  expect(confinedPath(copy.path('shared/templates/refusal-notice.ru.hbs'), areas)).toContain('shared');
  expect(confinedPath(copy.path(`services/${EXAMPLE_ID}/templates/missing.hbs`), areas)).toContain('missing.hbs');
  // Another service's folder is not this service's.
  expect(() => confinedPath(copy.path('services/other/x.hbs'), areas)).toThrow(/leads outside/);
});

test('a scenario or a calendar that is a link out of its folder is a problem, never read', () => {
  symlinkSync('/etc/passwd', copy.path(`services/${EXAMPLE_ID}/scenarios/99-evil.json`));
  symlinkSync('/etc/passwd', copy.path('calendars/evil.calendar.json'));
  const scenarios = loadScenarios(copy.path(`services/${EXAMPLE_ID}`));
  expect(scenarios.problems.map((p) => p.code)).toEqual(['definition.pathOutside']);
  const repo = loadRepository(copy.definitions, [EXAMPLE_ID]);
  expect(repo.problems.filter((p) => p.code === 'definition.pathOutside')).toHaveLength(1);
  expect(JSON.stringify([scenarios, repo.problems])).not.toMatch(/root:.*:0:0:/);
});
