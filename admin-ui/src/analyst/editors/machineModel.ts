import type { ConditionRef, MachineDef, StateDef, TimerDef, TransitionDef, VersionDef } from '@qyzmet/engine';

type NamedConditions = NonNullable<VersionDef['conditions']>;

/**
 * The step machine as the steps editor edits it: pure, immutable changes of a version's `machine` (each returns a new
 * machine and keeps every untouched object as it was, so the server's diff sees only the edit), and the checks the
 * analyst gets while typing an id. The meta-schema's patterns are repeated here so the message comes before a compile.
 */

/** A state id as the meta-schema's `$defs/id` wants it: lower-case latin words joined by '-' or '.'. */
export const STATE_ID = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
/** An event id as the meta-schema's `machine.events` keys: upper-case latin, digits and '_', e.g. SIGNED. */
export const EVENT_ID = /^[A-Z][A-Z0-9_]*$/;

export type IdError = 'empty' | 'format' | 'taken';

const statesOf = (m: MachineDef | undefined): Record<string, StateDef> =>
  m && m.states && typeof m.states === 'object' ? m.states : {};

/** Why a new state id cannot be used, or null. */
export function stateIdError(machine: MachineDef | undefined, id: string): IdError | null {
  if (!id) return 'empty';
  if (!STATE_ID.test(id)) return 'format';
  return Object.hasOwn(statesOf(machine), id) ? 'taken' : null;
}

/** Why a new event id cannot be added to a state, or null (an event declared for other states may be reused). */
export function eventIdError(machine: MachineDef | undefined, stateId: string, id: string): IdError | null {
  if (!id) return 'empty';
  if (!EVENT_ID.test(id)) return 'format';
  return Object.hasOwn(statesOf(machine)[stateId]?.on ?? {}, id) ? 'taken' : null;
}

/** One transition of a state's event, with its place in `on[event]` (null when written as a single object). */
export interface TransitionRow {
  index: number | null;
  transition: TransitionDef;
}

/** The transitions of one event of a state, whether `on[event]` is one object or a list; [] for odd data. */
export function transitionsOf(state: StateDef | undefined, event: string): TransitionRow[] {
  const on = state?.on?.[event];
  if (Array.isArray(on)) return on.filter(isTransition).map((transition, index) => ({ index, transition }));
  return isTransition(on) ? [{ index: null, transition: on }] : [];
}

function isTransition(x: unknown): x is TransitionDef {
  return !!x && typeof x === 'object' && typeof (x as TransitionDef).target === 'string';
}

/** The events a state reacts to, in the order written. */
export function eventsOf(state: StateDef | undefined): string[] {
  return state?.on && typeof state.on === 'object' ? Object.keys(state.on) : [];
}

/** The states that send an event (its label and roles are shared by all of them). */
export function statesUsingEvent(machine: MachineDef | undefined, event: string): string[] {
  return Object.entries(statesOf(machine))
    .filter(([, s]) => Object.hasOwn(s?.on ?? {}, event))
    .map(([id]) => id);
}

/** What points at a state from elsewhere in the machine: removing the state removes these too. */
export function referencesTo(
  machine: MachineDef | undefined,
  stateId: string,
): { transitions: number; timers: number } {
  let transitions = 0;
  let timers = 0;
  for (const [id, s] of Object.entries(statesOf(machine))) {
    if (id === stateId) continue;
    for (const ev of eventsOf(s))
      transitions += transitionsOf(s, ev).filter((r) => r.transition.target === stateId).length;
    transitions += (s.always ?? []).filter((x) => x?.target === stateId).length;
    timers += (s.timers ?? []).filter((x) => x?.target === stateId).length;
  }
  return { transitions, timers };
}

/** A new step: empty names to fill in, in progress, not final. */
export function addState(machine: MachineDef, id: string): MachineDef {
  const state: StateDef = { label: { kk: '', ru: '' }, status: 'in-progress' };
  return { ...machine, states: { ...statesOf(machine), [id]: state } };
}

/**
 * The machine without a state and without what led to it (transitions and timers' targets). The initial state is
 * never removed: the caller offers no button for it.
 */
export function removeState(machine: MachineDef, stateId: string): MachineDef {
  const states: Record<string, StateDef> = {};
  for (const [id, s] of Object.entries(statesOf(machine))) {
    if (id === stateId) continue;
    states[id] = withoutTargetsTo(s, stateId);
  }
  return { ...machine, states };
}

function withoutTargetsTo(s: StateDef, target: string): StateDef {
  let out = s;
  if (s.on) {
    let changed = false;
    const on: NonNullable<StateDef['on']> = {};
    for (const [ev, tr] of Object.entries(s.on)) {
      const kept = (Array.isArray(tr) ? tr : [tr]).filter((x) => x?.target !== target);
      if (kept.length === (Array.isArray(tr) ? tr.length : 1)) on[ev] = tr;
      else {
        changed = true;
        if (kept.length) on[ev] = Array.isArray(tr) ? kept : kept[0];
      }
    }
    if (changed) out = { ...out, on };
  }
  if (s.always?.some((x) => x?.target === target))
    out = { ...out, always: s.always.filter((x) => x?.target !== target) };
  if (s.timers?.some((x) => x?.target === target))
    out = {
      ...out,
      timers: s.timers.map((x) => {
        if (x?.target !== target) return x;
        // The step deadline stays (it still marks the step overdue); only its automatic move goes.
        const { target: _gone, ...rest } = x;
        return rest;
      }),
    };
  // A norm of one branch (leadsTo) loses that branch; with no branch left it times nothing and goes.
  if (out.timers?.some((x) => x?.leadsTo?.includes(target))) {
    const timers = out.timers.flatMap((x) => {
      if (!x?.leadsTo?.includes(target)) return [x];
      const leadsTo = x.leadsTo.filter((y) => y !== target);
      return leadsTo.length ? [{ ...x, leadsTo }] : [];
    });
    out = { ...out, timers };
    if (!timers.length) delete out.timers;
  }
  return out;
}

