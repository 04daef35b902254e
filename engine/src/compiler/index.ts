export { compileService, definitionValidator } from './compileService';
export type { CompileEnv, CompiledService, CompiledVersion, CompiledDocument } from './compileService';
export { resolveEffectiveFrom, addCalendarDays } from './effectivePeriod';
export { forEachLegalRef } from './checkReferences';
