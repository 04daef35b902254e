import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, Ground, I18n, LegalRef, NamedCondition } from '../format/types';
import { getAtPointer, getAtSegments, parsePointer } from '../format/jsonPointer';

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
  /** The same evaluation by json-rules-engine's own run (slower): the reference `evaluate` is tested against. */
  evaluateByEngine(facts: Facts): Promise<Evaluation>;
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

/** A leaf condition: a fact at a path compared by an operator. */
type Leaf = { fact: string; path?: string; operator: string; value: unknown };

/** A condition as json-rules-engine reads it (toEngineTree's output). */
type EngineNode = { all: EngineNode[] } | { any: EngineNode[] } | { not: EngineNode } | { condition: string } | Leaf;

/** An operator of the engine (its `evaluate` applies the operator's fact-value validator, then the operator). */
interface EngineOperator {
  evaluate(factValue: unknown, compareTo: unknown): unknown;
}

/** What a rule set reads of an Engine that its typings leave out: its operator table (built-ins and ours). */
interface EngineInternals {
  operators: { get(name: string): EngineOperator | null };
}

/** One evaluation of a rule set: the facts and the named conditions already evaluated (or under way) on them. */
interface RunContext {
  facts: Facts;
  named: Map<string, unknown>;
}

const UNDER_WAY = Symbol('under way');

/** A json-rules-engine leaf, compiled once: its path parsed, its operator looked up. */
interface CompiledLeaf {
  /** The path parsed (undefined without a path, or when malformed: it then fails when read, as in the engine). */
  segments?: readonly string[];
  op: EngineOperator | null;
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';

/**
 * The value of a fact at a path, as json-rules-engine's almanac gives it with allowUndefinedFacts and our pointer
 * resolver: an unknown fact is undefined; a path into a non-object is the value itself.
 */
function factAt(facts: Facts, fact: string, path: string | undefined, segments?: readonly string[]): unknown {
  const value = Object.hasOwn(facts, fact) ? (facts as unknown as Record<string, unknown>)[fact] : undefined;
  if (!path || !isObject(value)) return value;
  return segments ? getAtSegments(value, segments) : getAtPointer(value, path);
}

function compileLeaf(node: Leaf, engine: EngineInternals): CompiledLeaf {
  let segments: string[] | undefined;
  try {
    segments = node.path ? parsePointer(node.path) : undefined;
  } catch {
    segments = undefined;
  }
  return { segments, op: engine.operators.get(node.operator) };
}

/**
 * The rules of a version evaluated as json-rules-engine's run evaluates them, without its per-run machinery: the
 * engine keeps the rules, their conditions and the operators (built once per version), and a run walks the same
 * trees synchronously instead of cloning every rule's conditions into a result, resolving each fact through a
 * promise and emitting events. `evaluateByEngine` (the engine's own run) is the reference it is tested against.
 *
 * Semantics kept from json-rules-engine 7: every leaf of a rule is evaluated (no priorities, so no short cut); `all`
 * and `any` of one condition give that condition's own result, of none `true`; a boolean node holds when its result
 * is exactly `true`; a rule fires when its result is truthy; a reference evaluates the named condition in its place.
 */
class FastRules {
  private readonly leaves = new Map<object, CompiledLeaf>();

  constructor(
    private readonly engine: EngineInternals,
    private readonly trees: Map<string, EngineNode>,
  ) {}

  private leaf(node: Leaf): CompiledLeaf {
    let c = this.leaves.get(node);
    if (!c) this.leaves.set(node, (c = compileLeaf(node, this.engine)));
    return c;
  }

  /** A leaf's fact value, as the engine's almanac reads it. */
  private actual(node: Leaf, ctx: RunContext): unknown {
    return factAt(ctx.facts, node.fact, node.path, this.leaf(node).segments);
  }

  /** A leaf's result for its fact value, as Condition.evaluate computes it. */
  private compare(node: Leaf, actual: unknown, ctx: RunContext): unknown {
    const { op } = this.leaf(node);
    if (!op) throw new Error(`Unknown operator: ${node.operator}`);
    const v = node.value;
    const expected = isObject(v) && Object.hasOwn(v, 'fact') ? factAt(ctx.facts, String(v.fact), v.path as string) : v;
    return op.evaluate(actual, expected);
  }

  /** The named condition's tree, or the engine's error for an unknown one (allowUndefinedConditions: false). */
  private namedTree(name: string): EngineNode {
    const tree = this.trees.get(name);
    if (!tree) throw new Error(`No condition ${name} exists`);
    return tree;
  }

  /** A named condition's own result (its rule's), evaluated once per run for its rule and every reference. */
  named(name: string, ctx: RunContext): unknown {
    const known = ctx.named.get(name);
    if (known === UNDER_WAY) throw new Error(`condition ${name} refers to itself through other conditions`);
    if (known !== undefined) return known;
    ctx.named.set(name, UNDER_WAY);
    const r = this.root(this.namedTree(name), ctx);
    ctx.named.set(name, r);
    return r;
  }

  /** A node inside a rule (the engine's evaluateCondition); a reference stands for the named condition's root. */
  private node(n: EngineNode, ctx: RunContext): unknown {
    if ('condition' in n) {
      const r = this.named(n.condition, ctx);
      return 'condition' in this.namedTree(n.condition) ? r : r === true;
    }
    if ('fact' in n) return this.compare(n, this.actual(n, ctx), ctx);
    return this.combine(n, ctx) === true;
  }

