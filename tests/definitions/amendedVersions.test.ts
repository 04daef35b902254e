import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRepository } from '../../runtime/src/registry/loadRepository';
import { REPO } from './exampleCopy';

/**
 * The versions that an amending act produced are written as amendments (`basedOn` + cited `changes`) instead of full
 * copies. Materialised, each must equal the full copy it replaced, element by element: the fixture holds the SHA-256 of
 * every top-level element of the full copies (canonical JSON), taken from them when they were converted.
 */

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'full-copies.sha256.json'), 'utf8')) as {
  versions: Record<string, Record<string, string>>;
};
const repo = loadRepository(join(REPO, 'definitions'));
/** Keys sorted at every level: the order in which a change adds a key is no difference of content. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;
const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(canonical(v))).digest('hex');

describe.each(Object.entries(fixture.versions))('%s', (key, elements) => {
  const [serviceId, versionId] = key.split('@');
  const versions = (repo.assembled.get(serviceId)?.value as { versions: Array<Record<string, unknown>> }).versions;
  const version = versions.find((v) => v.id === versionId)!;

  test('is written as an amendment of its base, every change citing the act that made it', () => {
    expect(typeof version.basedOn).toBe('string');
    const file = join(REPO, 'definitions/services', serviceId, 'versions', `${versionId}.json`);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.basedOn).toBe(version.basedOn);
    const producers = version.producedBy as string[];
    for (const change of written.changes) expect(producers).toContain(change.legalRef.act);
  });

  test('materialises to the full copy it replaced, element by element', () => {
    const now = Object.fromEntries(
      Object.keys(version)
        .filter((k) => k !== 'basedOn' && k !== 'changes')
        .sort()
        .map((k) => [k, sha(version[k])]),
    );
    expect(now).toEqual(elements);
  });
});

test('the repository compiles with them, and their provenance names the amending act', () => {
  expect([...repo.broken]).toEqual([]);
  const queue = repo.services.get('housing-queue-registration')!.versions.find((v) => v.id === '2017-res-93')!;
  expect(queue.provenance.basedOn).toBe('2016-res-200');
  expect(queue.provenance.changes.map((c) => c.legalRef.act)).toEqual(
    queue.provenance.changes.map(() => 'eko-akimat-res-93-2017'),
  );
  expect(queue.provenance.changes.length).toBeGreaterThan(0);
});
