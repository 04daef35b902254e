import { parseInstant } from '../calendar';
import { ProblemError } from '../errors/problem';
import { ACTORS } from '../format/types';
import { escapeSegment } from '../format/jsonPointer';
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
  /** The message in kk, ru and en, as form errors carry it. */
  messages: { kk: string; ru: string; en: string };
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

/** The words of each mistake; `{at}` is the pointer of the part. */
const TEXTS = {
  event: {
    kk: '{at}: оқиға {type, at} объектісі болуы керек',
    ru: '{at}: событие должно быть объектом {type, at}',
    en: '{at} must be an object {type, at}',
  },
  type: {
    kk: `{at}: оқиғаның атауы болуы керек (1-ден ${EVENT_TYPE_MAX_LENGTH}-ге дейін таңба)`,
    ru: `{at}: должно быть названием события (от 1 до ${EVENT_TYPE_MAX_LENGTH} символов)`,
    en: `{at} must be the name of an event (a string of 1 to ${EVENT_TYPE_MAX_LENGTH} characters)`,
  },
  at: {
    kk: '{at}: UTC ауытқуы бар ISO уақыт сәті болуы керек, мысалы 2026-03-03T10:00:00+05:00',
    ru: '{at}: должно быть моментом времени ISO со смещением, например 2026-03-03T10:00:00+05:00',
    en: '{at} must be an ISO instant with an offset, e.g. 2026-03-03T10:00:00+05:00',
  },
  actor: {
    kk: `{at}: мыналардың бірі болуы керек: ${ACTORS.join(', ')}`,
    ru: `{at}: должно быть одним из: ${ACTORS.join(', ')}`,
    en: `{at} must be one of ${ACTORS.join(', ')}`,
  },
  data: { kk: '{at}: объект болуы керек', ru: '{at}: должно быть объектом', en: '{at} must be an object' },
  unknownKey: {
    kk: '{at}: белгісіз кілт; оқиғада type, at, actor және data болады',
    ru: '{at}: неизвестный ключ; у события есть type, at, actor и data',
    en: '{at} is an unknown key; an event holds type, at, actor and data',
  },
  events: {
    kk: `{at}: ең көбі ${SIMULATED_EVENTS_LIMIT} оқиғадан тұратын массив болуы керек`,
    ru: `{at}: должно быть массивом не более чем из ${SIMULATED_EVENTS_LIMIT} событий`,
    en: `{at} must be an array of at most ${SIMULATED_EVENTS_LIMIT} events`,
  },
} as const;

function fieldError(pointer: string, code: string, text: keyof typeof TEXTS): FieldError {
  const [kk, ru, en] = (['kk', 'ru', 'en'] as const).map((l) => TEXTS[text][l].replace('{at}', pointer));
  return { pointer, code, message: en, messages: { kk, ru, en } };
}

function eventErrors(event: unknown, at: string): FieldError[] {
  if (!isPlainObject(event)) return [fieldError(at, 'type', 'event')];
  const errors: FieldError[] = [];
  const { type, at: instant, actor, data } = event;
  if (typeof type !== 'string' || type.length === 0 || type.length > EVENT_TYPE_MAX_LENGTH)
    errors.push(fieldError(`${at}/type`, 'type', 'type'));
  if (!isInstant(instant)) errors.push(fieldError(`${at}/at`, 'format', 'at'));
  if (actor !== undefined && !(ACTORS as readonly unknown[]).includes(actor))
    errors.push(fieldError(`${at}/actor`, 'enum', 'actor'));
  if (data !== undefined && !isPlainObject(data)) errors.push(fieldError(`${at}/data`, 'type', 'data'));
  for (const key of Object.keys(event))
    if (!['type', 'at', 'actor', 'data'].includes(key))
      errors.push(fieldError(`${at}/${escapeSegment(key)}`, 'additionalProperties', 'unknownKey'));
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
  if (!Array.isArray(events)) throw invalid([fieldError('/events', 'type', 'events')], 'events must be an array');
  if (events.length > SIMULATED_EVENTS_LIMIT)
    throw invalid(
      [fieldError('/events', 'maxItems', 'events')],
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
