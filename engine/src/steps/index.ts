export { buildStepMachine, timerEvent, START_EVENT, MAX_AUTOMATIC_STEPS } from './buildStepMachine';
export type { StepMachine, StepResult, TakenTransition } from './buildStepMachine';
export { alwaysCycles } from './alwaysCycles';
export { timerExpiresBefore, timerOnExit } from './stepTimers';
export type { PendingTimer } from './stepTimers';
