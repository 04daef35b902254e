import {
  instantOfLocal,
  toDottedDateTime,
  toLocalIso,
  type Condition,
  type Ground,
  type Scenario,
  type ScenarioEvent,
} from '@qyzmet/engine';

/**
 * Pure steps of the scenario editor: a scenario changed one field at a time (instants typed as wall-clock time of the
 * provider's zone, events reordered or moved with the submission), the officer findings a version's grounds read, and
 * the expectation set beside what a run produced.
 */

/** A `datetime-local` value ("YYYY-MM-DDTHH:mm") of an instant in a zone, or "" when it is not an instant. */
export function localInputOf(iso: string | undefined, zone: string): string {
  if (!iso) return '';
  try {
    return toLocalIso(iso, zone).slice(0, 16);
  } catch {
    return '';
  }
}

/** The ISO instant with the zone's offset ("2026-12-22T10:00:00+05:00") of a `datetime-local` value, or null. */
export function isoOfLocalInput(value: string, zone: string): string | null {
  try {
    return toLocalIso(instantOfLocal(value, zone), zone);
  } catch {
    return null;
  }
}

/** An instant as people read it here ("22.12.2026 10:00"), the text as it is when it is no instant. */
export function dotted(iso: string, zone: string): string {
  try {
    return toDottedDateTime(iso, zone);
  } catch {
    return iso;
  }
}

/**
 * The events moved by as much as the submission moved (a copy of a scenario on another day keeps its rhythm): each
 * event keeps its distance from the submission. Events whose instant does not parse stay as they are.
 */
export function shiftEvents(events: readonly ScenarioEvent[], from: string, to: string, zone: string): ScenarioEvent[] {
  const delta = Date.parse(to) - Date.parse(from);
  if (Number.isNaN(delta) || delta === 0) return [...events];
  return events.map((e) => {
    const ms = Date.parse(e.at);
    return Number.isNaN(ms) ? e : { ...e, at: toLocalIso(ms + delta, zone) };
  });
}

/** The instant an hour later, with the zone's offset (where a new event goes); the text as it is if no instant. */
export function hourAfter(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : toLocalIso(ms + 3_600_000, zone);
}

/** The list with item `i` swapped with its neighbour (`by` −1: up, +1: down); unchanged at the ends. */
export function moved<T>(items: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || j < 0 || i >= items.length || j >= items.length) return [...items];
  const next = [...items];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** An officer finding a ground reads, e.g. { key: "objectUnderArrest", value: true, ground }. */
export interface Finding {
  key: string;
  value: unknown;
  ground: Ground;
}

/** The leaves over the fact "findings" that make a condition hold, as the officer's event must record them. */
function findingLeaves(c: Condition | undefined): Array<{ key: string; value: unknown }> {
  if (!c || typeof c !== 'object') return [];
  if ('all' in c && Array.isArray(c.all)) return c.all.flatMap(findingLeaves);
  if ('any' in c && Array.isArray(c.any)) return c.any.flatMap(findingLeaves);
  if (!('fact' in c) || c.fact !== 'findings' || typeof c.path !== 'string') return [];
  const key = c.path.replace(/^\//, '');
  if (c.operator === 'isTrue') return [{ key, value: true }];
  if (c.operator === 'isFalse') return [{ key, value: false }];
  if (c.operator === 'equal') return [{ key, value: c.value }];
  return [];
}

/** The findings the version's grounds read (refusal and return), one per key, in the grounds' order. */
export function findingsOfGrounds(grounds: readonly Ground[] | undefined): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const ground of grounds ?? []) {
    if (!ground || typeof ground !== 'object' || !('when' in ground)) continue; // an unresolved $include
    for (const leaf of findingLeaves(ground.when)) {
      if (seen.has(leaf.key)) continue;
      seen.add(leaf.key);
      out.push({ ...leaf, ground });
    }
  }
  return out;
}

/** The event's data with a finding recorded (on) or taken out (off); no data at all when nothing is left. */
export function withFinding(
  data: Record<string, unknown> | undefined,
  finding: Pick<Finding, 'key' | 'value'>,
  on: boolean,
): Record<string, unknown> | undefined {
  const next = { ...(data ?? {}) };
  if (on) next[finding.key] = finding.value;
  else delete next[finding.key];
  return Object.keys(next).length ? next : undefined;
}

/** The officer's reasoning an event carries (`data.reasoning`, kk and/or ru), as the editor shows it. */
export function reasoningOf(data: Record<string, unknown> | undefined): { kk: string; ru: string } {
  const r = data?.reasoning;
  const text = r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : {};
  return {
    kk: typeof text.kk === 'string' ? text.kk : '',
    ru: typeof text.ru === 'string' ? text.ru : '',
  };
}

/**
 * The event's data with the officer's reasoning in one language written (or taken out when emptied), the other
 * language kept: the engine requires it on a finding after which a ground holds (a refusal must be motivated).
 */
export function withReasoning(
  data: Record<string, unknown> | undefined,
  lang: 'kk' | 'ru',
  text: string,
): Record<string, unknown> | undefined {
  const reasoning = { ...reasoningOf(data), [lang]: text };
  const kept = Object.fromEntries(Object.entries(reasoning).filter(([, v]) => v.trim() !== ''));
  const next = { ...(data ?? {}) };
  if (Object.keys(kept).length) next.reasoning = kept;
  else delete next.reasoning;
  return Object.keys(next).length ? next : undefined;
}

/** A scenario event with `data` left out when empty (the scenario format's shape). */
export function withEventData(e: ScenarioEvent, data: Record<string, unknown> | undefined): ScenarioEvent {
  const { data: _old, ...rest } = e;
  return data ? { ...rest, data } : rest;
}

/** A new scenario from scratch: nothing filled, no events, expecting only a registration. */
export function blankScenario(name: string, at: string): Scenario {
  return { name, description: '', at, data: {}, events: [], expect: { status: 'registered' } };
}

/**
 * A copy of a scenario under a new name (its file's schema reference and citations kept). Its description is left
 * empty for the analyst to write: the original's tells the facts of another case.
 */
export function copiedScenario(from: Scenario, name: string): Scenario {
  return { ...(JSON.parse(JSON.stringify(from)) as Scenario), name, description: '' };
}

const FILE_NUMBER = /^(\d+)-/;

/**
 * A file for a new scenario in the service's scenarios folder: the next number after the highest one, then the name in
 * Latin letters and digits ("30-apartment-on-22-12-2026.json"), or "new-scenario" when the name has none.
 */
export function newScenarioFile(dir: string, name: string, existing: readonly string[]): string {
  const base = (f: string) => f.slice(f.lastIndexOf('/') + 1);
  const highest = Math.max(0, ...existing.map((f) => Number(FILE_NUMBER.exec(base(f))?.[1] ?? 0)));
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'new-scenario';
  const taken = new Set(existing.map(base));
  for (let n = highest + 1; ; n++) {
    const file = `${String(n).padStart(2, '0')}-${slug}.json`;
    if (!taken.has(file)) return `${dir}/scenarios/${file}`;
  }
}
