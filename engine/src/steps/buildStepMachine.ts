import { createMachine, getMicrosteps, type AnyStateMachine } from 'xstate';
import type { ConditionRef, MachineDef, TransitionDef } from '../format/types';
import { ProblemError } from '../errors/problem';
import { referenceHolds } from '../rules/conditionRef';

/**
 * The one adapter over XState v5 (STYLE.md): a definition's step machine becomes an XState machine, built once per
 * version, and driven only through XState's pure functions (resolveState, getMicrosteps). Guards read the decisions
 * the rules computed before the step; timers are not XState `after` delays but plain events (`timer:<id>`) that the
 * engine's scheduler sends at their due instant, so an application's state is plain JSON that can be stored.
 */

export const START_EVENT = 'qyzmet.start';
/**
 * Automatic steps one event may cause: a real chain is a handful of checks; the compiler rejects `always` cycles, and
 * this bound (XState's maxIterations) turns any loop that slips through into a problem instead of a hang.
 */
export const MAX_AUTOMATIC_STEPS = 100;
export const timerEvent = (timerId: string) => `timer:${timerId}`;

export interface TakenTransition {
  from: string;
  to: string;
  event: string;
  guard?: ConditionRef;
  automatic: boolean;
  def?: TransitionDef;
}

export interface StepResult {
  /** The states entered, in order (a chain of automatic transitions enters several). */
  entered: string[];
  transitions: TakenTransition[];
  state: string;
}

export interface StepMachine {
  machine: AnyStateMachine;
  /** The state the application enters on registration, after any automatic transitions. */
  start(decisions: Record<string, boolean>): StepResult;
  /** Sends an event; null when the current state does not accept it (or no guard holds). */
  send(state: string, event: string, decisions: Record<string, boolean>): StepResult | null;
  /** Events the state accepts now (guards evaluated). */
  acceptedEvents(state: string, decisions: Record<string, boolean>): string[];
  isFinal(state: string): boolean;
}

/** Distinct steps remembered per machine (state × event × guard decisions); a real machine has a few hundred. */
const MAX_REMEMBERED_STEPS = 4096;

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function guardOf(t: TransitionDef) {
  return t.guard ? { type: 'decision', params: t.guard } : undefined;
}

/** The decisions any guard of the machine reads. */
function guardNamesOf(def: MachineDef): Set<string> {
  const names = new Set<string>();
  for (const s of Object.values(def.states)) {
    for (const ts of Object.values(s.on ?? {})) for (const t of asArray(ts)) if (t.guard) names.add(t.guard.condition);
    for (const t of s.always ?? []) if (t.guard) names.add(t.guard.condition);
  }
  return names;
}

/**
 * @example
 *   const sm = buildStepMachine('svc', { initial: 'a', states: { a: { name, status: 'registered', on: { ACCEPT: {
 *     target: 'b' } } }, b: { name, status: 'approved', final: true } } });
 *   sm.send('a', 'ACCEPT', {})?.state // 'b'
 */
