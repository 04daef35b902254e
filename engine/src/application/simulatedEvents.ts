import { parseInstant } from '../calendar';
import { ProblemError } from '../errors/problem';
import { ACTORS } from '../format/types';
import type { ApplicationEvent } from './applicationState';

/**
 * The events of a simulation come from anyone (`POST /simulate` is anonymous): their number is capped, as each event
 * runs the rules and the step machine, and each is checked before any runs, so a malformed one is the caller's
 * located mistake instead of an exception deep in the calendar.
 */
export const SIMULATED_EVENTS_LIMIT = 1000;
/** An event type is an identifier of the definition; the longest real one is ~40 characters. */
export const EVENT_TYPE_MAX_LENGTH = 100;

interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** An ISO 8601 instant with an offset or Z, as the calendar reads it ("garbage", "1" and local times are not). */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseInstant(value);
    return true;
  } catch {
    return false;
  }
}

function eventErrors(event: unknown, at: string): FieldError[] {
  if (!isPlainObject(event)) return [{ pointer: at, code: 'type', message: `${at} must be an object {type, at}` }];
  const errors: FieldError[] = [];
  const { type, at: instant, actor, data } = event;
  if (typeof type !== 'string' || type.length === 0 || type.length > EVENT_TYPE_MAX_LENGTH)
    errors.push({
      pointer: `${at}/type`,
      code: 'type',
      message: `${at}/type must be the name of an event (a string of 1 to ${EVENT_TYPE_MAX_LENGTH} characters)`,
    });
  if (!isInstant(instant))
    errors.push({
      pointer: `${at}/at`,
      code: 'format',
      message: `${at}/at must be an ISO instant with an offset, e.g. 2026-03-03T10:00:00+05:00`,
    });
  if (actor !== undefined && !(ACTORS as readonly unknown[]).includes(actor))
    errors.push({ pointer: `${at}/actor`, code: 'enum', message: `${at}/actor must be one of ${ACTORS.join(', ')}` });
  if (data !== undefined && !isPlainObject(data))
    errors.push({ pointer: `${at}/data`, code: 'type', message: `${at}/data must be an object` });
  for (const key of Object.keys(event))
    if (!['type', 'at', 'actor', 'data'].includes(key))
      errors.push({
        pointer: `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        code: 'additionalProperties',
        message: `${at} has an unknown key; an event holds type, at, actor and data`,
      });
  return errors;
}

/**
 * The simulated events, checked: an array of at most SIMULATED_EVENTS_LIMIT `{type, at, actor?, data?}`. Throws a
 * `user` problem `request.invalid` whose `extensions.errors` point into the request (`/events/3/at`), at most 100.
 * @example
 *   checkSimulatedEvents([{ type: 'ACCEPT', at: 'garbage' }]) // throws, errors: [{ pointer: '/events/0/at', ... }]
 */
export function checkSimulatedEvents(events: unknown): ApplicationEvent[] {
  const invalid = (errors: FieldError[], message: string) =>
    new ProblemError({
      code: 'request.invalid',
      kind: 'user',
      message,
      pointer: errors[0]?.pointer,
      extensions: { errors: errors.slice(0, 100), errorsTotal: errors.length },
    });
  if (events === undefined) return [];
  if (!Array.isArray(events))
    throw invalid(
      [{ pointer: '/events', code: 'type', message: '/events must be an array' }],
      'events must be an array',
    );
  if (events.length > SIMULATED_EVENTS_LIMIT)
    throw invalid(
      [{ pointer: '/events', code: 'maxItems', message: `/events holds at most ${SIMULATED_EVENTS_LIMIT} events` }],
      `a simulation replays at most ${SIMULATED_EVENTS_LIMIT} events; got ${events.length}`,
    );
  const errors = events.flatMap((e, i) => eventErrors(e, `/events/${i}`));
  if (errors.length)
    throw invalid(
      errors,
      `the simulated events are invalid: ${errors
        .slice(0, 5)
        .map((e) => e.message)
        .join('; ')}`,
    );
  return events as ApplicationEvent[];
}
