import type { Explanation } from '../calendar';
import type { Problem } from '../errors/problem';
import type { ConditionRef, Lang, Status } from '../format/types';
import type { FiredGround } from '../rules';
import type { ReasoningEntry } from './officerReasoning';

/**
 * The state of one application as plain JSON: what the runtime stores and restores, what simulate returns. The
 * XState snapshot is derived from it (state name + decisions), never stored separately.
 */

export interface DeadlineState {
  id: string;
  /** ISO instant with the local offset; null when the act gives no term the engine can compute. */
  dueAt: string | null;
  startedAt: string;
  duration: string;
  status: 'running' | 'suspended' | 'closed';
  suspendedAt?: string;
  /** Set once a suspension or an extension has moved the due instant: it no longer follows from start + duration. */
  adjusted?: boolean;
  /**
   * What moved the deadline since its start, in order: replayed on the new calendar after a calendar change (see
   * replayDeadline). Absent until the first move, and in states stored before it was recorded.
   */
  adjustments?: DeadlineAdjustment[];
  explanation: Explanation[];
}

/** A suspension, a resumption or an extension of a deadline, at an instant (ISO with offset). */
export type DeadlineAdjustment =
  { action: 'suspend'; at: string } | { action: 'resume'; at: string } | { action: 'extend'; at: string; by: string };

export interface TimerState {
  id: string;
  /** The state that set the timer; leaving the state cancels it. */
  state: string;
  dueAt: string;
  /** The transition the timer fires; absent for a step deadline that only marks the step overdue. */
  target?: string;
  /** A norm of one branch of the state (TimerDef.leadsTo): judged when the state is left, never fired. */
  leadsTo?: string[];
  overdue?: boolean;
}

export interface IssuedDocument {
  id: string;
  kind: string;
  title: Record<Lang, string>;
  issuedAt: string;
  state: string;
  /** The issued document's human-readable number (the runtime gives it: "<application number>-<n>"). */
  number?: string;
}

export interface Refusal {
  grounds: FiredGround[];
}

export interface HistoryEntry {
  at: string;
  event: string;
  actor: string;
  from: string;
  to: string;
}

export interface ApplicationState {
  id: string;
  /** The human-readable number, PROVIDER-SERVICE-YEAR-SEQUENCE (the runtime gives it at registration). */
  number?: string;
  serviceId: string;
  version: string;
  channel: string | null;
  arrivedAt: string;
  registeredAt: string;
  state: string;
  status: Status;
  data: Record<string, unknown>;
  findings: Record<string, unknown>;
  external: Record<string, unknown>;
  decisions: Record<string, boolean>;
  deadlines: DeadlineState[];
  timers: TimerState[];
  documents: IssuedDocument[];
  refusal: Refusal | null;
  /** The grounds that hold at the last evaluation (a preliminary decision cites them before a refusal). */
  grounds: FiredGround[];
  history: HistoryEntry[];
  /**
   * Set when the application ended in a state the definition marks `endsBeforeRegistration` (a portal request
   * rejected before the provider registered it): `registeredAt` then only dates the arrival, and what the engine shows
   * (simulate, documents, the API) has no registration instant.
   */
  endedBeforeRegistration?: true;
  /** The officers' reasoning, in order (absent until the first; a refusal prints it). */
  reasoning?: ReasoningEntry[];
  updatedAt: string;
}

/** One line of the trace: what the engine did and why, in order. */
export type TraceEntry =
  | { kind: 'form'; at: string; valid: boolean; errors: Problem[] }
  | {
      kind: 'registration';
      at: string;
      arrivedAt: string;
      registeredAt: string;
      rule: string;
      explanation: Explanation[];
    }
  | { kind: 'version'; at: string; version: string; effectiveFrom: string | null; effectiveTo: string | null }
  | { kind: 'rules'; at: string; decisions: Record<string, boolean>; grounds: Array<{ id: string; facts: unknown }> }
  | { kind: 'event'; at: string; event: string; actor: string; data?: Record<string, unknown> }
  | {
      kind: 'transition';
      at: string;
      from: string;
      to: string;
      event: string;
      actor: string;
      automatic: boolean;
      guard?: ConditionRef;
      legalRef?: unknown;
    }
  | {
      kind: 'deadline';
      at: string;
      id: string;
      action: 'start' | 'suspend' | 'resume' | 'extend' | 'close';
      dueAt: string | null;
      duration?: string;
      legalRef?: unknown;
      explanation: Explanation[];
    }
  | {
      kind: 'timer';
      at: string;
      id: string;
      state: string;
      action: 'set' | 'fire' | 'overdue' | 'cancel';
      dueAt: string;
      target?: string;
      legalRef?: unknown;
    }
  | { kind: 'document'; at: string; id: string; documentKind: string }
  | { kind: 'refusal'; at: string; grounds: string[] };

export interface StepOutcome {
  application: ApplicationState;
  trace: TraceEntry[];
}

export interface ApplicationEvent {
  type: string;
  /** ISO instant with offset. */
  at: string;
  actor?: string;
  data?: Record<string, unknown>;
}

/** The registration instant as shown to people and callers: none for an application that ended before registration. */
export function shownRegistration(
  app: Pick<ApplicationState, 'registeredAt' | 'endedBeforeRegistration'>,
): string | null {
  return app.endedBeforeRegistration ? null : app.registeredAt;
}
