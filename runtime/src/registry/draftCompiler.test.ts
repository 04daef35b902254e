import { compileService } from '@qyzmet/engine';
import { copyExample, EXAMPLE_ID, type ExampleCopy } from '../../../tests/definitions/exampleCopy';
import { publishedChain, rebuildDefinition, withDraft, type DraftBase } from './draftCompiler';
import { loadRepository, serviceCompileEnv } from './loadRepository';

/** The draft-check worker rebuilds the service as in force from its files plus the versions published over them. */

let copy: ExampleCopy;
beforeAll(() => {
  copy = copyExample();
});
afterAll(() => copy.remove());

test('a definition with published versions is rebuilt exactly, in publication order', () => {
  const repo = loadRepository(copy.definitions, [EXAMPLE_ID]);
  const env = serviceCompileEnv(repo, EXAMPLE_ID);
  const files = repo.assembled.get(EXAMPLE_ID)!;
  const base: DraftBase = { root: repo.root, serviceId: EXAMPLE_ID, assembled: files, env };
  const first = { id: 'v-first', basedOn: '2026-order-65', effectiveFrom: '2027-01-01', changes: [] };
  const second = { id: 'v-second', basedOn: 'v-first', effectiveFrom: '2027-02-01', changes: [] };
  const once = withDraft(base, first, 'd1');
  const twice = withDraft({ ...base, assembled: once }, second, 'd2');

  const chain = publishedChain(twice);
  expect(chain.entryFile).toBe(files.entryFile);
  expect(chain.appended.map((a) => a.draftId)).toEqual(['d1', 'd2']);
  expect(publishedChain(files).appended).toEqual([]);

  const { assembled, problems } = rebuildDefinition(repo.root, EXAMPLE_ID, env, chain);
  expect(problems).toEqual([]);
  expect(assembled!.value).toEqual(twice.value);
  const versions = (a: typeof assembled) => compileService(a!, env).service?.versions.map((v) => v.id);
  expect(versions(assembled)).toEqual(versions(twice));
  expect(versions(assembled)).toEqual(['2026-order-65', 'v-first', 'v-second']);
});