/**
 * A state reacting to an event: the event is declared for the machine if it is new (its names to fill in, the step's
 * performer or an officer allowed to send it), and leads to `target`.
 */
export function addEvent(machine: MachineDef, stateId: string, event: string, target: string): MachineDef {
  const state = statesOf(machine)[stateId];
  if (!state) return machine;
  const events = machine.events ?? {};
  const declared = Object.hasOwn(events, event)
    ? events
    : { ...events, [event]: { label: { kk: '', ru: '' }, roles: [state.performer ?? 'officer'] } };
  return {
    ...machine,
    events: declared,
    states: { ...statesOf(machine), [stateId]: { ...state, on: { ...(state.on ?? {}), [event]: { target } } } },
  };
}

/** A state no longer reacting to an event; the event's declaration goes too when no other state uses it. */
export function removeEvent(machine: MachineDef, stateId: string, event: string): MachineDef {
  const state = statesOf(machine)[stateId];
  if (!state?.on || !Object.hasOwn(state.on, event)) return machine;
  const { [event]: _gone, ...on } = state.on;
  const next: StateDef = { ...state, on };
  if (!Object.keys(on).length) delete next.on;
  const states = { ...statesOf(machine), [stateId]: next };
  const out: MachineDef = { ...machine, states };
  if (machine.events && Object.hasOwn(machine.events, event) && !statesUsingEvent(out, event).length) {
    const { [event]: _decl, ...events } = machine.events;
    out.events = events;
  }
  return out;
}

/** A guard in words: the built-in decisions, a named condition with its description, or its name alone. */
export type GuardWords =
  | { kind: 'builtin'; name: 'anyRefusalGround' | 'anyReturnGround' | 'anyGround'; negate: boolean }
  | { kind: 'named'; name: string; negate: boolean; description?: string }
  | { kind: 'unknown'; name: string; negate: boolean };

const BUILTIN = ['anyRefusalGround', 'anyReturnGround', 'anyGround'] as const;

export function guardWords(
  guard: ConditionRef,
  conditions: NamedConditions | undefined,
  lang: 'kk' | 'ru' | 'en',
): GuardWords {
  const negate = !!guard.negate;
  const name = String(guard.condition ?? '');
  if ((BUILTIN as readonly string[]).includes(name))
    return { kind: 'builtin', name: name as (typeof BUILTIN)[number], negate };
  const named = conditions && Object.hasOwn(conditions, name) ? conditions[name] : undefined;
  if (!named) return { kind: 'unknown', name, negate };
  const d = named.description;
  const description = d ? (lang === 'en' ? (d.en ?? d.ru) : d[lang]) : undefined;
  return { kind: 'named', name, negate, ...(description ? { description } : {}) };
}

/** A duration of the format ("3 workingDays") as number and unit, or null when it is not one. */
export function splitDuration(d: string | undefined): { n: number; unit: string } | null {
  const m = /^(\d+) (\w+)$/.exec(d ?? '');
  return m ? { n: Number(m[1]), unit: m[2] } : null;
}

/** Why a new step-deadline id cannot be used, or null: the id format of the meta-schema, unused in the machine. */
export function timerIdError(machine: MachineDef | undefined, id: string): IdError | null {
  if (!id) return 'empty';
  if (!STATE_ID.test(id)) return 'format';
  const used = Object.values(statesOf(machine)).some((s) => (s?.timers ?? []).some((x) => x?.id === id));
  return used ? 'taken' : null;
}

/**
 * A new step deadline of one working day from entering the step, citing the step's own basis until the analyst picks
 * the clause that sets the term.
 */
export function addTimer(machine: MachineDef, stateId: string, id: string): MachineDef {
  const state = statesOf(machine)[stateId];
  if (!state) return machine;
  const timer: TimerDef = { id, after: '1 workingDays', legalRef: state.legalRef ?? { act: '' } };
  return {
    ...machine,
    states: { ...statesOf(machine), [stateId]: { ...state, timers: [...(state.timers ?? []), timer] } },
  };
}

/** A step without one of its deadlines (the list goes when it is empty). */
export function removeTimer(machine: MachineDef, stateId: string, index: number): MachineDef {
  const state = statesOf(machine)[stateId];
  if (!state?.timers?.[index]) return machine;
  const timers = state.timers.filter((_, i) => i !== index);
  const next: StateDef = { ...state, timers };
  if (!timers.length) delete next.timers;
  return { ...machine, states: { ...statesOf(machine), [stateId]: next } };
}
