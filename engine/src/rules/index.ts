export { compileRules, conditionReferences, BUILTIN_DECISIONS } from './compileRules';
export { referenceHolds, formatConditionRef } from './conditionRef';
export type { Facts, FiredFact, FiredGround, RuleSet, RuleTrace, Evaluation } from './compileRules';
