import { join } from 'node:path';
import { loadRepository } from '../../runtime/src/registry/loadRepository';
import { REPO } from './exampleCopy';

/**
 * A form's conditional requirement (`if` a field has a value, `then` others are required) must name that field in
 * the `if`'s own `required`. JSON Schema treats a missing property as satisfying `properties: {kind: {const: …}}`,
 * so without it an applicant who has not yet chosen the kind of applicant is told that both the IIN and the BIN are
 * missing: every branch holds at once, and the error summary lists fields that do not apply to them.
 */

const repo = loadRepository(join(REPO, 'definitions'));
type Schema = Record<string, unknown>;

function conditionsWithoutRequired(node: unknown, pointer: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => conditionsWithoutRequired(n, `${pointer}/${i}`, out));
  else if (node && typeof node === 'object') {
    const schema = node as Schema;
    const condition = schema.if as Schema | undefined;
    if (condition && typeof condition === 'object') {
      const tested = Object.keys((condition.properties as Schema | undefined) ?? {});
      const required = (condition.required as string[] | undefined) ?? [];
      const unnamed = tested.filter((k) => !required.includes(k));
      if (unnamed.length > 0) out.push(`${pointer}/if: ${unnamed.join(', ')}`);
    }
    for (const [k, v] of Object.entries(schema)) conditionsWithoutRequired(v, `${pointer}/${k}`, out);
  }
  return out;
}

const versions = [...repo.services.values()].flatMap((s) => s.versions.map((v) => ({ service: s.id, version: v })));

test.each(versions.map((v) => [`${v.service}@${v.version.id}`, v] as const))(
  '%s: every conditional requirement of the form names the field it tests',
  (_name, { version }) => {
    expect(conditionsWithoutRequired(version.def.form, '/form', [])).toEqual([]);
  },
);

test('an applicant who has not chosen their kind is asked for the kind, not for both an IIN and a BIN', () => {
  const version = repo.services.get('cadastral-passport-duplicate')!.versions.at(-1)!;
  const pointers = version.form.validate({ applicant: { fullName: 'Сейітова Айгүл' } }, 'kk').map((e) => e.pointer);
  expect(pointers).toContain('/applicant/kind');
  expect(pointers.filter((p) => p.startsWith('/applicant/'))).toEqual(['/applicant/kind']);
});
