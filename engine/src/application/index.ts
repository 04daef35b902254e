export {
  startApplication,
  applyEvent,
  fireDueTimers,
  allowedEvents,
  nextTimerAt,
  registrationOf,
  recomputeDeadlines,
} from './runApplication';
export type { DeadlineChange } from './runApplication';
export type { StartInput } from './runApplication';
export { simulate, simulationContract, versionInForce, describeVersions, validateApplicationData } from './simulate';
export type { SimulationResult, SimulateOptions } from './simulate';
export { renderIssuedDocument } from './renderIssuedDocument';
export type {
  ApplicationState,
  ApplicationEvent,
  DeadlineState,
  TimerState,
  IssuedDocument,
  Refusal,
  HistoryEntry,
  TraceEntry,
  StepOutcome,
} from './applicationState';
