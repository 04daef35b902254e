import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFormCompiler } from '../../engine/src/forms';
import {
  addField,
  addOption,
  changeKind,
  conditionFields,
  dependentsOf,
  editField,
  editGroup,
  fieldAt,
  formTree,
  keyProblem,
  kindOf,
  moveField,
  moveOption,
  optionProblem,
  removeField,
  removeOption,
  renameOption,
  requirementOf,
  schemaOfKind,
  setRequirement,
  testedValues,
  unsupportedKeywords,
  usesOfField,
  type Schema,
} from '../../admin-ui/src/analyst/editors/fieldsModel';

/** The form of cadastral-passport-duplicate (seed 003): groups, choices, formats and if/then requirements. */
const version = JSON.parse(
  readFileSync(
    join(__dirname, '../../definitions/services/cadastral-passport-duplicate/versions/2026-order-65.json'),
    'utf8',
  ),
) as Schema;
const form = version.form as Schema;
const group = (f: Schema, ...path: string[]) => path.reduce((s, k) => (s.properties as Schema)[k] as Schema, f);

describe('fieldsModel: the form of a version as fields an analyst edits', () => {
  test('the tree lists the fields in page order, groups with their children, each with its pointer', () => {
    const root = formTree(form);
    expect(root.children.map((c) => c.key)).toEqual([
      'applicant',
      'object',
      'request',
      'payment',
      'consentToPersonalData',
    ]);
    const kind = fieldAt(root, ['object', 'kind'])!;
    expect(kind).toMatchObject({ kind: 'choice', pointer: '/form/properties/object/properties/kind', unsupported: [] });
    expect(fieldAt(root, ['object', 'cadastralNumber'])!.kind).toBe('text');
    expect(fieldAt(root, ['object', 'totalArea'])!).toMatchObject({ kind: 'number', unsupported: [] });
    expect(fieldAt(root, ['request', 'phoneLinkedToPortal'])!.kind).toBe('boolean');
    expect(root.kind).toBe('group');
  });

  test.each([
    ['a text', 'text', [], { type: 'string', maxLength: 3 }],
    ['a date', 'date', [], { type: 'string', format: 'date' }],
    ['a text with an e-mail format the panel does not offer', 'text', ['format'], { type: 'string', format: 'email' }],
    ['a pattern', 'text', ['pattern'], { type: 'string', pattern: '^a$' }],
    ['a oneOf', null, ['oneOf'], { oneOf: [{ const: 'a' }] }],
    ['an array', null, ['type', 'items'], { type: 'array', items: {} }],
    ['an $include', null, ['$include'], { $include: 'x.json#/a' }],
    ['an odd source', 'boolean', ['x-source'], { type: 'boolean', 'x-source': 'robot' }],
    [
      "the applicant's identity, part of the summary",
      'text',
      [],
      { type: 'string', 'x-identity': 'iin', 'x-summary': true },
    ],
    ['a consent the form requires', 'boolean', [], { type: 'boolean', const: true }],
    ['not an object', null, ['$include'], 'nonsense'],
  ])('%s: kind %p, read only for %p', (_what, kind, odd, schema) => {
    expect(kindOf(schema)).toBe(kind);
    expect(unsupportedKeywords(schema)).toEqual(odd);
  });

  test('a new key is latin camelCase and unique in its group', () => {
    const object = group(form, 'object');
    expect(keyProblem(object, '')).toBe('empty');
    expect(keyProblem(object, 'Floor')).toBe('format');
    expect(keyProblem(object, 'этаж')).toBe('format');
    expect(keyProblem(object, 'floor-no')).toBe('format');
    expect(keyProblem(object, 'kind')).toBe('taken');
    expect(keyProblem(object, 'floorNumber')).toBeNull();
  });

  test('requirements: always, when a sibling has a value (if/then), never, and complex where JSON decides', () => {
    expect(requirementOf(group(form, 'object'), 'cadastralNumber')).toEqual({ mode: 'always' });
    expect(requirementOf(group(form, 'object'), 'totalArea')).toEqual({ mode: 'when', field: 'kind', value: 'other' });
    expect(requirementOf(group(form, 'applicant'), 'iin')).toEqual({
      mode: 'when',
      field: 'kind',
      value: 'individual',
    });
    expect(requirementOf(group(form, 'payment'), 'receiptCopy')).toEqual({ mode: 'never' });
    // The rule also fixes the value (const true): more than a requirement.
    expect(requirementOf(group(form, 'request'), 'phoneLinkedToPortal')).toEqual({ mode: 'complex' });
    expect(requirementOf({ anyOf: [{ required: ['a'] }, { required: ['b'] }] }, 'a')).toEqual({ mode: 'complex' });
  });

  test('setting a requirement moves the key between required and the if/then rules, one rule per condition', () => {
    const object = group(form, 'object');
    // totalArea always required: out of the rule, which is then empty and goes.
    const always = setRequirement(object, 'totalArea', { mode: 'always' });
    expect(always.required).toEqual(['cadastralNumber', 'kind', 'totalArea']);
    expect(always.if).toBeUndefined();
    expect(always.then).toBeUndefined();
    // cadastralNumber required when kind is "other": joins the existing rule.
    const when = setRequirement(object, 'cadastralNumber', { mode: 'when', field: 'kind', value: 'other' });
    expect(when.required).toEqual(['kind']);
    expect(when.then).toEqual({ required: ['totalArea', 'cadastralNumber'] });
    // Another value: the own if/then is taken, so a rule of allOf.
    const apartment = setRequirement(object, 'cadastralNumber', { mode: 'when', field: 'kind', value: 'apartment' });
    expect(apartment.allOf).toEqual([
      { if: { properties: { kind: { const: 'apartment' } } }, then: { required: ['cadastralNumber'] } },
    ]);
    expect(requirementOf(apartment, 'cadastralNumber')).toEqual({ mode: 'when', field: 'kind', value: 'apartment' });
    // Back to never: the allOf entry goes with its last field, and the group is as it was but for `required`.
    const never = setRequirement(apartment, 'cadastralNumber', { mode: 'never' });
    expect(never).toEqual({ ...object, required: ['kind'] });
    // In the applicant group the rules live in allOf: iin made always required leaves the bin rule alone.
    const applicant = setRequirement(group(form, 'applicant'), 'iin', { mode: 'always' });
    expect(applicant.allOf).toEqual([(group(form, 'applicant').allOf as unknown[])[1]]);
    // A complex requirement is never rewritten.
    const request = group(form, 'request');
    expect(setRequirement(request, 'phoneLinkedToPortal', { mode: 'never' })).toBe(request);
  });

  test('a condition tests a choice or a yes/no field of the same group', () => {
    expect(conditionFields(group(form, 'object'), 'totalArea')).toEqual([
      {
        key: 'kind',
        values: ['apartment', 'dormitory-room', 'individual-house', 'individual-garage', 'dacha-building', 'other'],
      },
    ]);
    expect(conditionFields(group(form, 'request'), 'signedWith')).toEqual([
      { key: 'phoneLinkedToPortal', values: [true, false] },
    ]);
  });

  test('options are added, renamed, moved and removed with their labels', () => {
    const kind = group(form, 'object', 'kind');
    expect(optionProblem(kind, 'garage-box')).toBeNull();
    expect(optionProblem(kind, 'other')).toBe('taken');
    expect(optionProblem(kind, 'other', 'other')).toBeNull();
    expect(optionProblem(kind, 'Гараж')).toBe('format');
    const added = addOption(kind, 'garage-box');
    expect((added.enum as string[]).at(-1)).toBe('garage-box');
    expect((added['x-enumLabels'] as Schema)['garage-box']).toEqual({ kk: '', ru: '' });
    const renamed = renameOption(added, 'garage-box', 'parking-place');
    expect((renamed.enum as string[]).at(-1)).toBe('parking-place');
    expect(Object.keys(renamed['x-enumLabels'] as Schema).at(-1)).toBe('parking-place');
    const moved = moveOption(renamed, 'parking-place', -1);
    expect((moved.enum as string[]).slice(-2)).toEqual(['parking-place', 'other']);
    expect(Object.keys(moved['x-enumLabels'] as Schema).slice(-2)).toEqual(['parking-place', 'other']);
    expect(removeOption(moved, 'parking-place')).toEqual(kind);
  });

  test('a kind change keeps label, help, source and citation and drops what belonged to the old kind', () => {
    const area = group(form, 'object', 'totalArea');
    const text = changeKind(area, 'text');
    expect(text).toEqual({ type: 'string', 'x-label': area['x-label'], 'x-legalRef': area['x-legalRef'] });
    expect(changeKind(area, 'number')).toBe(area);
    expect(changeKind(text, 'choice')).toMatchObject({ type: 'string', enum: [], 'x-enumLabels': {} });
  });

  test('fields are added at the end of a group, moved in page order, and removed with their requirement', () => {
    const label = { kk: 'Қабат', ru: 'Этаж' };
    const added = addField(form, ['object'], 'floor', { ...schemaOfKind('text'), 'x-label': label });
    expect(Object.keys(group(added, 'object').properties as Schema)).toEqual([
      'cadastralNumber',
      'kind',
      'totalArea',
      'floor',
    ]);
    // Everything else is the same object: the draft's diff sees one change.
    expect(added.properties).not.toBe(form.properties);
    expect(group(added, 'applicant')).toBe(group(form, 'applicant'));
    const moved = moveField(added, ['object', 'floor'], -1);
    expect(Object.keys(group(moved, 'object').properties as Schema)).toEqual([
      'cadastralNumber',
      'kind',
      'floor',
      'totalArea',
    ]);
    expect(moveField(moved, ['object', 'cadastralNumber'], -1)).toEqual(moved);
    const relabelled = editField(moved, ['object', 'floor'], (f) => ({ ...f, maxLength: 3 }));
    expect(group(relabelled, 'object', 'floor')).toEqual({ type: 'string', 'x-label': label, maxLength: 3 });
    // totalArea removed: out of the properties and of its if/then rule.
    const removed = removeField(form, ['object', 'totalArea']);
    expect(Object.keys(group(removed, 'object').properties as Schema)).toEqual(['cadastralNumber', 'kind']);
    expect(group(removed, 'object').if).toBeUndefined();
  });

  test('a field that decides another one’s requirement is known, and so are its uses elsewhere in the version', () => {
    expect(dependentsOf(group(form, 'object'), 'kind')).toEqual(['totalArea']);
    expect(dependentsOf(group(form, 'request'), 'signedWith')).toEqual(['phoneLinkedToPortal']);
    expect(dependentsOf(group(form, 'object'), 'totalArea')).toEqual([]);
    // The option "other" of the kind of object decides the total area: it is kept while that condition stands.
    expect(testedValues(group(form, 'object'), 'kind')).toEqual({ other: ['totalArea'] });
    expect(testedValues(group(form, 'applicant'), 'kind')).toEqual({ individual: ['iin'], 'legal-entity': ['bin'] });
    const uses = usesOfField(version, ['object', 'kind']).map(([section]) => section);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses).not.toContain('form');
    expect(usesOfField(version, ['object', 'noSuchField'])).toEqual([]);
  });

  test('the forms the editor writes compile in the engine (a new text, a choice, a conditional requirement)', () => {
    let next = addField(form, ['object'], 'floor', {
      ...schemaOfKind('integer'),
      'x-label': { kk: 'Қабат', ru: 'Этаж' },
    });
    next = editField(next, ['object', 'floor'], (f) => ({ ...f, minimum: 1 }));
    next = editGroup(next, ['object'], (g) =>
      setRequirement(g, 'floor', { mode: 'when', field: 'kind', value: 'apartment' }),
    );
    const compiled = createFormCompiler().compile(next);
    const data = {
      applicant: { kind: 'individual', iin: '900101300017', fullName: 'A' },
      object: { cadastralNumber: '20-321-001-123', kind: 'apartment' },
      request: { signedWith: 'eds' },
      payment: { viaGateway: true },
      consentToPersonalData: true,
    };
    expect(compiled.validate(data, 'en').map((e) => e.pointer)).toEqual(['/object/floor']);
    expect(compiled.validate({ ...data, object: { ...data.object, floor: 2 } }, 'en')).toEqual([]);
    expect(compiled.validate({ ...data, object: { ...data.object, kind: 'other', totalArea: 5 } }, 'en')).toEqual([]);
  });
});
