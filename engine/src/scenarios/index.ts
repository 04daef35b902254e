export { runScenario } from './runScenario';
export type { ScenarioDifference, ScenarioOutcome } from './runScenario';
