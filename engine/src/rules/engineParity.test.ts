import fc from 'fast-check';
import { compileOnDisk, listRepoDir, readRepoJson } from '../../../tests/definitions/servicesOnDisk';
import type { Condition, Ground, NamedCondition, Scenario } from '../format/types';
import { runScenario } from '../scenarios';
import { compileRules, type Facts, type RuleSet } from './index';

/**
 * `evaluate` walks the engine's condition trees itself instead of calling json-rules-engine's run (which clones every
 * rule's conditions per run); `evaluateByEngine` is that run. They must agree on everything: decisions, the grounds
 * that fire in their order, the facts that fired each, the trace.
 */

const FACTS = ['data', 'findings', 'external', 'application'] as const;
const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'exists',
  'isTrue',
  'isFalse',
];

const scalar = fc.oneof(
  fc.constantFrom(0, 1, 1000, 1000.01, -5, '', 'a', 'b', '12', 'apartment', true, false, null),
  fc.integer({ min: -3, max: 3 }),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.record({ b: scalar }, { noNullPrototype: true }) },
);
const factObject = fc.dictionary(fc.constantFrom('a', 'b', 'arr', 'n'), value, { maxKeys: 4, noNullPrototype: true });
const facts = fc.record({
  data: factObject,
  findings: factObject,
  external: factObject,
  application: factObject,
}) as unknown as fc.Arbitrary<Facts>;

const leaf = fc.record(
  {
    fact: fc.constantFrom(...FACTS),
    path: fc.constantFrom('', '/a', '/b', '/arr', '/n', '/a/b', '/missing'),
    operator: fc.constantFrom(...OPERATORS),
    // A value may also name another fact ({ fact, path }), which the engine reads in its place.
    value: fc.oneof(
      { weight: 6, arbitrary: value },
      { weight: 1, arbitrary: fc.constant({ fact: 'data', path: '/a' }) },
    ),
  },
  { requiredKeys: ['fact', 'operator', 'value'], noNullPrototype: true },
) as fc.Arbitrary<Condition>;

/** A condition tree that may refer to the named conditions `refs` (declared before it: no cycles). */
function tree(refs: string[]): fc.Arbitrary<Condition> {
  const ref = refs.length
    ? fc.record({ condition: fc.constantFrom(...refs), negate: fc.boolean() }, { noNullPrototype: true })
    : leaf;
  return fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      ref as fc.Arbitrary<Condition>,
      fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }, { noNullPrototype: true }),
      fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }, { noNullPrototype: true }),
      fc.record({ not: tie('node') }, { noNullPrototype: true }),
    ),
  })).node;
}

const ruleSet = fc
  .tuple(tree([]), tree(['c0']), tree(['c0', 'c1']), fc.array(tree(['c0', 'c1', 'c2']), { maxLength: 3 }))
  .map(([c0, c1, c2, whens]) => {
    const conditions: Record<string, NamedCondition> = { c0: { when: c0 }, c1: { when: c1 }, c2: { when: c2 } };
    const grounds: Ground[] = whens.map((when, i) => ({
      id: `g${i}`,
      ...(i % 2 ? { kind: 'return' as const } : {}),
      when,
      text: { kk: `негіз ${i}`, ru: `основание ${i}` },
      legalRef: { act: 'law-state-services', article: '19-1', subparagraph: String(i + 1) },
    }));
    return { conditions, grounds };
  });

/**
 * The evaluation, or that it failed: an operator throws on a value of the wrong kind (`in` with a number); which of
 * several failing rules the engine reports first depends on its promise scheduling, so only the failure is compared.
 */
const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    () => ({ failed: true }),
  );

describe('rules: evaluate agrees with json-rules-engine run', () => {
  test('random conditions, references, grounds and facts (every operator, fact references, empty all/any)', async () => {
    await fc.assert(
      fc.asyncProperty(ruleSet, fc.array(facts, { minLength: 1, maxLength: 3 }), async (def, factSets) => {
        const rules = compileRules(def.conditions, def.grounds);
        for (const f of factSets)
          expect(await outcome(rules.evaluate(f))).toStrictEqual(await outcome(rules.evaluateByEngine(f)));
      }),
      { numRuns: 400 },
    );
  });

  test('a fired fact value is the run’s own copy, not the definition’s', async () => {
    const list = ['a', 'b'];
    const rules = compileRules({}, [
      {
        id: 'g',
        text: { kk: 'к', ru: 'р' },
        legalRef: { act: 'x' },
        when: { fact: 'data', path: '/k', operator: 'in', value: list },
      },
    ]);
    const first = await rules.evaluate({ data: { k: 'a' }, findings: {}, external: {}, application: {} });
    (first.grounds[0].facts[0].value as string[]).push('mutated');
    expect(list).toEqual(['a', 'b']);
    const second = await rules.evaluate({ data: { k: 'b' }, findings: {}, external: {}, application: {} });
    expect(second.grounds[0].facts[0].value).toEqual(['a', 'b']);
  });
});

/** Every service on disk: each rule evaluation of each scenario's run is checked against the engine's own run. */
describe('rules: evaluate agrees with json-rules-engine on every service and scenario on disk', () => {
  const serviceIds = listRepoDir('definitions/services');

  /** The version's rules, each evaluation compared with the engine's (counted). */
  function checked(rules: RuleSet, count: { n: number }): RuleSet {
    return {
      ...rules,
      async evaluate(f) {
        const fast = await rules.evaluate(f);
        expect(fast).toStrictEqual(await rules.evaluateByEngine(f));
        count.n++;
        return fast;
      },
    };
  }

  test.each(serviceIds)('%s', async (serviceId) => {
    const { service } = compileOnDisk(serviceId);
    const count = { n: 0 };
    for (const v of service!.versions) (v as { rules: RuleSet }).rules = checked(v.rules, count);
    const dir = `definitions/services/${serviceId}/scenarios`;
    const files = listRepoDir(dir).filter((f) => f.endsWith('.json'));
    for (const f of files) await runScenario(service!, readRepoJson<Scenario>(`${dir}/${f}`));
    expect(files.length).toBeGreaterThan(0);
    expect(count.n).toBeGreaterThan(0);
  });
});
