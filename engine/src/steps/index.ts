export { buildStepMachine, timerEvent, START_EVENT } from './buildStepMachine';
export type { StepMachine, StepResult, TakenTransition } from './buildStepMachine';
