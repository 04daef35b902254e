export { assembleDefinition } from './assembleDefinition';
export type { AssembledDefinition, Location, ReadText } from './assembleDefinition';
export { parseJsonSource, locateInSource, offsetToLineColumn } from './parseJsonSource';
export type { JsonSource } from './parseJsonSource';
export { parsePointer, formatPointer, appendPointer, getAtPointer } from './jsonPointer';
export { joinPath, dirname } from './paths';
export type * from './types';
export { default as serviceSchema } from './service.schema.json';
export { default as scenarioSchema } from './scenario.schema.json';
