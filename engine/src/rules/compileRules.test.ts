import type { Condition, Ground, NamedCondition } from '../format/types';
import cases from './rules.cases.json';
import { BUILTIN_DECISIONS, compileRules, conditionReferences, type Facts } from './index';

/**
 * One runner for the table in rules.cases.json: conditions and grounds as a definition writes them, the facts the
 * engine passes, and what must come out (decisions, fired grounds in the definition's order, the facts that fired
 * each ground).
 */

interface ExpectedFact {
  fact: string;
  path?: string;
  actual?: unknown;
}

interface RuleCase {
  description: string;
  conditions?: Record<string, Condition>;
  grounds?: Array<{ id: string; kind?: 'refusal' | 'return'; when: Condition }>;
  facts: Partial<Record<keyof Facts, unknown>>;
  expect: {
    decisions?: Record<string, boolean>;
    grounds?: Array<{ id: string; kind?: 'refusal' | 'return'; facts?: ExpectedFact[] }>;
  };
}

const table = cases as unknown as RuleCase[];

/** Cases give only what they test; texts and legal references are filled in as a definition would have them. */
function toGround(g: NonNullable<RuleCase['grounds']>[number], i: number): Ground {
  return {
    id: g.id,
    ...(g.kind ? { kind: g.kind } : {}),
    when: g.when,
    text: { kk: `негіз ${i + 1}`, ru: `основание ${i + 1}` },
    message: { kk: `хабарлама ${g.id}`, ru: `сообщение ${g.id}` },
    legalRef: { act: 'law-state-services', article: '19-1', subparagraph: String(i + 1) },
  };
}

function toConditions(c: RuleCase['conditions']): Record<string, NamedCondition> {
  return Object.fromEntries(Object.entries(c ?? {}).map(([name, when]) => [name, { when }]));
}

function toFacts(f: RuleCase['facts']): Facts {
  return { data: {}, findings: {}, external: {}, application: {}, ...f } as Facts;
}

/** A fired fact as the case writes it: keys with undefined values dropped (JSON has no undefined). */
function shown(f: { fact: string; path?: string; actual: unknown }): ExpectedFact {
  return {
    fact: f.fact,
    ...(f.path !== undefined ? { path: f.path } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
  };
}

describe('compileRules (rules.cases.json)', () => {
  test('the table covers every operator of the meta-schema', () => {
    const used = new Set<string>();
    const walk = (c: unknown): void => {
      if (!c || typeof c !== 'object') return;
      const o = c as Record<string, unknown>;
      if (typeof o.operator === 'string') used.add(o.operator);
      for (const v of Object.values(o))
        if (typeof v === 'object') {
          if (Array.isArray(v)) v.forEach(walk);
          else walk(v);
        }
    };
    table.forEach((c) => walk([c.conditions, c.grounds]));
    const operators = [
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
    expect(operators.filter((o) => !used.has(o))).toEqual([]);
  });

  for (const c of table) {
    test(c.description, async () => {
      const grounds = (c.grounds ?? []).map(toGround);
      const rules = compileRules(toConditions(c.conditions), grounds);
      const result = await rules.evaluate(toFacts(c.facts));

      if (c.expect.decisions) {
        for (const [name, value] of Object.entries(c.expect.decisions)) {
          expect({ name, value: result.decisions[name] }).toEqual({ name, value });
        }
      }
      // Every named condition and every built-in gets a boolean decision, never undefined.
      for (const name of [...Object.keys(c.conditions ?? {}), ...BUILTIN_DECISIONS])
        expect(typeof result.decisions[name]).toBe('boolean');

      if (c.expect.grounds) {
        expect(result.grounds.map((g) => g.id)).toEqual(c.expect.grounds.map((g) => g.id));
        c.expect.grounds.forEach((want, i) => {
          const got = result.grounds[i];
          if (want.kind) expect(got.kind).toBe(want.kind);
          if (want.facts) expect(got.facts.map(shown)).toEqual(want.facts);
          // The ground carries its definition's legal basis and message, for the refusal notice.
          const def = grounds.find((g) => g.id === want.id)!;
          expect(got.legalRef).toEqual(def.legalRef);
          expect(got.message).toEqual(def.message);
        });
      }
    });
  }
});

describe('compileRules: beyond the table', () => {
  test('one compiled rule set evaluates many fact sets independently (no state kept between runs)', async () => {
    const rules = compileRules(
      { isLarge: { when: { fact: 'data', path: '/area', operator: 'greaterThan', value: 1000 } } },
      [{ id: 'too-large', text: { kk: 'к', ru: 'р' }, legalRef: { act: 'x' }, when: { condition: 'isLarge' } }],
    );
    const facts = (area: number): Facts => ({ data: { area }, findings: {}, external: {}, application: {} });
    const [a, b, c] = await Promise.all([
      rules.evaluate(facts(1500)),
      rules.evaluate(facts(10)),
      rules.evaluate(facts(2000)),
    ]);
    expect([a.decisions.isLarge, b.decisions.isLarge, c.decisions.isLarge]).toEqual([true, false, true]);
    expect(a.grounds[0].facts.map((f) => f.actual)).toEqual([1500]);
    expect(b.grounds).toEqual([]);
    expect(c.grounds[0].facts.map((f) => f.actual)).toEqual([2000]);
    // Running again after a reference was realized once gives the same answer (json-rules-engine mutates references).
    expect((await rules.evaluate(facts(1500))).grounds[0].facts.map((f) => f.actual)).toEqual([1500]);
  });

  test('a ground without a message uses its text as the message', async () => {
    const rules = compileRules({}, [
      {
        id: 'g',
        text: { kk: 'мәтін', ru: 'текст' },
        legalRef: { act: 'x', paragraph: '5' },
        when: { fact: 'findings', path: '/f', operator: 'isTrue', value: true },
      },
    ]);
    const r = await rules.evaluate({ data: {}, findings: { f: true }, external: {}, application: {} });
    expect(r.grounds[0].message).toEqual({ kk: 'мәтін', ru: 'текст' });
  });

  test('the trace lists every condition and ground with its result', async () => {
    const rules = compileRules({ a: { when: { fact: 'data', path: '/a', operator: 'equal', value: 1 } } }, [
      {
        id: 'g',
        text: { kk: 'к', ru: 'р' },
        legalRef: { act: 'x' },
        when: { fact: 'data', path: '/a', operator: 'equal', value: 2 },
      },
    ]);
    const r = await rules.evaluate({ data: { a: 1 }, findings: {}, external: {}, application: {} });
    expect(r.trace).toEqual([
      { rule: 'condition:a', result: true },
      { rule: 'ground:g', result: false },
    ]);
    expect(rules.conditionNames).toEqual(['a']);
  });

  test('conditionReferences lists every { condition } with its JSON Pointer', () => {
    const refs = conditionReferences(
      {
        all: [
          { condition: 'a' },
          { any: [{ not: { condition: 'b' } }, { fact: 'data', path: '/x', operator: 'equal', value: 1 }] },
        ],
      },
      '/conditions/c/when',
    );
    expect(refs).toEqual([
      { name: 'a', pointer: '/conditions/c/when/all/0/condition' },
      { name: 'b', pointer: '/conditions/c/when/all/1/any/0/not/condition' },
    ]);
  });
});
