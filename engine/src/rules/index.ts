export { compileRules, conditionReferences, BUILTIN_DECISIONS } from './compileRules';
export type { Facts, FiredFact, FiredGround, RuleSet, RuleTrace, Evaluation } from './compileRules';
