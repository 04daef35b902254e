import type { MachineDef } from '@qyzmet/engine';

/**
 * The HTTP API keeps the field names it has always had (its OpenAPI document, and the clients built on it), while the
 * definition format says one word per concept: a thing's short name is its `label` (the API: `name`, for a document
 * `title`), an explanation in our words is its `description` (the API: a fact's `text`). These functions copy the
 * parts of a definition the API hands out into the API's words; nothing else is changed.
 */

/** `label` → `name` (or another key), keeping the key's place among the others. */
function renamed<T extends object>(value: T, from: string, to: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === from ? to : k, v]));
}

interface PartyLike {
  label: unknown;
  units?: Array<{ label: unknown }>;
}

/** A provider, recipient or channel: `name`, and `name` of each unit. */
export function partyInApiWords(party: PartyLike): Record<string, unknown> {
  const out = renamed(party, 'label', 'name');
  if (party.units) out.units = party.units.map((u) => renamed(u, 'label', 'name'));
  return out;
}

/** The service form, fee, schedule or appeal: its explanation is `text`. */
export function factInApiWords<T extends object>(fact: T | undefined): Record<string, unknown> | null {
  return fact ? renamed(fact, 'description', 'text') : null;
}

/** A variant or a deadline: `name`. */
export function namedInApiWords(element: { label: unknown }): Record<string, unknown> {
  return renamed(element, 'label', 'name');
}

/** The step machine: `name` of each role, event, state and timer. */
export function machineInApiWords(machine: MachineDef): Record<string, unknown> {
  const each = <T extends object>(map: Record<string, T> | undefined, f: (x: T) => Record<string, unknown>) =>
    map && Object.fromEntries(Object.entries(map).map(([k, v]) => [k, f(v)]));
  return {
    ...machine,
    ...(machine.roles ? { roles: each(machine.roles, (r) => renamed(r, 'label', 'name')) } : {}),
    ...(machine.events ? { events: each(machine.events, (e) => renamed(e, 'label', 'name')) } : {}),
    states: each(machine.states, (s) => {
      const state = renamed(s, 'label', 'name');
      if (s.timers) state.timers = s.timers.map((t) => renamed(t, 'label', 'name'));
      return state;
    }),
  };
}
