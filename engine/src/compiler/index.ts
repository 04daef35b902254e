export { compileService, definitionValidator } from './compileService';
export type { CompileEnv, CompiledService, CompiledVersion, CompiledDocument } from './compileService';
export { resolveEffectiveFrom, addCalendarDays } from './effectivePeriod';
export { forEachLegalRef } from './checkReferences';
export { clauseCoverage } from './clauseCoverage';
export type { CoverageReport, ActCoverage, CoveredClause } from './clauseCoverage';