  /** all / any / not of a node's children (the engine's prioritizeAndRun, every child evaluated). */
  private combine(n: { all: EngineNode[] } | { any: EngineNode[] } | { not: EngineNode }, ctx: RunContext): unknown {
    if ('not' in n) return !this.node(n.not, ctx);
    const list = 'all' in n ? n.all : n.any;
    if (list.length === 0) return true;
    if (list.length === 1) return this.node(list[0], ctx);
    let all = true;
    let any = false;
    for (const c of list) {
      const held = this.node(c, ctx) === true;
      all &&= held;
      any ||= held;
    }
    return 'all' in n ? all : any;
  }

  /** A rule's root, as Rule.evaluate takes it (all / any / not at once, a reference realized); fires when truthy. */
  root(root: EngineNode, ctx: RunContext): unknown {
    return 'condition' in root || 'fact' in root ? this.node(root, ctx) : this.combine(root, ctx);
  }

  /** The tree json-rules-engine's result carries (leaves with result and factResult), for the facts that fired. */
  resultTree(n: EngineNode, ctx: RunContext, depth = 0): unknown {
    if (depth > 1000) throw new Error('condition references nest too deep');
    if ('condition' in n) return this.resultTree(this.namedTree(n.condition), ctx, depth + 1);
    if ('fact' in n) {
      const actual = this.actual(n, ctx);
      const result = this.compare(n, actual, ctx);
      // The engine gave each run its own copy of the condition; a value a caller keeps must not be the definition's.
      const value = isObject(n.value) ? (JSON.parse(JSON.stringify(n.value)) as unknown) : n.value;
      return { fact: n.fact, path: n.path, operator: n.operator, value, factResult: actual, result };
    }
    if ('not' in n) return { not: this.resultTree(n.not, ctx, depth + 1) };
    if ('all' in n) return { all: n.all.map((c) => this.resultTree(c, ctx, depth + 1)) };
    return { any: n.any.map((c) => this.resultTree(c, ctx, depth + 1)) };
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
  const trees = new Map(names.map((name) => [name, toEngineCondition(conditions[name].when)]));
  for (const name of names) engine.setCondition(name, trees.get(name)!);
  // The rules in one order: the named conditions, then the grounds (the act's order, as the notice lists them).
  const rules: Array<{ name: string; root: EngineNode; condition?: string; ground?: Ground }> = [];
  for (const name of names) {
    const root = toEngineCondition(conditions[name].when);
    engine.addRule({ name: CONDITION_PREFIX + name, conditions: root, event: { type: CONDITION_PREFIX + name } });
    rules.push({ name: CONDITION_PREFIX + name, root: root as EngineNode, condition: name });
  }
  for (const g of grounds) {
    const root = toEngineCondition(g.when);
    engine.addRule({ name: GROUND_PREFIX + g.id, conditions: root, event: { type: GROUND_PREFIX + g.id } });
    rules.push({ name: GROUND_PREFIX + g.id, root: root as EngineNode, ground: g });
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.name, i]));
  // The trace lists the rules by name (the order does not depend on the facts: sorted once).
  const traceOrder = rules.map((r, i) => ({ rule: r.name, i })).sort((a, b) => a.rule.localeCompare(b.rule));

  const fired = (g: Ground, tree: unknown): FiredGround => {
    const leaves: FiredFact[] = [];
    firedLeaves((tree as Record<string, unknown>) ?? {}, leaves);
    return {
      id: g.id,
      kind: g.kind ?? 'refusal',
      legalRef: g.legalRef,
      basis: g.basis,
      text: g.text,
      message: g.message ?? g.text,
      facts: leaves,
    };
  };
  /** Decisions, the grounds that fired in the definition's order, and the trace, from each rule's result. */
  const summarise = (results: boolean[], trees: unknown[]): Evaluation => {
    const decisions: Record<string, boolean> = {};
    const firedGrounds: FiredGround[] = [];
    rules.forEach((r, i) => {
      if (r.condition !== undefined) decisions[r.condition] = results[i];
      else if (results[i]) firedGrounds.push(fired(r.ground!, trees[i]));
    });
    decisions.anyRefusalGround = firedGrounds.some((g) => g.kind === 'refusal');
    decisions.anyReturnGround = firedGrounds.some((g) => g.kind === 'return');
    decisions.anyGround = firedGrounds.length > 0;
    const trace = traceOrder.map(({ rule, i }) => ({ rule, result: results[i] }));
    return { decisions, grounds: firedGrounds, trace };
  };

  const fast = new FastRules(engine as unknown as EngineInternals, trees as Map<string, EngineNode>);
  const readsApplicationFacts = JSON.stringify([conditions, grounds.map((g) => g.when)]).includes(
    '"fact":"application"',
  );
  return {
    conditionNames: names,
    readsApplicationFacts,
    async evaluate(facts) {
      const ctx: RunContext = { facts, named: new Map() };
      const results: boolean[] = [];
      const trees: unknown[] = [];
      for (const r of rules) {
        const result = Boolean(r.condition !== undefined ? fast.named(r.condition, ctx) : fast.root(r.root, ctx));
        results.push(result);
        // The facts that fired a ground are read from a result tree, built only for the grounds that fire.
        trees.push(result && r.ground ? fast.resultTree(r.root, ctx) : undefined);
      }
      return summarise(results, trees);
    },
    async evaluateByEngine(facts) {
      // Every rule ends in results or failureResults: those not among the results failed.
      const { results } = await engine.run({ ...facts });
      const outcome: boolean[] = rules.map(() => false);
      const trees: unknown[] = [];
      for (const r of results) {
        const i = ruleIndex.get(String(r.name))!;
        outcome[i] = true;
        trees[i] = r.conditions;
      }
      return summarise(outcome, trees);
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
