export {
  startApplication,
  applyEvent,
  fireDueTimers,
  allowedEvents,
  nextTimerAt,
  registrationOf,
  recomputeDeadlines,
  eventDef,
} from './runApplication';
export type { DeadlineChange } from './runApplication';
export type { StartInput, StepOptions } from './runApplication';
export {
  simulate,
  simulationContract,
  versionInForce,
  describeVersions,
  validateApplicationData,
  checkApplicationData,
  formInvalidProblem,
} from './simulate';
export { checkSimulatedEvents, SIMULATED_EVENTS_LIMIT } from './simulatedEvents';
export type { SimulationResult, SimulateOptions } from './simulate';
export { renderIssuedDocument, groundsInWords } from './renderIssuedDocument';
export type { GroundInWords } from './renderIssuedDocument';
export { shownRegistration } from './applicationState';
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
