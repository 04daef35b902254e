import {
  conditionWhen,
  findingWhen,
  groundIdProblem,
  includedGroundId,
  readGroundFacts,
} from '../../admin-ui/src/analyst/editors/groundFacts';

describe('groundFacts: a ground’s `when` as the grounds form edits it', () => {
  test.each([
    [
      'an officer’s finding',
      { fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true },
      { kind: 'finding', finding: 'objectUnderArrest' },
    ],
    [
      'a named condition',
      { condition: 'isHousingObject' },
      { kind: 'condition', condition: 'isHousingObject', negate: false },
    ],
    [
      'a negated one',
      { condition: 'isHousingObject', negate: true },
      { kind: 'condition', condition: 'isHousingObject', negate: true },
    ],
    ['none yet', undefined, { kind: 'none' }],
    // Anything the two fields cannot say is left to the JSON section, never rewritten by the form.
    [
      'a finding read as false',
      { fact: 'findings', path: '/x', operator: 'isFalse', value: true },
      { kind: 'complex' },
    ],
    ['a nested finding path', { fact: 'findings', path: '/a/b', operator: 'isTrue', value: true }, { kind: 'complex' }],
    [
      'a data test',
      { fact: 'data', path: '/payment/viaGateway', operator: 'equal', value: false },
      { kind: 'complex' },
    ],
    ['a group', { any: [{ condition: 'a' }, { condition: 'b' }] }, { kind: 'complex' }],
    ['a reference with more keys', { condition: 'a', extra: 1 }, { kind: 'complex' }],
    ['not an object', 'isHousingObject', { kind: 'complex' }],
  ])('%s', (_name, when, expected) => {
    expect(readGroundFacts(when)).toEqual(expected);
  });

  test('written back in the format’s one spelling, and read again the same', () => {
    expect(findingWhen('objectUnderArrest')).toEqual({
      fact: 'findings',
      path: '/objectUnderArrest',
      operator: 'isTrue',
      value: true,
    });
    expect(conditionWhen('isHousingObject')).toEqual({ condition: 'isHousingObject' });
    expect(conditionWhen('isHousingObject', true)).toEqual({ condition: 'isHousingObject', negate: true });
    expect(readGroundFacts(findingWhen('objectUnderArrest'))).toEqual({
      kind: 'finding',
      finding: 'objectUnderArrest',
    });
    // An empty name leaves `when` out: the engine then names the missing rule instead of a rule that never fires.
    expect(findingWhen('')).toBeUndefined();
    expect(conditionWhen('')).toBeUndefined();
  });

  test.each([
    ['object-under-arrest', [], undefined],
    ['', [], 'empty'],
    ['Object-Under-Arrest', [], 'format'],
    ['object--arrest', [], 'format'],
    ['объект', [], 'format'],
    ['object-under-arrest', ['object-under-arrest'], 'taken'],
  ] as const)('the ground id %j among %j: %s', (id, others, expected) => {
    expect(groundIdProblem(id, others)).toBe(expected);
  });

  test('a shared ground is named by the pointer of its include', () => {
    expect(
      includedGroundId('../../../shared/grounds/law-state-services-art-19-1.json#/grounds/unreliable-documents'),
    ).toBe('unreliable-documents');
    expect(includedGroundId('grounds.json')).toBeUndefined();
    expect(includedGroundId(undefined)).toBeUndefined();
  });
});
