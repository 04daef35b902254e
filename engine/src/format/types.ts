/**
 * The definition format, version 1, as TypeScript types. The meta-schema (service.schema.json) is the source of
 * truth; these types mirror it for the compiler. docs/definition-format.md explains each part with examples.
 */

import type { Status } from './applicationStatuses';

export type Lang = 'kk' | 'ru' | 'en';

/**
 * A text in kk and ru (en optional). The key that holds it says its kind, one word each (docs/definition-format.md,
 * "One word per kind of text"): `label` a short name, `description` an explanation in our words, `text` the act's
 * fixed wording, `message` what the applicant is told; an act's `title` is citation data.
 */
export interface I18n {
  kk: string;
  ru: string;
  en?: string;
  ruStatus?: 'official' | 'working-translation';
}

export interface LegalRef {
  act: string;
  article?: string;
  paragraph?: string;
  subparagraph?: string;
  part?: string;
  annex?: string;
  row?: string;
  step?: string;
  seed?: string;
  lines?: [number] | [number, number];
  quote?: string;
  note?: string;
}

export type EffectiveFrom =
  | string
  | { afterPublication: { act: string; calendarDays: number; legalRef?: LegalRef } }
  | { actEntersIntoForce: string };

export interface Act {
  type: string;
  issuer?: I18n;
  title: I18n;
  number?: string;
  date?: string;
  registration?: { number: string; date?: string };
  publication?: { date: string | null; source?: string; note?: string; earliest?: string };
  entryIntoForce?: EffectiveFrom;
  status: 'in-force' | 'pending' | 'repealed' | 'amended' | 'unknown';
  amends?: string[];
  repealedBy?: string;
  amendedBy?: string[];
  seed?: string;
  inSeeds?: boolean;
  url?: string;
  legalRef?: LegalRef;
  note?: string;
  clauses?: Clause[];
  /** The act approving this one (Rules, a regulation, a Standard approved by an order or a resolution). */
  approvedBy?: { act: string; annex?: string; paragraph?: string; legalRef?: LegalRef };
  /** How the law writes this act when citing it; kkGenitive precedes clause words ("…Қағидалардың 9-тармағының"). */
  citation?: ActCitation;
}

export interface ActCitation {
  kk: string;
  kkGenitive?: string;
  ru: string;
  ruStatus?: 'official' | 'working-translation';
}

/** One operative paragraph or annex row of an act, for the clause-coverage report. */
export interface Clause {
  id: string;
  article?: string;
  paragraph?: string;
  subparagraph?: string;
  annex?: string;
  row?: string;
  lines: [number] | [number, number];
  summary: string;
  status?: 'operative' | 'not-encoded' | 'not-applicable';
  reason?: string;
  services?: string[];
}

export interface Party {
  id: string;
  label: I18n;
  description?: I18n;
  units?: Array<{ id: string; label: I18n; legalRef?: LegalRef }>;
  legalRef?: LegalRef;
  /** Prefix of human-readable application numbers for this provider. */
  numberPrefix?: string;
}

export interface Fact {
  value: string | boolean | number;
  description?: I18n;
  legalRef?: LegalRef;
}

export interface NotEncoded {
  what: string;
  reason: string;
  citation?: LegalRef;
}

/**
 * The one way to refer to a named condition (or a built-in decision: anyRefusalGround, anyReturnGround, anyGround):
 * a name and an optional negation, e.g. { condition: 'isApartment', negate: true }. Guards, deadline cases and
 * variants hold only this; a rule may use it as a leaf.
 */
export interface ConditionRef {
  condition: string;
  negate?: boolean;
}

/** A json-rules-engine condition over the facts data, findings, external, application (paths are JSON Pointers). */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ConditionRef
  | { fact: FactName; path?: string; operator: string; value: unknown };

export type FactName = 'data' | 'findings' | 'external' | 'application';

export interface NamedCondition {
  description?: I18n;
  /** The fact, in words, that the condition holds (a Handlebars sentence per language). */
  fact?: I18n;
  when: Condition;
  legalRef?: LegalRef;
}

export interface Ground {
  id: string;
  text: I18n;
  message?: I18n;
  /** The fact that made the ground hold, one Handlebars sentence per language, printed in the refusal. */
  fact?: I18n;
  legalRef: LegalRef;
  basis?: LegalRef;
  decidedBy?: 'rule' | 'officer';
  kind?: 'refusal' | 'return';
  when: Condition;
}

/** Who may send an event; the meta-schema's `actor` enum lists the same (types.test.ts keeps them equal). */
export const ACTORS = [
  'applicant',
  'operator',
  'specialist',
  'executor',
  'head',
  'commission',
  'officer',
  'archive',
  'system',
  'gateway',
] as const;
export type Actor = (typeof ACTORS)[number];

// One list of statuses for the engine, the runtime and the UI: the type comes with the constant.
export type { Status };

export interface EventDef {
  label: I18n;
  roles: Actor[];
  records?: 'findings' | 'external' | 'none';
  data?: Record<string, unknown>;
  legalRef?: LegalRef;
}

export interface TransitionDef {
  target: string;
  guard?: ConditionRef;
  description?: I18n;
  legalRef?: LegalRef;
}