export function buildStepMachine(id: string, def: MachineDef): StepMachine {
  const states: Record<string, object> = {};
  for (const [name, s] of Object.entries(def.states)) {
    const on: Record<string, object[]> = {};
    for (const [event, ts] of Object.entries(s.on ?? {}))
      on[event] = asArray(ts).map((t) => ({ target: t.target, guard: guardOf(t) }));
    for (const timer of s.timers ?? []) if (timer.target) on[timerEvent(timer.id)] = [{ target: timer.target }];
    states[name] = {
      ...(s.final ? { type: 'final' } : {}),
      on,
      always: (s.always ?? []).map((t) => ({ target: t.target, guard: guardOf(t) })),
    };
  }
  const machine = createMachine(
    {
      id,
      initial: def.initial,
      context: { decisions: {} as Record<string, boolean> },
      states,
      options: { maxIterations: MAX_AUTOMATIC_STEPS },
    } as never,
    {
      guards: {
        decision: ({ context }: { context: { decisions: Record<string, boolean> } }, params: ConditionRef) =>
          referenceHolds(params, context.decisions),
      } as never,
    },
  );

  const transitionsOf = (state: string, event: string): TransitionDef[] => {
    const s = Object.hasOwn(def.states, state) ? def.states[state] : undefined;
    if (!s) return [];
    if (event.startsWith('timer:')) {
      const timer = (s.timers ?? []).find((t) => timerEvent(t.id) === event);
      return timer?.target ? [{ target: timer.target, legalRef: timer.legalRef }] : [];
    }
    return s.on && Object.hasOwn(s.on, event) ? asArray(s.on[event]) : [];
  };

  const microsteps = (state: string, event: string, decisions: Record<string, boolean>) => {
    const snapshot = machine.resolveState({ value: state, context: { decisions } });
    try {
      return getMicrosteps(machine, snapshot, { type: event } as never);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith('Infinite loop')) throw e;
      throw new ProblemError({
        code: 'machine.automaticLoop',
        kind: 'definition',
        message: `"${event}" in state "${state}" set off more than ${MAX_AUTOMATIC_STEPS} automatic ("always") steps of ${id}: the machine loops; its definition must be fixed`,
        params: { state, event, limit: MAX_AUTOMATIC_STEPS },
      });
    }
  };

  const resolve = (state: string, event: string, decisions: Record<string, boolean>): StepResult => {
    const steps = microsteps(state, event, decisions);
    const entered: string[] = [];
    const taken: TakenTransition[] = [];
    let current = state;
    steps.forEach(([snap], i) => {
      const value = String(snap.value);
      const isEventStep = i === 0 && event !== START_EVENT;
      if (value === current && !isEventStep) return;
      const candidates = isEventStep ? transitionsOf(current, event) : (def.states[current].always ?? []);
      const def_ = candidates.find((t) => t.target === value && referenceHolds(t.guard, decisions));
      taken.push({
        from: current,
        to: value,
        event: isEventStep ? event : 'always',
        guard: def_?.guard,
        automatic: !isEventStep,
        def: def_,
      });
      entered.push(value);
      current = value;
    });
    return { entered, transitions: taken, state: current };
  };

  // A step depends only on the state, the event and the decisions the guards read: XState's microsteps (a snapshot,
  // an actor scope per call) ran for every event of every application; each answer is now kept per machine, and
  // every caller gets its own copy.
  const guardNames = [...guardNamesOf(def)];
  const steps = new Map<string, StepResult>();
  const run = (state: string, event: string, decisions: Record<string, boolean>): StepResult => {
    let key = `${state}\u0000${event}\u0000`;
    for (const n of guardNames) key += referenceHolds({ condition: n }, decisions) ? '1' : '0';
    let r = steps.get(key);
    if (!r) {
      r = resolve(state, event, decisions);
      if (steps.size < MAX_REMEMBERED_STEPS) steps.set(key, r);
    }
    return { entered: [...r.entered], transitions: r.transitions.map((t) => ({ ...t })), state: r.state };
  };

  return {
    machine,
    start(decisions) {
      const r = run(def.initial, START_EVENT, decisions);
      return { ...r, entered: [def.initial, ...r.entered] };
    },
    send(state, event, decisions) {
      if (!transitionsOf(state, event).some((t) => referenceHolds(t.guard, decisions))) return null;
      return run(state, event, decisions);
    },
    acceptedEvents(state, decisions) {
      const s = Object.hasOwn(def.states, state) ? def.states[state] : undefined;
      return Object.keys(s?.on ?? {}).filter((e) =>
        transitionsOf(state, e).some((t) => referenceHolds(t.guard, decisions)),
      );
    },
    isFinal(state) {
      return Object.hasOwn(def.states, state) && Boolean(def.states[state].final);
    },
  };
}
