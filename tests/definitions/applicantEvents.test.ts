import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRepository } from '../../runtime/src/registry/loadRepository';
import { REPO } from './exampleCopy';

/**
 * The applicant's own events of new-real-estate-cadastre-entry record findings the conditions read (the term
 * extended by agreement, the objection to a preliminary decision, the signed act of completed works). Each declares
 * its `data` schema, so the applicant's action form shows labelled fields instead of an empty panel: every field
 * labelled in kk/ru/en, citing the line of order No. 156 (seed 003) whose words it quotes, and the schema holds the
 * answer the condition reads (an unticked agreement is not an agreement).
 */

const repo = loadRepository(join(REPO, 'definitions'), ['new-real-estate-cadastre-entry']);
const version = repo.services.get('new-real-estate-cadastre-entry')!.versions.at(-1)!;
const seedLines = readFileSync(join(REPO, 'definitions/seeds/003_fecf8ad1b999089f.txt'), 'utf8').split('\n');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };
type LegalRef = { seed: string; lines: number[]; quote: string };
const events = version.def.machine.events as unknown as Record<string, { roles: string[]; data?: Schema }>;

/** The finding keys the service's conditions read (fact "findings"). */
function findingsRead(): Set<string> {
  const keys = new Set<string>();
  const walk = (c: unknown) => {
    if (!c || typeof c !== 'object') return;
    const leaf = c as { fact?: string; path?: string };
    if (leaf.fact === 'findings' && leaf.path) keys.add(leaf.path.replace(/^\//, '').split('/')[0]);
    for (const x of Object.values(c)) walk(x);
  };
  walk(version.def.conditions);
  return keys;
}

const cases = [
  { type: 'EXTENSION_AGREED', field: 'extensionAgreed', lines: [71], valid: { extensionAgreed: true } },
  {
    type: 'OBJECTION_SUBMITTED',
    field: 'objection',
    lines: [77, 81],
    valid: { objection: { kk: 'Құқық белгілейтін құжат тізіліммен сәйкес келеді.' } },
  },
  { type: 'WORKS_ACT_SIGNED', field: 'worksActSigned', lines: [95], valid: { worksActSigned: true } },
] as const;

test.each(cases)('$type: a labelled field citing the act, required by its schema', ({ type, field, lines, valid }) => {
  const def = events[type];
  expect(def.roles).toEqual(['applicant']);
  const prop = def.data?.properties?.[field];
  expect(prop).toBeDefined();
  expect(def.data?.required).toContain(field);
  const label = prop!['x-label'] as Record<string, string>;
  for (const l of ['kk', 'ru', 'en']) expect(label[l]?.length).toBeGreaterThan(5);
  // The Kazakh and Russian labels are in their own script: no English word.
  expect(label.kk + label.ru).not.toMatch(/[A-Za-z]/);
  const ref = prop!['x-legalRef'] as LegalRef;
  expect(ref.seed).toBe('003_fecf8ad1b999089f.txt');
  expect(ref.lines).toEqual(lines);
  // The quote is the act's own words, on a cited line.
  expect(ref.lines.some((n) => squash(seedLines[n - 1]).includes(squash(ref.quote)))).toBe(true);

  const form = version.eventForms.get(type)!;
  expect(form.check(valid, 'kk').errors).toEqual([]);
  // Nothing sent: the field is missing, said in Kazakh.
  const missing = form.check({}, 'kk').errors;
  expect(missing.map((e) => e.pointer)).toEqual([`/${field}`]);
  expect(missing[0].message).not.toMatch(/[A-Za-z]{4,}/);
});

test('the agreement and the signed act are findings the conditions read, and only "yes" records them', () => {
  const read = findingsRead();
  expect(read.has('extensionAgreed')).toBe(true);
  expect(read.has('worksActSigned')).toBe(true);
  expect(version.eventForms.get('EXTENSION_AGREED')!.check({ extensionAgreed: false }, 'en').errors).toHaveLength(1);
  expect(version.eventForms.get('WORKS_ACT_SIGNED')!.check({ worksActSigned: false }, 'en').errors).toHaveLength(1);
  // An objection is words, in Kazakh or Russian: an empty one is no objection.
  expect(version.eventForms.get('OBJECTION_SUBMITTED')!.check({ objection: {} }, 'en').errors).toHaveLength(1);
  expect(
    version.eventForms.get('OBJECTION_SUBMITTED')!.check({ objection: { en: 'I object' } }, 'en').errors.length,
  ).toBeGreaterThan(0);
});
