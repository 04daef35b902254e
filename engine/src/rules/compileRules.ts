import { Engine, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, Ground, I18n, LegalRef, NamedCondition } from '../format/types';
import { getAtPointer } from '../format/jsonPointer';

/**
 * The one adapter over json-rules-engine (STYLE.md): conditions and refusal grounds of a version become one engine,
 * built once per version. Facts are plain objects computed before the run (form data, officer findings, data from
 * state systems, application facts); paths are JSON Pointers; no async facts are ever registered.
 */

export interface Facts {
  data: Record<string, unknown>;
  findings: Record<string, unknown>;
  external: Record<string, unknown>;
  application: Record<string, unknown>;
}

/** One leaf of a condition that held, with the value the fact had: the "facts that made it fire". */
export interface FiredFact {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  actual: unknown;
}

export interface FiredGround {
  id: string;
  kind: 'refusal' | 'return';
  legalRef: LegalRef;
  basis?: LegalRef;
  text: I18n;
  message: I18n;
  facts: FiredFact[];
}

export interface RuleTrace {
  rule: string;
  result: boolean;
}

export interface Evaluation {
  /** Named conditions and built-ins (anyRefusalGround, anyReturnGround, anyGround) → whether they hold. */
  decisions: Record<string, boolean>;
  grounds: FiredGround[];
  trace: RuleTrace[];
}

export interface RuleSet {
  evaluate(facts: Facts): Promise<Evaluation>;
  conditionNames: string[];
  /** Whether any condition reads the fact "application" (state, now, channel): then every step re-evaluates. */
  readsApplicationFacts: boolean;
}

export const BUILTIN_DECISIONS = ['anyRefusalGround', 'anyReturnGround', 'anyGround'] as const;

const CONDITION_PREFIX = 'condition:';
const GROUND_PREFIX = 'ground:';

/** Our tree in json-rules-engine's words: it has no `negate`, so a negated reference becomes { not: { condition } }. */
function toEngineTree(c: Condition): unknown {
  if ('all' in c) return { all: c.all.map(toEngineTree) };
  if ('any' in c) return { any: c.any.map(toEngineTree) };
  if ('not' in c) return { not: toEngineTree(c.not) };
  if ('condition' in c) return c.negate ? { not: { condition: c.condition } } : { condition: c.condition };
  return c;
}

function toEngineCondition(c: Condition): TopLevelCondition {
  // json-rules-engine wants a top-level all/any/not/condition: wrap a lone leaf.
  const tree = toEngineTree(c);
  return ('fact' in c ? { all: [tree] } : tree) as TopLevelCondition;
}

/** Whether a node of json-rules-engine's result tree held (leaves carry `result`; a leaf it skipped did not hold). */
function held(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const n = node as Record<string, unknown>;
  if (Array.isArray(n.all)) return (n.all as unknown[]).every(held);
  if (Array.isArray(n.any)) return (n.any as unknown[]).some(held);
  if (n.not) return !held(n.not);
  return n.result === true;
}

/** The leaves that made a node hold: every child of an `all`, only the children of an `any` that held. */
function firedLeaves(node: unknown, out: FiredFact[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (Array.isArray(n.all)) for (const c of n.all as unknown[]) firedLeaves(c, out);
  else if (Array.isArray(n.any)) for (const c of (n.any as unknown[]).filter(held)) firedLeaves(c, out);
  else if (n.not)
    return; // a negated branch holds because facts are absent: nothing to cite
  else if (typeof n.fact === 'string' && n.result === true) {
    out.push({
      fact: n.fact,
      path: n.path as string | undefined,
      operator: n.operator as string,
      value: n.value,
      actual: n.factResult,
    });
  }
}

/**
 * @example
 *   const rules = compileRules({ isApartment: { when: { fact: 'data', path: '/object/kind', operator: 'equal', value:
 *     'apartment' } } }, []);
 *   (await rules.evaluate({ data: { object: { kind: 'apartment' } }, findings: {}, external: {}, application: {}
 *     })).decisions.isApartment // true
 */
export function compileRules(conditions: Record<string, NamedCondition>, grounds: Ground[]): RuleSet {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    allowUndefinedConditions: false,
    pathResolver: (value: unknown, path: string) => getAtPointer(value, path),
  });
  engine.addOperator(
    'exists',
    (actual: unknown, expected: unknown) => (actual !== undefined && actual !== null) === expected,
  );
  engine.addOperator('isTrue', (actual: unknown) => actual === true);
  engine.addOperator('isFalse', (actual: unknown) => actual === false);

  const names = Object.keys(conditions);
  for (const name of names) engine.setCondition(name, toEngineCondition(conditions[name].when));
  for (const name of names)
    engine.addRule({
      name: CONDITION_PREFIX + name,
      conditions: toEngineCondition(conditions[name].when),
      event: { type: CONDITION_PREFIX + name },
    });
  const groundById = new Map(grounds.map((g) => [g.id, g]));
  for (const g of grounds)
    engine.addRule({
      name: GROUND_PREFIX + g.id,
      conditions: toEngineCondition(g.when),
      event: { type: GROUND_PREFIX + g.id },
    });

  const readsApplicationFacts = JSON.stringify([conditions, grounds.map((g) => g.when)]).includes(
    '"fact":"application"',
  );
  return {
    conditionNames: names,
    readsApplicationFacts,
    async evaluate(facts) {
      const { results, failureResults } = await engine.run({ ...facts });
      const decisions: Record<string, boolean> = {};
      for (const n of names) decisions[n] = false;
      const fired: FiredGround[] = [];
      const trace: RuleTrace[] = [];
      const record = (r: RuleResult, result: boolean) => {
        const name = String(r.name);
        trace.push({ rule: name, result });
        if (name.startsWith(CONDITION_PREFIX)) decisions[name.slice(CONDITION_PREFIX.length)] = result;
        else if (result && name.startsWith(GROUND_PREFIX)) {
          const g = groundById.get(name.slice(GROUND_PREFIX.length))!;
          const leaves: FiredFact[] = [];
          firedLeaves((r.conditions as unknown as Record<string, unknown>) ?? {}, leaves);
          fired.push({
            id: g.id,
            kind: g.kind ?? 'refusal',
            legalRef: g.legalRef,
            basis: g.basis,
            text: g.text,
            message: g.message ?? g.text,
            facts: leaves,
          });
        }
      };
      for (const r of results) record(r, true);
      for (const r of failureResults) record(r, false);
      // The definition's order of grounds is the act's order: keep it in the notice.
      const order = new Map(grounds.map((g, i) => [g.id, i]));
      fired.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      trace.sort((a, b) => a.rule.localeCompare(b.rule));
      decisions.anyRefusalGround = fired.some((g) => g.kind === 'refusal');
      decisions.anyReturnGround = fired.some((g) => g.kind === 'return');
      decisions.anyGround = fired.length > 0;
      return { decisions, grounds: fired, trace };
    },
  };
}

/** Every `{ condition: name }` reference inside a condition, for the compiler's cross-reference check. */
export function conditionReferences(
  c: Condition,
  pointer: string,
  out: Array<{ name: string; pointer: string }> = [],
): Array<{ name: string; pointer: string }> {
  if ('all' in c) c.all.forEach((x, i) => conditionReferences(x, `${pointer}/all/${i}`, out));
  else if ('any' in c) c.any.forEach((x, i) => conditionReferences(x, `${pointer}/any/${i}`, out));
  else if ('not' in c) conditionReferences(c.not, `${pointer}/not`, out);
  else if ('condition' in c) out.push({ name: c.condition, pointer: `${pointer}/condition` });
  return out;
}
