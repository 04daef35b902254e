/**
 * @qyzmet/engine — the interpreter of Qyzmet service definitions. Pure: no I/O, no clock, no randomness; files,
 * time and ids come in as arguments. Runs in Node (runtime, CLI) and in the browser (admin UI).
 */

// Errors
export { ProblemError, isProblemError, domainError } from './errors/problem';
export type { Problem, ProblemKind } from './errors/problem';

// The definition format
export {
  assembleDefinition,
  appendVersion,
  parseJsonSource,
  locateInSource,
  offsetToLineColumn,
  parsePointer,
  formatPointer,
  appendPointer,
  getAtPointer,
  findTexts,
  joinPath,
  dirname,
  serviceSchema,
  scenarioSchema,
  sharedActsSchema,
  diffJson,
  changesBetween,
  VERSION_OWN_KEYS,
  APPLICATION_STATUSES,
  OPEN_STATUSES,
  FINAL_STATUSES,
  isStatus,
} from './format';
export type {
  AssembledDefinition,
  AssembleOptions,
  AppendedVersion,
  ChangeRecord,
  Location,
  ReadText,
  JsonSource,
  JsonChange,
  VersionProvenance,
} from './format';
export type {
  Act,
  ChangeDef,
  Condition,
  ConditionRef,
  Counting as CountingDef,
  DeadlineDef,
  DocumentDef,
  EffectiveFrom,
  EventDef,
  Ground,
  I18n,
  Lang,
  LegalRef,
  MachineDef,
  Scenario,
  ScenarioEvent,
  ServiceDef,
  StateDef,
  Status,
  TimerDef,
  TransitionDef,
  VersionDef,
} from './format/types';

// The compiler
export {
  compileService,
  definitionValidator,
  resolveEffectiveFrom,
  forEachLegalRef,
  inheritSeeds,
  checkQuotes,
  createQuoteChecker,
  missingFragment,
  clauseCoverage,
  amendmentReport,
  describeElement,
  describeActItem,
  languageParity,
} from './compiler';
export type {
  AmendmentLine,
  CompileEnv,
  CompiledService,
  CompiledVersion,
  CompiledDocument,
  CoverageReport,
  ReadSeed,
} from './compiler';

// Calendar and deadlines
export {
  compileWorkingTime,
  registrationInstant,
  addDuration,
  subtractWorkingDays,
  workingDaysBetween,
  workingTimeBetween,
  resumeDeadline,
  calendarYear,
  parseDuration,
  parseInstant,
  formatInstant,
  DURATION_UNITS,
  startOfCivilDay,
  instantOfLocal,
  toLocalIso,
  civilDateOf,
  localDateTimeOf,
  toDottedDateTime,
  KAZAKHSTAN_TIME_ZONE,
  addCalendarDays,
  daysInMonth,
  CALENDAR_HORIZON,
  isProvisional,
  lunarIsoDates,
} from './calendar';
export type {
  CalendarData,
  ScheduleData,
  ProductionCalendarData,
  WorkingTime,
  WorkingSpan,
  Counting,
  Duration,
  DurationUnit,
  Explanation,
  CalendarYear,
  CalendarMonth,
  CivilDateTime,
  Instant,
} from './calendar';

// Forms, rules, steps, documents
export { createFormCompiler, isValidIin, isValidBin, isKzPhone, isCadastralNumber } from './forms';
export type { CompiledForm, FormError, FieldInfo, IdentityKind } from './forms';
export { createSchemaValidator, usePrecompiledValidators } from './forms/schemaValidator';
export { precompiledValidatorsCode } from './forms/precompiledValidators';
export { precompiledFormCode } from './forms/precompiledForms';
export { FORM_CODE_OPTIONS, usePrecompiledForms } from './forms/createFormCompiler';
export { compileRules, referenceHolds, formatConditionRef } from './rules';
export type { Facts, FiredGround, Evaluation } from './rules';
export { buildStepMachine } from './steps';
export {
  createDocumentRenderer,
  renderDocument,
  REFUSAL_NOTICE_TEMPLATES,
  formatDate,
  formatMoney,
  formatLegalRef,
} from './documents';

// Applications, simulation, scenarios
export {
  startApplication,
  applyEvent,
  fireDueTimers,
  allowedEvents,
  nextTimerAt,
  registrationOf,
  recomputeDeadlines,
  eventDef,
  simulate,
  simulationContract,
  versionInForce,
  describeVersions,
  validateApplicationData,
  checkApplicationData,
  formInvalidProblem,
  checkSimulatedEvents,
  SIMULATED_EVENTS_LIMIT,
  renderIssuedDocument,
  groundsInWords,
  shownRegistration,
} from './application';
export type {
  ApplicationState,
  ApplicationEvent,
  DeadlineState,
  TimerState,
  IssuedDocument,
  TraceEntry,
  StepOutcome,
  SimulationResult,
  SimulateOptions,
  GroundInWords,
} from './application';
export { summarizeApplication } from './application/summary';
export type { ApplicationSummary } from './application/summary';
export { runScenario } from './scenarios';
export type { ScenarioOutcome, ScenarioDifference } from './scenarios';