export interface Counting {
  start?: 'nextDay' | 'sameDay';
  end?: 'endOfWorkingDay' | 'endOfDay' | 'sameTime';
  /** Minutes and seconds as clock time, not working time (no pause for lunch, nights, days off). */
  clock?: true;
}

export interface TimerDef {
  id: string;
  after?: string;
  counting?: Counting;
  beforeDeadline?: { deadline: string; after: string };
  target?: string;
  /** The states whose branch this norm times: judged when the state is left for one of them (steps/stepTimers). */
  leadsTo?: string[];
  label?: I18n;
  legalRef: LegalRef;
}

export interface StateDef {
  label: I18n;
  status: Status;
  performer?: Actor;
  unit?: string;
  description?: I18n;
  final?: boolean;
  /** An application that ends here was never registered: no registration instant is shown, no term runs. */
  endsBeforeRegistration?: boolean;
  on?: Record<string, TransitionDef | TransitionDef[]>;
  always?: TransitionDef[];
  timers?: TimerDef[];
  documents?: string[];
  deadlines?: {
    suspend?: string[];
    resume?: string[];
    start?: string[];
    extend?: Array<{ deadline: string; by: string; legalRef?: LegalRef }>;
  };
  legalRef?: LegalRef;
}

export interface MachineDef {
  initial: string;
  roles?: Record<string, { label: I18n; legalRef?: LegalRef }>;
  events?: Record<string, EventDef>;
  states: Record<string, StateDef>;
}

export interface DeadlineCase {
  when?: ConditionRef;
  duration: string;
  counting?: Counting;
  legalRef: LegalRef;
  note?: string;
}

export interface DeadlineDef {
  id: string;
  label: I18n;
  start?: 'registration' | { state: string };
  cases?: DeadlineCase[];
  notEncoded?: NotEncoded;
  legalRef: LegalRef;
}

/**
 * A document's wording in one language: a Handlebars file (a path relative to the file that names it), or the text
 * itself — what an analyst's draft carries when the wording is edited in the workbench (no file to write).
 */
export type TemplateSource = string | { text: string };

export interface DocumentDef {
  id: string;
  label: I18n;
  kind: 'result' | 'refusal' | 'return' | 'notice' | 'receipt';
  templates: { kk: TemplateSource; ru: TemplateSource };
  ruStatus?: 'official' | 'working-translation';
  annexMissing?: string;
  legalRef: LegalRef;
}

export interface VariantDef {
  id: string;
  label: I18n;
  when?: ConditionRef;
  legalRef?: LegalRef;
}

/** One change of an amending act (RFC 6902 operation + the act item that makes it). */
export interface ChangeDef {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
  legalRef: LegalRef;
  note?: string;
}

export interface VersionDef {
  id: string;
  label?: I18n;
  /** The version this one amends; the materialised version keeps it, with the `changes` that made it. */
  basedOn?: string;
  changes?: ChangeDef[];
  producedBy: string[];
  effectiveFrom: EffectiveFrom;
  effectiveTo?: string | { actEntersIntoForce: string };
  partial?: string[];
  notEncoded?: NotEncoded[];
  replaces?: { text: string; legalRef?: LegalRef };
  variants?: VariantDef[];
  form: Record<string, unknown> & { type: 'object' };
  conditions?: Record<string, NamedCondition>;
  refusalGrounds?: Ground[];
  machine: MachineDef;
  deadlines: DeadlineDef[];
  documents?: DocumentDef[];
  notes?: Array<{ id?: string; text: string; legalRef?: LegalRef }>;
}

export interface ServiceDef {
  $schema?: string;
  formatVersion: 1;
  id: string;
  label: I18n;
  kind: 'state-service' | 'procedure';
  description?: I18n;
  seed?: string;
  acts: Record<string, Act>;
  legalBasis?: LegalRef[];
  providers: Party[];
  recipients: Party[];
  channels: Party[];
  serviceForm?: Fact;
  fee?: { paid: boolean; amount?: number; currency?: 'KZT'; description?: I18n; legalRef?: LegalRef };
  schedule: { id: string; description?: I18n; legalRef?: LegalRef };
  registration: { rule: 'next-working-day-after-hours' | 'immediate'; legalRef?: LegalRef; assumption?: I18n };
  /** Prefix of human-readable application numbers (PROVIDER-SERVICE-YEAR-SEQUENCE). */
  numberPrefix?: string;
  appeal?: Fact;
  notes?: Array<{ id?: string; text: string; legalRef?: LegalRef }>;
  versions: VersionDef[];
}

/** A scenario file (definitions/services/<id>/scenarios/*.json), a public contract of DESIGN.md. */
export interface ScenarioEvent {
  type: string;
  at: string;
  actor?: string;
  data?: Record<string, unknown>;
}

export interface Scenario {
  $schema?: string;
  name: string;
  description?: string;
  legalRefs?: LegalRef[];
  at: string;
  channel?: string;
  data: Record<string, unknown>;
  events: ScenarioEvent[];
  expect: {
    status: Status;
    state?: string;
    /** null: the application ended before registration (a state marked endsBeforeRegistration). */
    registeredAt?: string | null;
    version?: string;
    deadlines?: Record<string, string>;
    refusalGrounds?: string[];
    documents?: string[];
  };
}
