import { appendVersion } from './appendVersion';
import { assembleDefinition } from './assembleDefinition';
import { parseJsonSource } from './parseJsonSource';
import { joinPath } from './paths';

// The runtime's draft check and the analyst's workbench both append a draft this way: where its problems point and
// where its template paths lead is what they rely on.
const files: Record<string, string> = {
  'defs/services/x/service.json': JSON.stringify(
    { id: 'x', versions: [{ $include: 'versions/v1.json' }, { id: 'v2', documents: [] }] },
    null,
    2,
  ),
  'defs/services/x/versions/v1.json': JSON.stringify({ id: 'v1', documents: [] }, null, 2),
};
const { definition } = assembleDefinition('defs/services/x/service.json', (p) => files[p]);
const draftText = '{\n  "id": "v3",\n  "machine": {\n    "initial": 5\n  }\n}';
const draft = JSON.parse(draftText) as unknown;
const serviceDir = 'defs/services/x';

describe('appendVersion', () => {
  test('the draft comes after the versions on disk, which are left as they are', () => {
    const drafted = appendVersion(definition!, { value: draft, file: 'draft:1' }, (rel) => joinPath(serviceDir, rel));
    expect((drafted.value as { versions: Array<{ id: string }> }).versions.map((v) => v.id)).toEqual([
      'v1',
      'v2',
      'v3',
    ]);
    expect((definition!.value as { versions: unknown[] }).versions).toHaveLength(2);
  });

  test('a problem inside the draft points into the draft, at its line and column when its text is given', () => {
    const { source } = parseJsonSource('draft', draftText);
    const withText = appendVersion(definition!, { value: draft, file: 'draft', source }, (rel) => rel);
    expect(withText.locate('/versions/2/machine/initial')).toEqual({
      file: 'draft',
      pointer: '/machine/initial',
      line: 4,
      column: 5,
    });
    expect(withText.locate('/versions/2')).toEqual({ file: 'draft', pointer: '/', line: 1, column: 1 });
    const stored = appendVersion(definition!, { value: draft, file: 'draft:7' }, (rel) => rel);
    expect(stored.locate('/versions/2/machine/initial')).toEqual({
      file: 'draft:7',
      pointer: '/machine/initial',
      line: 1,
      column: 1,
    });
  });

  test('a problem outside the draft keeps the file that wrote it (an include too); /versions/20 is not the draft', () => {
    const drafted = appendVersion(definition!, { value: draft, file: 'draft' }, (rel) => rel);
    expect(drafted.locate('/versions/0/id')).toMatchObject({
      file: 'defs/services/x/versions/v1.json',
      pointer: '/id',
    });
    expect(drafted.locate('/versions/1/id')).toMatchObject({ file: 'defs/services/x/service.json' });
    const many = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].reduce(
      (d, n) => appendVersion(d, { value: { id: `v${n}` }, file: `draft:${n}` }, (rel) => rel),
      drafted,
    );
    expect(many.locate('/versions/2/id').file).toBe('draft');
    expect(many.locate('/versions/20/id').file).toBe('draft:20');
  });

  test("the draft's template paths resolve through the caller (relative to the service folder); others as before", () => {
    const drafted = appendVersion(definition!, { value: draft, file: 'draft' }, (rel) => joinPath(serviceDir, rel));
    expect(drafted.resolvePath('/versions/2/documents/0/templates/kk', 'templates/a.kk.hbs')).toBe(
      'defs/services/x/templates/a.kk.hbs',
    );
    expect(drafted.resolvePath('/versions/0/documents/0/templates/kk', '../templates/a.kk.hbs')).toBe(
      'defs/services/x/templates/a.kk.hbs',
    );
  });

  test('a draft written as an amendment is materialised: inherited parts locate in the base file, changes in the draft', () => {
    const amendmentText = JSON.stringify(
      {
        id: 'v3',
        basedOn: 'v1',
        changes: [{ op: 'add', path: '/documents/-', value: { id: 'd' }, legalRef: { act: 'a', paragraph: '1' } }],
      },
      null,
      2,
    );
    const { source } = parseJsonSource('draft:9', amendmentText);
    const drafted = appendVersion(definition!, { value: JSON.parse(amendmentText), file: 'draft:9', source }, (rel) =>
      joinPath(serviceDir, rel),
    );
    const v3 = (drafted.value as { versions: Array<Record<string, unknown>> }).versions[2];
    expect(v3).toMatchObject({ id: 'v3', basedOn: 'v1', documents: [{ id: 'd' }] });
    expect(drafted.materialisationProblems).toEqual([]);
    expect(drafted.provenance.get('v3')?.changes).toEqual([
      expect.objectContaining({ pointer: '/documents/0', op: 'add', legalRef: { act: 'a', paragraph: '1' } }),
    ]);
    expect(drafted.locate('/versions/2/documents/0/id').file).toBe('draft:9');
    expect(drafted.locate('/versions/2/id').file).toBe('draft:9');
    expect(drafted.locate('/versions/2/documents').file).toBe('defs/services/x/versions/v1.json');
    // The versions before it keep their own shape (no basedOn added, not re-materialised).
    expect((drafted.value as { versions: unknown[] }).versions[0]).toEqual({ id: 'v1', documents: [] });
  });

  test('a change the base cannot take is a problem located at the change in the draft', () => {
    const text = JSON.stringify(
      { id: 'v3', basedOn: 'v1', changes: [{ op: 'remove', path: '/machine/x', legalRef: { act: 'a' } }] },
      null,
      2,
    );
    const { source } = parseJsonSource('draft:10', text);
    const drafted = appendVersion(definition!, { value: JSON.parse(text), file: 'draft:10', source }, (rel) => rel);
    expect(drafted.materialisationProblems).toEqual([
      expect.objectContaining({ file: 'draft:10', pointer: '/versions/2/changes/0/path', line: 7 }),
    ]);
    expect(drafted.failedIncludes).toContain('/versions/2');
  });
});
