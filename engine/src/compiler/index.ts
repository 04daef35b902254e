export { compileService, definitionValidator } from './compileService';
export type { CompileEnv, CompiledService, CompiledVersion, CompiledDocument } from './compileService';
export { resolveEffectiveFrom } from './effectivePeriod';
export { forEachLegalRef } from './checkReferences';
export { clauseCoverage } from './clauseCoverage';
export type { CoverageReport, ActCoverage, CoveredClause } from './clauseCoverage';
export { amendmentReport, describeElement, describeActItem } from './amendmentReport';
export type { AmendmentLine } from './amendmentReport';
export { languageParity } from './languageParity';
