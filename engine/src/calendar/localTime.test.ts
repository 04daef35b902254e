import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemError } from '../errors/problem';
import {
  civilDateOf,
  instantOfLocal,
  KAZAKHSTAN_TIME_ZONE,
  localDateTimeOf,
  startOfCivilDay,
  toDottedDateTime,
  toLocalIso,
} from './localTime';

// Asia/Almaty was UTC+6 until 2024-03-01 00:00 local, then UTC+5: every conversion must take the offset of its date.
const ALMATY = 'Asia/Almaty';
const iso = (ms: number) => new Date(ms).toISOString();

describe('startOfCivilDay: local 00:00 of a date, with the offset of that date', () => {
  test.each([
    ['2023-06-01', '2023-05-31T18:00:00.000Z', 'UTC+6 before the change'],
    ['2024-02-29', '2024-02-28T18:00:00.000Z', 'the last day at UTC+6'],
    ['2024-03-01', '2024-02-29T19:00:00.000Z', 'the first day at UTC+5'],
    ['2024-06-01', '2024-05-31T19:00:00.000Z', 'UTC+5 after the change'],
    ['2016-02-29', '2016-02-28T18:00:00.000Z', 'a leap day'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(iso(startOfCivilDay(date, ALMATY))).toBe(expected);
  });

  test('in another zone the same date starts at another instant', () => {
    expect(iso(startOfCivilDay('2023-06-01', 'UTC'))).toBe('2023-06-01T00:00:00.000Z');
  });

  test.each(['2023-02-30', '2023-13-01', '2023-6-1', '2023-06-01T00:00', ''])('"%s" is not a date', (date) => {
    expect(() => startOfCivilDay(date, ALMATY)).toThrow(ProblemError);
    expect(() => startOfCivilDay(date, ALMATY)).toThrow(/YYYY-MM-DD/);
  });

  test('an unknown zone is an error, not a silent UTC', () => {
    expect(() => startOfCivilDay('2023-06-01', 'Asia/Nowhere')).toThrow(/Asia\/Nowhere/);
  });
});

describe('toLocalIso: the ISO the engine stores, with the offset in force at that instant', () => {
  test.each([
    [Date.UTC(2023, 5, 1, 4), '2023-06-01T10:00:00+06:00'],
    [Date.UTC(2024, 1, 29, 17, 59), '2024-02-29T23:59:00+06:00'],
    [Date.UTC(2024, 1, 29, 18, 0), '2024-02-29T23:00:00+05:00'],
    [Date.UTC(2026, 2, 3, 5), '2026-03-03T10:00:00+05:00'],
    [Date.UTC(2026, 2, 3, 5, 0, 0, 250), '2026-03-03T10:00:00.250+05:00'],
    ['2026-03-03T05:00:00Z', '2026-03-03T10:00:00+05:00'],
    ['2023-06-01T10:00:00+06:00', '2023-06-01T10:00:00+06:00'],
  ])('%s → %s', (at, expected) => {
    expect(toLocalIso(at, ALMATY)).toBe(expected);
  });

  test('a string without an offset is refused: the local time it names is ambiguous', () => {
    expect(() => toLocalIso('2026-03-03T10:00:00', ALMATY)).toThrow(/offset/);
  });

  test('the start of a civil day, written back, is that date at 00:00', () => {
    expect(toLocalIso(startOfCivilDay('2023-06-01', ALMATY), ALMATY)).toBe('2023-06-01T00:00:00+06:00');
    expect(toLocalIso(startOfCivilDay('2025-06-01', ALMATY), ALMATY)).toBe('2025-06-01T00:00:00+05:00');
  });
});

describe('civilDateOf, localDateTimeOf, toDottedDateTime: the local date and time people read', () => {
  test.each([
    ['2025-06-02T19:30:00Z', '2025-06-03', '03.06.2025 00:30'],
    ['2025-06-02T18:59:00Z', '2025-06-02', '02.06.2025 23:59'],
    ['2023-06-01T17:59:00Z', '2023-06-01', '01.06.2023 23:59'],
    ['2023-06-01T18:00:00Z', '2023-06-02', '02.06.2023 00:00'],
    ['2024-02-29T18:30:00Z', '2024-02-29', '29.02.2024 23:30'],
    ['2026-03-03T10:00:00+05:00', '2026-03-03', '03.03.2026 10:00'],
  ])('%s → %s, %s', (at, date, dotted) => {
    expect(civilDateOf(at, ALMATY)).toBe(date);
    expect(civilDateOf(Date.parse(at), ALMATY)).toBe(date);
    expect(toDottedDateTime(at, ALMATY)).toBe(dotted);
  });

  test('wall-clock parts', () => {
    expect(localDateTimeOf('2025-03-03T09:30:00Z', ALMATY)).toEqual({
      year: 2025,
      month: 3,
      day: 3,
      hour: 14,
      minute: 30,
      second: 0,
    });
    expect(localDateTimeOf('2023-12-31T18:00:00Z', ALMATY)).toMatchObject({ year: 2024, month: 1, day: 1, hour: 0 });
  });
});

describe('instantOfLocal: a wall-clock time of the zone as an instant', () => {
  test.each([
    ['2026-03-03T10:00', '2026-03-03T05:00:00.000Z'],
    ['2023-06-01T09:00', '2023-06-01T03:00:00.000Z'],
    ['2023-06-01T09:00:30', '2023-06-01T03:00:30.000Z'],
    // The hour lived twice: the later one (UTC+5), as documented.
    ['2024-02-29T23:30', '2024-02-29T18:30:00.000Z'],
  ])('%s → %s', (local, expected) => {
    expect(iso(instantOfLocal(local, ALMATY))).toBe(expected);
  });

  test.each(['2026-03-03T10:00+05:00', '2026-03-03', '2026-03-03T25:00'])('"%s" is refused', (local) => {
    expect(() => instantOfLocal(local, ALMATY)).toThrow(ProblemError);
  });
});

test('KAZAKHSTAN_TIME_ZONE is the zone of the Kazakhstan working calendar', () => {
  const file = join(__dirname, '../../../definitions/calendars/kz.calendar.json');
  expect(JSON.parse(readFileSync(file, 'utf8')).timeZone).toBe(KAZAKHSTAN_TIME_ZONE);
});
